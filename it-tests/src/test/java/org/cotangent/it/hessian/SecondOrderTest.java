package org.cotangent.it.hessian;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Hessians by forward over reverse, checked against an independent oracle: central differences of
 * the (finite-difference-checked) gradient, symmetry, closed forms, and f_hvp against H v.
 */
class SecondOrderTest {
    private static final double TOL = 1e-6;

    /** Central differences of the gradient, Richardson-extrapolated, column by column. */
    private static void assertHessian(String name, double[][] h, Function<double[], double[]> grad, double[] x) {
        int n = x.length;
        assertEquals(n, h.length, name + ": rows");
        for (int j = 0; j < n; j++) {
            double step = 1e-3 * Math.max(1, Math.abs(x[j]));
            double[] d1 = difference(grad, x, j, step);
            double[] d2 = difference(grad, x, j, step / 2);
            for (int i = 0; i < n; i++) {
                double fd = (4 * d2[i] - d1[i]) / 3;
                double scale = 1 + Math.abs(fd);
                if (Math.abs(fd - h[i][j]) > TOL * scale) {
                    fail(name + ": H[" + i + "][" + j + "] = " + h[i][j] + " but differences of the gradient give " + fd);
                }
                if (Math.abs(h[i][j] - h[j][i]) > 1e-9 * (1 + Math.abs(h[i][j]))) {
                    fail(name + ": not symmetric at [" + i + "][" + j + "]: " + h[i][j] + " vs " + h[j][i]);
                }
            }
        }
    }

    private static double[] difference(Function<double[], double[]> grad, double[] x, int j, double step) {
        double[] up = x.clone();
        double[] down = x.clone();
        up[j] += step;
        down[j] -= step;
        double[] gu = grad.apply(up);
        double[] gd = grad.apply(down);
        double[] out = new double[gu.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (gu[i] - gd[i]) / (2 * step);
        }
        return out;
    }

    @Test
    void rosenbrockMatchesItsClosedForm() {
        double[] x = {-1.2, 1.0, 0.8, 1.5, -0.3};
        double[][] h = SecondOrderDerivatives.rosenbrock_hessian(x);
        int n = x.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double expected = 0;
                if (i == j) {
                    expected = (i < n - 1 ? 2 - 400 * (x[i + 1] - 3 * x[i] * x[i]) : 0) + (i > 0 ? 200 : 0);
                } else if (Math.abs(i - j) == 1) {
                    expected = -400 * x[Math.min(i, j)];
                }
                assertEquals(expected, h[i][j], 1e-9 * (1 + Math.abs(expected)), "H[" + i + "][" + j + "]");
            }
        }
        assertHessian("rosenbrock", h, v -> SecondOrderDerivatives.rosenbrock_grad(v).x(), x);
    }

    @Test
    void logisticRegressionLoss() {
        Random random = new Random(5);
        double[][] xs = new double[20][3];
        double[] ys = new double[20];
        for (int n = 0; n < xs.length; n++) {
            for (int j = 0; j < 3; j++) {
                xs[n][j] = random.nextGaussian();
            }
            ys[n] = random.nextBoolean() ? 1 : 0;
        }
        double[] w = {0.3, -0.7, 0.2};
        double b = 0.1;
        double[][] h = SecondOrderDerivatives.logisticLoss_hessian(w, b, xs, ys);
        assertHessian("logisticLoss", h, v -> {
            SecondOrderDerivatives.LogisticLossGradient g = SecondOrderDerivatives.logisticLoss_grad(
                    new double[] {v[0], v[1], v[2]}, v[3], xs, ys);
            return new double[] {g.w()[0], g.w()[1], g.w()[2], g.b()};
        }, new double[] {w[0], w[1], w[2], b});
        // the logistic loss is convex: a positive semi-definite Hessian has a non-negative diagonal
        for (int i = 0; i < 4; i++) {
            assertTrue(h[i][i] >= 0, "diagonal " + i);
        }
    }

    @Test
    void smallScalarFunctions() {
        for (double[] p : new double[][] {{0.7, -0.4}, {1.3, 0.9}}) {
            assertHessian("trig", SecondOrderDerivatives.trig_hessian(p[0], p[1]), v -> {
                SecondOrderDerivatives.TrigGradient g = SecondOrderDerivatives.trig_grad(v[0], v[1]);
                return new double[] {g.x(), g.y()};
            }, p);
            assertHessian("powers", SecondOrderDerivatives.powers_hessian(p[0], p[1]), v -> {
                SecondOrderDerivatives.PowersGradient g = SecondOrderDerivatives.powers_grad(v[0], v[1]);
                return new double[] {g.x(), g.y()};
            }, p);
            assertHessian("callsInside", SecondOrderDerivatives.callsInside_hessian(p[0], p[1]), v -> {
                SecondOrderDerivatives.CallsInsideGradient g = SecondOrderDerivatives.callsInside_grad(v[0], v[1]);
                return new double[] {g.x(), g.y()};
            }, p);
        }
        double[] q = {0.4, -1.1, 0.6};
        assertHessian("rational", SecondOrderDerivatives.rational_hessian(q[0], q[1], q[2]), v -> {
            SecondOrderDerivatives.RationalGradient g = SecondOrderDerivatives.rational_grad(v[0], v[1], v[2]);
            return new double[] {g.x(), g.y(), g.z()};
        }, q);
    }

    @Test
    void arrayFunctions() {
        double[] v = {0.3, -1.2, 2.0, 0.5};
        assertHessian("logSumExp", SecondOrderDerivatives.logSumExp_hessian(v),
                x -> SecondOrderDerivatives.logSumExp_grad(x).v(), v);
        double[] theta = {0.2, -0.5, 1.1};
        assertHessian("pendulumChain", SecondOrderDerivatives.pendulumChain_hessian(theta),
                x -> SecondOrderDerivatives.pendulumChain_grad(x).theta(), theta);
        double[][] a = {{2, 1, 0}, {0, 3, -1}, {1, 0, 1}};
        double[] x = {0.5, -0.2, 0.8};
        double[][] h = SecondOrderDerivatives.quadraticForm_hessian(a, x);
        // with respect to (a, x): the x block is A + A^T
        int off = 9;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(a[i][j] + a[j][i], h[off + i][off + j], 1e-12);
            }
        }
    }

    @Test
    void hessianVectorProductEqualsHessianTimesVector() {
        double[] x = {-1.2, 1.0, 0.8, 1.5};
        double[] u = {0.3, -0.1, 0.7, 0.2};
        double[][] h = SecondOrderDerivatives.rosenbrock_hessian(x);
        SecondOrderDerivatives.RosenbrockGradient hv = SecondOrderDerivatives.rosenbrock_hvp(x, u);
        assertEquals(SecondOrder.rosenbrock(x), hv.value());
        for (int i = 0; i < x.length; i++) {
            double expected = 0;
            for (int j = 0; j < x.length; j++) {
                expected += h[i][j] * u[j];
            }
            assertEquals(expected, hv.x()[i], 1e-9 * (1 + Math.abs(expected)));
        }
    }
}
