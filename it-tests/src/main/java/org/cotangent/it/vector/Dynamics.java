package org.cotangent.it.vector;

import org.cotangent.Differentiable;

/** Dynamical systems and extreme shapes (1 input to 1000 outputs, 1000 inputs to 3 outputs). */
public final class Dynamics {
    private Dynamics() {
    }

    /** The Lorenz system's right-hand side. */
    @Differentiable
    public static double[] lorenz(double[] s, double sigma, double rho, double beta) {
        return new double[] {
            sigma * (s[1] - s[0]),
            s[0] * (rho - s[2]) - s[1],
            s[0] * s[1] - beta * s[2]};
    }

    /** Damped pendulum right-hand side, written into dydt. */
    @Differentiable
    public static void pendulum(double[] y, double damping, double[] dydt) {
        dydt[0] = y[1];
        dydt[1] = -Math.sin(y[0]) - damping * y[1];
    }

    /** {@code steps} classical RK4 steps of size h for the damped pendulum; the final state. */
    @Differentiable(wrt = {"y0", "damping", "h"})
    public static double[] pendulumRk4(double[] y0, double damping, double h, int steps) {
        double[] y = y0.clone();
        double[] k1 = new double[2];
        double[] k2 = new double[2];
        double[] k3 = new double[2];
        double[] k4 = new double[2];
        double[] tmp = new double[2];
        for (int n = 0; n < steps; n++) {
            pendulum(y, damping, k1);
            for (int i = 0; i < 2; i++) {
                tmp[i] = y[i] + 0.5 * h * k1[i];
            }
            pendulum(tmp, damping, k2);
            for (int i = 0; i < 2; i++) {
                tmp[i] = y[i] + 0.5 * h * k2[i];
            }
            pendulum(tmp, damping, k3);
            for (int i = 0; i < 2; i++) {
                tmp[i] = y[i] + h * k3[i];
            }
            pendulum(tmp, damping, k4);
            for (int i = 0; i < 2; i++) {
                y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
        }
        return y;
    }

    /** 200 RK4 steps of 0.005 of the Lorenz system, inlined; the final state. */
    @Differentiable
    public static double[] lorenzRk4(double[] s0, double sigma, double rho, double beta) {
        final double h = 0.005;
        double[] s = s0.clone();
        double[][] k = new double[4][3];
        double[] tmp = new double[3];
        for (int n = 0; n < 200; n++) {
            for (int stage = 0; stage < 4; stage++) {
                double c = stage == 0 ? 0.0 : (stage == 3 ? h : 0.5 * h);
                for (int i = 0; i < 3; i++) {
                    tmp[i] = stage == 0 ? s[i] : s[i] + c * k[stage - 1][i];
                }
                k[stage][0] = sigma * (tmp[1] - tmp[0]);
                k[stage][1] = tmp[0] * (rho - tmp[2]) - tmp[1];
                k[stage][2] = tmp[0] * tmp[1] - beta * tmp[2];
            }
            for (int i = 0; i < 3; i++) {
                s[i] += h / 6 * (k[0][i] + 2 * k[1][i] + 2 * k[2][i] + k[3][i]);
            }
        }
        return s;
    }

    /** One input, 1000 outputs: y_i = sin((i + 1) t / 100) exp(-t i / 1000) + t^2 / (i + 1). */
    @Differentiable
    public static double[] fan(double t) {
        double[] y = new double[1000];
        for (int i = 0; i < 1000; i++) {
            y[i] = Math.sin((i + 1) * t / 100) * Math.exp(-t * i / 1000) + t * t / (i + 1);
        }
        return y;
    }

    /** 1000 inputs (any length), 3 outputs: mean square, sum of sin, log-sum-exp. */
    @Differentiable
    public static double[] reduce(double[] x) {
        double sq = 0;
        double sn = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            sq += x[i] * x[i];
            sn += Math.sin(x[i]);
            if (x[i] > max) {
                max = x[i];
            }
        }
        double se = 0;
        for (int i = 0; i < x.length; i++) {
            se += Math.exp(x[i] - max);
        }
        double lse = max + Math.log(se);
        return new double[] {sq / x.length, sn, lse};
    }

    /** Powers x_i^k c^(k - 1) for k = 1..degree, flattened; an int parameter, differentiated in x only. */
    @Differentiable(wrt = {"x"})
    public static double[] powers(double[] x, int degree, double c) {
        double[] y = new double[x.length * degree];
        for (int i = 0; i < x.length; i++) {
            double p = x[i];
            for (int k = 0; k < degree; k++) {
                y[i * degree + k] = p;
                p = p * x[i] * c;
            }
        }
        return y;
    }
}
