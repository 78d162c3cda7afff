package org.cotangent.it.loops;

import org.cotangent.Differentiable;

/**
 * Loops whose reverse mode may be checkpointed (each iteration's state kept at its start, the
 * iteration run again backward): loop-carried scalars and arrays, state an iteration reads before
 * it writes it, values the code before or after the loop needs, work arrays refilled in part.
 * .ci/run runs these with checkpointing forced on and off as well as by cost.
 */
public final class Checkpointed {
    private Checkpointed() {
    }

    /** A void right-hand side, written into its last argument. */
    @Differentiable
    static void decay(double[] y, double[] rates, double[] dydt) {
        for (int i = 0; i < y.length; i++) {
            dydt[i] = -rates[i] * y[i] + 0.1 * y[(i + 1) % y.length];
        }
    }

    /** Heun's method over arrays of the state's length: stages refilled in full, the state carried. */
    @Differentiable(wrt = {"rates", "y0"})
    public static double heun(double[] rates, double[] y0, double dt, int steps) {
        int n = y0.length;
        double[] y = y0.clone();
        double[] k1 = new double[n];
        double[] k2 = new double[n];
        double[] tmp = new double[n];
        for (int s = 0; s < steps; s++) {
            decay(y, rates, k1);
            for (int i = 0; i < n; i++) {
                tmp[i] = y[i] + dt * k1[i];
            }
            decay(tmp, rates, k2);
            for (int i = 0; i < n; i++) {
                y[i] += 0.5 * dt * (k1[i] + k2[i]);
            }
        }
        double r = 0;
        for (int i = 0; i < n; i++) {
            r += Math.sin(y[i]) * (i + 1);
        }
        return r;
    }

    /** Carried scalars and a branch on them: a damped oscillator with a nonlinear kick. */
    @Differentiable
    public static double kicked(double x0, double v0, double k) {
        double x = x0;
        double v = v0;
        double energy = 0;
        for (int s = 0; s < 200; s++) {
            double a = -k * x - 0.1 * v;
            if (x > 0.5) {
                a -= x * x;
            }
            v += 0.01 * a;
            x += 0.01 * v;
            energy += v * v;
        }
        return energy * 0.01 + x;
    }

    /** The value before the loop is read after it by the backward code of what precedes it: x^2 before, x overwritten in the loop. */
    @Differentiable
    public static double beforeAndAfter(double x, double c) {
        double t = x;
        double before = t * t;
        for (int s = 0; s < 20; s++) {
            t = t * c + Math.sin(t) * 0.1;
        }
        return before * t + t * t;
    }

    /** A loop inside a loop that cannot be checkpointed (it holds a while): its state read after it, in the outer body. */
    @Differentiable
    public static double nestedInWhile(double[] x, double c) {
        double[] y = x.clone();
        double total = 0;
        for (int r = 0; r < 3; r++) {
            int m = 0;
            while (m < 2) {
                total += y[m] * c;
                m++;
            }
            for (int s = 0; s < 5; s++) {
                for (int i = 0; i < y.length; i++) {
                    y[i] = y[i] * c + 0.01 * y[i] * y[i];
                }
            }
            total += y[0] * y[y.length - 1];
        }
        return total;
    }

    /** Written only sometimes: element 0 in even iterations, and read in every iteration. */
    @Differentiable
    public static double sometimes(double[] x, double c) {
        double[] w = new double[2];
        w[0] = x[0];
        w[1] = x[1];
        double acc = 0;
        for (int s = 0; s < 10; s++) {
            if (s % 2 == 0) {
                w[0] = w[1] * c + x[0];
            }
            acc += w[0] * w[1];
            w[1] = Math.cos(w[0]) + x[1];
        }
        return acc;
    }

    /** An int stepped in the loop and used as an index, and a written int array. */
    @Differentiable
    public static double intState(double[] x) {
        int k = 0;
        int[] seen = new int[x.length];
        double[] y = x.clone();
        double s = 0;
        for (int t = 0; t < 12; t++) {
            k = (k + 3) % y.length;
            seen[k] += 1;
            y[k] = y[k] * 0.9 + seen[k] * 0.01 * y[(k + 1) % y.length];
            s += y[k] * y[k];
        }
        return s;
    }

    /** A matrix state: repeated 2 x 2 products, m = m a, carried in a double[][]. */
    @Differentiable
    public static double matrixPower(double[][] a) {
        double[][] m = {{1, 0}, {0, 1}};
        for (int s = 0; s < 6; s++) {
            double m00 = m[0][0] * a[0][0] + m[0][1] * a[1][0];
            double m01 = m[0][0] * a[0][1] + m[0][1] * a[1][1];
            double m10 = m[1][0] * a[0][0] + m[1][1] * a[1][0];
            double m11 = m[1][0] * a[0][1] + m[1][1] * a[1][1];
            m[0][0] = m00;
            m[0][1] = m01;
            m[1][0] = m10;
            m[1][1] = m11;
        }
        return m[0][0] + 2 * m[0][1] + 3 * m[1][0] + 4 * m[1][1];
    }

    /** A value read in the loop and overwritten after it: the loop's replay needs the value it had. */
    @Differentiable
    public static double overwrittenAfter(double x, double c) {
        double g = c * 2;
        double y = x;
        for (int s = 0; s < 8; s++) {
            y = y * g - 0.1 * y * y;
        }
        g = g * y;
        return g + y;
    }

    /** The state written in place into the caller's array: _vjp must leave it as the method does. */
    @Differentiable
    public static double inPlace(double[] y, double c) {
        for (int s = 0; s < 5; s++) {
            for (int i = 0; i < y.length; i++) {
                y[i] = y[i] * c + 0.1 * Math.tanh(y[i]);
            }
        }
        return y[0] + y[y.length - 1];
    }
}
