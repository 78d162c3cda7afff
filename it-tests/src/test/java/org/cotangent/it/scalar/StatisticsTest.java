package org.cotangent.it.scalar;

import static org.cotangent.it.scalar.Check.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatisticsTest {
    @Test
    void logisticLoss() {
        scalar("logisticLoss", "w b x y", v -> Statistics.logisticLoss(v[0], v[1], v[2], v[3]),
                v -> StatisticsDerivatives.logisticLoss_grad(v[0], v[1], v[2], v[3]),
                (v, s, a) -> StatisticsDerivatives.logisticLoss_vjp(v[0], v[1], v[2], v[3], s, a[0], a[1], a[2], a[3]),
                new double[] {0.5, -0.2, 1.5, 1.0}, new double[] {-1.3, 0.4, 2.0, 0.0},
                new double[] {2.0, 1.0, -0.7, 1.0}, new double[] {0.1, -3.0, 0.5, 0.3});
    }

    @Test
    void logisticLossGradientByHand() {
        // d/dw = (sigmoid(z) - y) x, d/db = sigmoid(z) - y, z = w x + b
        double w = 0.5;
        double b = -0.2;
        double x = 1.5;
        double y = 1.0;
        double p = 1 / (1 + Math.exp(-(w * x + b)));
        var g = StatisticsDerivatives.logisticLoss_grad(w, b, x, y);
        assertEquals((p - y) * x, g.w(), 1e-14);
        assertEquals(p - y, g.b(), 1e-14);
    }

    @Test
    void gaussianLogDensity() {
        scalar("gaussianLogDensity", "x mu sigma", v -> Statistics.gaussianLogDensity(v[0], v[1], v[2]),
                v -> StatisticsDerivatives.gaussianLogDensity_grad(v[0], v[1], v[2]),
                (v, s, a) -> StatisticsDerivatives.gaussianLogDensity_vjp(v[0], v[1], v[2], s, a[0], a[1], a[2]),
                new double[] {0.5, 0.0, 1.0}, new double[] {-1.2, 0.3, 0.5}, new double[] {3.0, 2.5, 2.0});
    }

    @Test
    void softplus() {
        scalar("softplus", "x", v -> Statistics.softplus(v[0]),
                v -> StatisticsDerivatives.softplus_grad(v[0]),
                (v, s, a) -> StatisticsDerivatives.softplus_vjp(v[0], s, a[0]),
                new double[] {2.0}, new double[] {-3.0}, new double[] {0.5}, new double[] {-0.4});
    }

    @Test
    void logSumExp3() {
        scalar("logSumExp3", "a b c", v -> Statistics.logSumExp3(v[0], v[1], v[2]),
                v -> StatisticsDerivatives.logSumExp3_grad(v[0], v[1], v[2]),
                (v, s, a) -> StatisticsDerivatives.logSumExp3_vjp(v[0], v[1], v[2], s, a[0], a[1], a[2]),
                new double[] {0.1, 0.5, -0.3}, new double[] {2.0, -1.0, 1.5}, new double[] {-4.0, -3.0, -5.0});
    }

    @Test
    void sigmoid() {
        scalar("sigmoid", "x", v -> Statistics.sigmoid(v[0]),
                v -> StatisticsDerivatives.sigmoid_grad(v[0]),
                (v, s, a) -> StatisticsDerivatives.sigmoid_vjp(v[0], s, a[0]),
                new double[] {0.0}, new double[] {2.5}, new double[] {-1.7});
    }

    @Test
    void huber() {
        scalar("huber", "r delta", v -> Statistics.huber(v[0], v[1]),
                v -> StatisticsDerivatives.huber_grad(v[0], v[1]),
                (v, s, a) -> StatisticsDerivatives.huber_vjp(v[0], v[1], s, a[0], a[1]),
                new double[] {0.5, 1.0}, new double[] {-2.5, 1.0}, new double[] {3.0, 1.5}, new double[] {-0.3, 0.5});
    }

    @Test
    void binaryCrossEntropy() {
        scalar("binaryCrossEntropy", "p y", v -> Statistics.binaryCrossEntropy(v[0], v[1]),
                v -> StatisticsDerivatives.binaryCrossEntropy_grad(v[0], v[1]),
                (v, s, a) -> StatisticsDerivatives.binaryCrossEntropy_vjp(v[0], v[1], s, a[0], a[1]),
                new double[] {0.3, 1.0}, new double[] {0.8, 0.0}, new double[] {0.55, 0.7});
    }

    @Test
    void betaLogKernel() {
        scalar("betaLogKernel", "x a b", v -> Statistics.betaLogKernel(v[0], v[1], v[2]),
                v -> StatisticsDerivatives.betaLogKernel_grad(v[0], v[1], v[2]),
                (v, s, a) -> StatisticsDerivatives.betaLogKernel_vjp(v[0], v[1], v[2], s, a[0], a[1], a[2]),
                new double[] {0.3, 2.0, 5.0}, new double[] {0.7, 0.5, 1.5}, new double[] {0.5, 3.0, 3.0});
    }

    @Test
    void laplaceLogDensity() {
        scalar("laplaceLogDensity", "x mu scale", v -> Statistics.laplaceLogDensity(v[0], v[1], v[2]),
                v -> StatisticsDerivatives.laplaceLogDensity_grad(v[0], v[1], v[2]),
                (v, s, a) -> StatisticsDerivatives.laplaceLogDensity_vjp(v[0], v[1], v[2], s, a[0], a[1], a[2]),
                new double[] {1.0, 0.0, 2.0}, new double[] {-0.5, 0.7, 0.3}, new double[] {3.0, 3.5, 1.0});
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 10})
    void poissonLogLikelihood(int k) {
        scalar("poissonLogLikelihood", "lambda", v -> Statistics.poissonLogLikelihood(v[0], k),
                v -> StatisticsDerivatives.poissonLogLikelihood_grad(v[0], k),
                (v, s, a) -> StatisticsDerivatives.poissonLogLikelihood_vjp(v[0], k, s, a[0]),
                new double[] {0.5}, new double[] {4.0}, new double[] {12.0});
    }
}
