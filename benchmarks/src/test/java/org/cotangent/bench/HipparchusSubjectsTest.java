package org.cotangent.bench;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Hipparchus versions of the subjects compute what the subjects compute: values and gradients agree with Cotangent's. */
class HipparchusSubjectsTest {
    @Test
    void rosenbrockInPassesAssemblesTheFullGradient() {
        Random random = new Random(3);
        double[] x = new double[25];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble() * 2 - 1;
        }
        double[] forward = new double[x.length];
        for (int first = 0; first < x.length; first += 10) {
            assertEquals(Subjects.rosenbrock(x), HipparchusSubjects.rosenbrock(x, first, 10, forward), 1e-12);
        }
        assertArrayEquals(SubjectsDerivatives.rosenbrock_grad(x).x(), forward, 1e-10);
    }

    @Test
    void mlpLossMatchesTheGeneratedGradient() {
        Random random = new Random(5);
        int nIn = 7;
        int nHidden = 5;
        int nOut = 3;
        double[] w1 = gaussian(random, nIn * nHidden);
        double[] b1 = gaussian(random, nHidden);
        double[] w2 = gaussian(random, nHidden * nOut);
        double[] b2 = gaussian(random, nOut);
        double[] x = gaussian(random, nIn);
        int n = w1.length + b1.length + w2.length + b2.length;
        double[] forward = new double[n];
        for (int first = 0; first < n; first += 8) {
            assertEquals(Subjects.mlpLoss(w1, b1, w2, b2, x, 1),
                    HipparchusSubjects.mlpLoss(w1, b1, w2, b2, x, 1, first, 8, forward), 1e-12);
        }
        SubjectsDerivatives.MlpLossGradient g = SubjectsDerivatives.mlpLoss_grad(w1, b1, w2, b2, x, 1);
        double[] reverse = new double[n];
        System.arraycopy(g.w1(), 0, reverse, 0, w1.length);
        System.arraycopy(g.b1(), 0, reverse, w1.length, b1.length);
        System.arraycopy(g.w2(), 0, reverse, w1.length + b1.length, w2.length);
        System.arraycopy(g.b2(), 0, reverse, w1.length + b1.length + w2.length, b2.length);
        assertArrayEquals(reverse, forward, 1e-12);
    }

    @Test
    void lotkaVolterraMatchesTheGeneratedGradient() {
        double[] p = {1.1, 0.4, 0.1, 0.4, 10, 10};
        double[] forward = new double[6];
        double value = HipparchusSubjects.lotkaVolterra(p, 0.01, 300, forward);
        SubjectsDerivatives.LotkaVolterraGradient g = SubjectsDerivatives.lotkaVolterra_grad(p[0], p[1], p[2], p[3],
                p[4], p[5], 0.01, 300);
        assertEquals(g.value(), value, 1e-12 * Math.abs(value));
        assertArrayEquals(new double[] {g.alpha(), g.beta(), g.delta(), g.gamma(), g.prey0(), g.predator0()}, forward,
                1e-9 * Math.abs(value));
    }

    static double[] gaussian(Random random, int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextGaussian();
        }
        return values;
    }
}
