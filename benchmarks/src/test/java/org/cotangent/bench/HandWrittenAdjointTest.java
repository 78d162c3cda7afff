package org.cotangent.bench;

import org.cotangent.runtime.GradCheck;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hand-written adjoints the benchmarks compare against are right: finite differences agree. */
class HandWrittenAdjointTest {
    @Test
    void rosenbrockAdjointMatchesFiniteDifferencesAndGenerated() {
        Random random = new Random(7);
        double[] x = new double[20];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble() * 2 - 1;
        }
        double[] hand = new double[x.length];
        double value = HandWritten.rosenbrockVjp(x, 1.0, hand);
        assertEquals(Subjects.rosenbrock(x), value, 1e-12);
        GradCheck.assertGradient(Subjects::rosenbrock, x, hand);
        double[] generated = new double[x.length];
        SubjectsDerivatives.rosenbrock_vjp(x, 1.0, generated);
        assertArrayEquals(hand, generated, 1e-9);
    }

    @Test
    void logisticAdjointMatchesFiniteDifferencesAndBothGenerated() {
        double[] w = {0.3, -0.7, 0.2, 1.1};
        double[] x = {1.5, 0.4, -2.0, 0.3};
        double[] hand = new double[w.length + 1];
        double[] wAdj = new double[w.length];
        double[] bAdj = new double[1];
        HandWritten.logisticVjp(w, 0.25, x, 1.0, 1.0, wAdj, bAdj);
        System.arraycopy(wAdj, 0, hand, 0, w.length);
        hand[w.length] = bAdj[0];
        double[] point = {0.3, -0.7, 0.2, 1.1, 0.25};
        GradCheck.assertGradient(v -> Subjects.logisticFlat(java.util.Arrays.copyOf(v, 4), v[4], x, 1.0), point, hand);
        Subjects_ParamsTangent acc = Subjects_ParamsTangent.zerosLike(new Subjects.Params(w, 0.25));
        SubjectsDerivatives.logisticRecord_vjp(new Subjects.Params(w, 0.25), x, 1.0, 1.0, acc);
        assertArrayEquals(hand, acc.toArray(), 1e-12);
    }

    @Test
    void rk4AdjointMatchesFiniteDifferencesAndGenerated() {
        double[] p = {1.1, 0.4, 0.1, 0.4};
        double[] y0 = {10, 10};
        int steps = 200;
        double[] pAdj = new double[4];
        double[] y0Adj = new double[2];
        double value = HandWritten.rk4Vjp(p, y0, 0.01, steps, 1.0, pAdj, y0Adj, new double[2 * steps],
                new double[24]);
        assertEquals(Subjects.rk4(p, y0, 0.01, steps), value, 1e-9 * value);
        double[] hand = {pAdj[0], pAdj[1], pAdj[2], pAdj[3], y0Adj[0], y0Adj[1]};
        GradCheck.assertGradient(v -> Subjects.rk4(java.util.Arrays.copyOf(v, 4), new double[] {v[4], v[5]}, 0.01,
                steps), new double[] {1.1, 0.4, 0.1, 0.4, 10, 10}, hand, 1e-6, 1e-8);
        double[] gp = new double[4];
        double[] gy = new double[2];
        SubjectsDerivatives.rk4_vjp(p, y0, 0.01, steps, 1.0, gp, gy);
        assertArrayEquals(hand, new double[] {gp[0], gp[1], gp[2], gp[3], gy[0], gy[1]}, 1e-9 * Math.abs(value));
    }

    @Test
    void lotkaVolterraAdjointMatchesFiniteDifferences() {
        double[] p = {1.1, 0.4, 0.1, 0.4, 10, 10};
        int steps = 200;
        double[] hand = new double[6];
        double[] states = new double[2 * (steps + 1)];
        HandWritten.lotkaVolterraVjp(p[0], p[1], p[2], p[3], p[4], p[5], 0.01, steps, 1.0, hand, states);
        GradCheck.assertGradient(v -> Subjects.lotkaVolterra(v[0], v[1], v[2], v[3], v[4], v[5], 0.01, steps), p,
                hand, 1e-6, 1e-8);
        SubjectsDerivatives.LotkaVolterraGradient g = SubjectsDerivatives.lotkaVolterra_grad(p[0], p[1], p[2], p[3],
                p[4], p[5], 0.01, steps);
        assertArrayEquals(hand, new double[] {g.alpha(), g.beta(), g.delta(), g.gamma(), g.prey0(), g.predator0()},
                1e-9 * Math.abs(g.value()));
    }

    @Test
    void lotkaVolterraWithCallsMatchesTheInlinedVersion() {
        double[] p = {1.1, 0.4, 0.1, 0.4, 10, 10};
        SubjectsDerivatives.LotkaVolterraGradient inlined = SubjectsDerivatives.lotkaVolterra_grad(p[0], p[1], p[2],
                p[3], p[4], p[5], 0.01, 300);
        SubjectsDerivatives.LotkaVolterraCallsGradient calls = SubjectsDerivatives.lotkaVolterraCalls_grad(p[0], p[1],
                p[2], p[3], p[4], p[5], 0.01, 300);
        assertEquals(inlined.value(), calls.value(), 1e-12 * Math.abs(inlined.value()));
        assertArrayEquals(new double[] {inlined.alpha(), inlined.beta(), inlined.delta(), inlined.gamma(),
                        inlined.prey0(), inlined.predator0()},
                new double[] {calls.alpha(), calls.beta(), calls.delta(), calls.gamma(), calls.prey0(),
                        calls.predator0()}, 1e-9 * Math.abs(inlined.value()));
    }

    @Test
    void mlpAdjointMatchesFiniteDifferencesAndGenerated() {
        Random random = new Random(11);
        int nIn = 6;
        int nHidden = 4;
        int nOut = 3;
        double[] w1 = HipparchusSubjectsTest.gaussian(random, nIn * nHidden);
        double[] b1 = HipparchusSubjectsTest.gaussian(random, nHidden);
        double[] w2 = HipparchusSubjectsTest.gaussian(random, nHidden * nOut);
        double[] b2 = HipparchusSubjectsTest.gaussian(random, nOut);
        double[] x = HipparchusSubjectsTest.gaussian(random, nIn);
        double[] w1Adj = new double[w1.length];
        double[] b1Adj = new double[b1.length];
        double[] w2Adj = new double[w2.length];
        double[] b2Adj = new double[b2.length];
        double loss = HandWritten.mlpLossVjp(w1, b1, w2, b2, x, 2, 1.0, w1Adj, b1Adj, w2Adj, b2Adj,
                new double[nHidden], new double[nOut], new double[nHidden]);
        assertEquals(Subjects.mlpLoss(w1, b1, w2, b2, x, 2), loss, 1e-12);
        GradCheck.assertGradient(w -> Subjects.mlpLoss(w, b1, w2, b2, x, 2), w1, w1Adj);
        GradCheck.assertGradient(b -> Subjects.mlpLoss(w1, b, w2, b2, x, 2), b1, b1Adj);
        GradCheck.assertGradient(w -> Subjects.mlpLoss(w1, b1, w, b2, x, 2), w2, w2Adj);
        GradCheck.assertGradient(b -> Subjects.mlpLoss(w1, b1, w2, b, x, 2), b2, b2Adj);
        SubjectsDerivatives.MlpLossGradient g = SubjectsDerivatives.mlpLoss_grad(w1, b1, w2, b2, x, 2);
        assertArrayEquals(w1Adj, g.w1(), 1e-12);
        assertArrayEquals(b2Adj, g.b2(), 1e-12);
    }
}
