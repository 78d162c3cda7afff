package org.cotangent.it.calls;

import org.cotangent.it.loops.Inputs;

import static org.cotangent.it.scalar.Check.Args.args;
import static org.cotangent.it.scalar.Check.arrays;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SpecialTest {
    @Test
    void theFunctionsThemselves() {
        assertEquals(0.8427007929497149, Special.erf(1.0), 1e-15);
        assertEquals(-0.5204998778130465, Special.erf(-0.5), 1e-15);
        assertEquals(0.7651976865579666, Bessel.j0(1.0), 1e-15);
        assertEquals(0.44005058574493355, Bessel.j1(1.0), 1e-15);
        double[] out = new double[3];
        Special.cumsum(new double[] {1, 2, 3}, out);
        assertEquals("[1.0, 3.0, 6.0]", Arrays.toString(out));
    }

    @Test
    void noGeneratedDerivativeForTheOpaqueFunctions() {
        for (Method m : SpecialDerivatives.class.getMethods()) {
            assertTrue(!m.getName().startsWith("erf") && !m.getName().startsWith("logSumExp")
                    && !m.getName().startsWith("cumsum_"), m.getName());
        }
    }

    @Test
    void probitLossCallsTheErfRule() {
        int before = Special.ERF_RULE_CALLS.get();
        arrays("probitLoss", "mu sigma xs",
                a -> Special.probitLoss(a.d(0), a.d(1), a.v(2)),
                a -> SpecialDerivatives.probitLoss_grad(a.d(0), a.d(1), a.v(2)),
                (a, s, acc) -> SpecialDerivatives.probitLoss_vjp(a.d(0), a.d(1), a.v(2), s, acc.v(0), acc.v(1),
                        acc.v(2)),
                Inputs.points(6001, 3, in -> args().d("mu", in.uniform(-0.3, 0.3)).d("sigma", in.uniform(0.8, 1.5))
                        .v("xs", in.vector(6, -1.5, 1.5))));
        assertTrue(Special.ERF_RULE_CALLS.get() >= before + 6 * 3 * 2);
    }

    @Test
    void crossEntropyCallsTheStreamRule() {
        int before = Special.LSE_RULE_CALLS.get();
        for (int label = 0; label < 3; label++) {
            int l = label;
            arrays("crossEntropy", "w",
                    a -> Special.crossEntropy(a.m(0), a.v(1), a.i(2)),
                    a -> SpecialDerivatives.crossEntropy_grad(a.m(0), a.v(1), a.i(2)),
                    (a, s, acc) -> SpecialDerivatives.crossEntropy_vjp(a.m(0), a.v(1), a.i(2), s, acc.m(0)),
                    Inputs.points(6010 + l, 3, in -> args().m("w", in.matrix(3, 4, -1, 1)).v("x", in.vector(4, -1, 1))
                            .i("label", l)));
        }
        assertTrue(Special.LSE_RULE_CALLS.get() > before);
    }

    @Test
    void besselEnergyThroughARuleInAnotherClass() {
        arrays("besselEnergy", "a b",
                a -> Special.besselEnergy(a.d(0), a.d(1)),
                a -> SpecialDerivatives.besselEnergy_grad(a.d(0), a.d(1)),
                (a, s, acc) -> SpecialDerivatives.besselEnergy_vjp(a.d(0), a.d(1), s, acc.v(0), acc.v(1)),
                Inputs.points(6020, 3, in -> args().d("a", in.uniform(0.5, 3)).d("b", in.uniform(0.5, 2))));
    }

    @Test
    void cumsumLossThroughAVoidRule() {
        arrays("cumsumLoss", "x c",
                a -> Special.cumsumLoss(a.v(0), a.v(1)),
                a -> SpecialDerivatives.cumsumLoss_grad(a.v(0), a.v(1)),
                (a, s, acc) -> SpecialDerivatives.cumsumLoss_vjp(a.v(0), a.v(1), s, acc.v(0), acc.v(1)),
                Inputs.points(6030, 3, in -> args().v("x", in.vector(6, -1, 1)).v("c", in.vector(6, -1, 1))));
    }

    @Test
    void softL1UsesTheRuleInsteadOfTheGeneratedDerivative() {
        int before = Special.ROOT_RULE_CALLS.get();
        arrays("softL1", "x a",
                a -> Special.softL1(a.v(0), a.d(1)),
                a -> SpecialDerivatives.softL1_grad(a.v(0), a.d(1)),
                (a, s, acc) -> SpecialDerivatives.softL1_vjp(a.v(0), a.d(1), s, acc.v(0), acc.v(1)),
                Inputs.points(6040, 3, in -> args().v("x", in.vector(5, -2, 2)).d("a", in.uniform(-0.2, 0.2))));
        assertTrue(Special.ROOT_RULE_CALLS.get() >= before + 5 * 3 * 2, "the custom rule was not called");
    }
}
