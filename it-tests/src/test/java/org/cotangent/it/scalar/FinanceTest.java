package org.cotangent.it.scalar;

import static org.cotangent.it.scalar.Check.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FinanceTest {
    /** (s, k, t, r, sigma): in the money, out of the money (d1, d2 &lt; 0), deep in the money. */
    private static final double[][] OPTIONS = {
        {100.0, 95.0, 0.5, 0.03, 0.2},
        {50.0, 60.0, 1.5, 0.01, 0.35},
        {120.0, 100.0, 0.25, 0.05, 0.15},
    };

    @Test
    void blackScholesCall() {
        scalar("blackScholesCall", "s k t r sigma", v -> Finance.blackScholesCall(v[0], v[1], v[2], v[3], v[4]),
                v -> FinanceDerivatives.blackScholesCall_grad(v[0], v[1], v[2], v[3], v[4]),
                (v, s, a) -> FinanceDerivatives.blackScholesCall_vjp(v[0], v[1], v[2], v[3], v[4],
                        s, a[0], a[1], a[2], a[3], a[4]),
                OPTIONS);
    }

    @Test
    void blackScholesPut() {
        scalar("blackScholesPut", "s k t r sigma", v -> Finance.blackScholesPut(v[0], v[1], v[2], v[3], v[4]),
                v -> FinanceDerivatives.blackScholesPut_grad(v[0], v[1], v[2], v[3], v[4]),
                (v, s, a) -> FinanceDerivatives.blackScholesPut_vjp(v[0], v[1], v[2], v[3], v[4],
                        s, a[0], a[1], a[2], a[3], a[4]),
                OPTIONS);
    }

    @Test
    void blackScholesDelta() {
        scalar("blackScholesDelta", "s k t r sigma", v -> Finance.blackScholesDelta(v[0], v[1], v[2], v[3], v[4]),
                v -> FinanceDerivatives.blackScholesDelta_grad(v[0], v[1], v[2], v[3], v[4]),
                (v, s, a) -> FinanceDerivatives.blackScholesDelta_vjp(v[0], v[1], v[2], v[3], v[4],
                        s, a[0], a[1], a[2], a[3], a[4]),
                OPTIONS);
    }

    @Test
    void blackScholesVega() {
        scalar("blackScholesVega", "s k t r sigma", v -> Finance.blackScholesVega(v[0], v[1], v[2], v[3], v[4]),
                v -> FinanceDerivatives.blackScholesVega_grad(v[0], v[1], v[2], v[3], v[4]),
                (v, s, a) -> FinanceDerivatives.blackScholesVega_vjp(v[0], v[1], v[2], v[3], v[4],
                        s, a[0], a[1], a[2], a[3], a[4]),
                OPTIONS);
    }

    @Test
    void callDeltaIsTheDerivativeOfThePrice() {
        // d price / d s = N(d1) + s N'(d1) dd1/ds - k e^(-rt) N'(d2) dd2/ds, and the last two cancel
        // exactly for the true N; with the 26.2.17 approximation they cancel to about 1e-7.
        for (double[] o : OPTIONS) {
            double ds = FinanceDerivatives.blackScholesCall_grad(o[0], o[1], o[2], o[3], o[4]).s();
            double delta = Finance.blackScholesDelta(o[0], o[1], o[2], o[3], o[4]);
            assertEquals(delta, ds, 1e-5);
        }
    }

    @Test
    void forwardPrice() {
        scalar("forwardPrice", "s r q t", v -> Finance.forwardPrice(v[0], v[1], v[2], v[3]),
                v -> FinanceDerivatives.forwardPrice_grad(v[0], v[1], v[2], v[3]),
                (v, s, a) -> FinanceDerivatives.forwardPrice_vjp(v[0], v[1], v[2], v[3], s, a[0], a[1], a[2], a[3]),
                new double[] {100, 0.03, 0.01, 2.0}, new double[] {50, 0.05, 0.02, 0.5},
                new double[] {80, -0.01, 0.03, 1.5});
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 12})
    void compoundGrowth(int m) {
        scalar("compoundGrowth", "principal rate years", v -> Finance.compoundGrowth(v[0], v[1], v[2], m),
                v -> FinanceDerivatives.compoundGrowth_grad(v[0], v[1], v[2], m),
                (v, s, a) -> FinanceDerivatives.compoundGrowth_vjp(v[0], v[1], v[2], m, s, a[0], a[1], a[2]),
                new double[] {1000, 0.05, 10}, new double[] {250, 0.12, 2.5}, new double[] {1, 0.03, 30});
    }

    @ParameterizedTest
    @CsvSource({"100, 10", "2500, 30", "1, 1"})
    void annuityPresentValueWrtRateOnly(double payment, int n) {
        scalar("annuityPresentValue", "rate", v -> Finance.annuityPresentValue(payment, v[0], n),
                v -> FinanceDerivatives.annuityPresentValue_grad(payment, v[0], n),
                (v, s, a) -> FinanceDerivatives.annuityPresentValue_vjp(payment, v[0], n, s, a[0]),
                new double[] {0.05}, new double[] {0.01}, new double[] {0.2});
    }

    @Test
    void logReturn() {
        scalar("logReturn", "p0 p1", v -> Finance.logReturn(v[0], v[1]),
                v -> FinanceDerivatives.logReturn_grad(v[0], v[1]),
                (v, s, a) -> FinanceDerivatives.logReturn_vjp(v[0], v[1], s, a[0], a[1]),
                new double[] {100, 110}, new double[] {50, 45}, new double[] {1.5, 2.5});
    }

    @Test
    void zeroYield() {
        scalar("zeroYield", "price face t", v -> Finance.zeroYield(v[0], v[1], v[2]),
                v -> FinanceDerivatives.zeroYield_grad(v[0], v[1], v[2]),
                (v, s, a) -> FinanceDerivatives.zeroYield_vjp(v[0], v[1], v[2], s, a[0], a[1], a[2]),
                new double[] {95, 100, 1}, new double[] {80, 100, 5}, new double[] {0.9, 1, 0.5});
    }
}
