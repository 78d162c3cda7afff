package org.cotangent.it.loops;

import org.cotangent.Differentiable;

/** Iterations whose trip count depends on the data: Newton, Halley, fixed points, relaxation sweeps. */
public final class Iterative {
    private Iterative() {
    }

    /** sqrt(a) by Newton's method, iterating until two iterates differ by less than 1e-12. */
    @Differentiable
    public static double newtonSqrt(double a) {
        double x = a > 1 ? a : 1.0;
        double next = 0.5 * (x + a / x);
        while (Math.abs(next - x) >= 1e-12) {
            x = next;
            next = 0.5 * (x + a / x);
        }
        return next;
    }

    /** cbrt(a) by Halley's method in a do/while loop (a > 0). */
    @Differentiable
    public static double halleyCbrt(double a) {
        double x = 1.0 + a / 3;
        double previous;
        do {
            previous = x;
            double x3 = x * x * x;
            x = x * (x3 + 2 * a) / (2 * x3 + a);
        } while (Math.abs(x - previous) > 1e-13);
        return x;
    }

    /** The fixed point of x = c cos x, iterated until the step is below 1e-14 (at most 10,000 times). */
    @Differentiable
    public static double fixedPointCos(double c) {
        double x = 0.5;
        double delta = 1;
        int iterations = 0;
        while (delta > 1e-14 && iterations < 10000) {
            double next = c * Math.cos(x);
            delta = Math.abs(next - x);
            x = next;
            iterations++;
        }
        return x;
    }

    /** 25 Gauss-Seidel sweeps for A x = b, x updated in place; returns sum (i+1) x_i. */
    @Differentiable
    public static double gaussSeidel(double[][] a, double[] b) {
        int n = b.length;
        double[] x = new double[n];
        for (int sweep = 0; sweep < 25; sweep++) {
            for (int i = 0; i < n; i++) {
                double t = b[i];
                for (int j = 0; j < n; j++) {
                    if (j != i) {
                        t -= a[i][j] * x[j];
                    }
                }
                x[i] = t / a[i][i];
            }
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (i + 1) * x[i];
        }
        return s;
    }

    /** 20 Jacobi sweeps for A x = b, the previous iterate a {@code clone()} made inside the loop; returns |x|^2. */
    @Differentiable
    public static double jacobi(double[][] a, double[] b) {
        int n = b.length;
        double[] x = b.clone();
        for (int sweep = 0; sweep < 20; sweep++) {
            double[] old = x.clone();
            for (int i = 0; i < n; i++) {
                double t = b[i];
                for (int j = 0; j < n; j++) {
                    if (j == i) {
                        continue;
                    }
                    t -= a[i][j] * old[j];
                }
                x[i] = t / a[i][i];
            }
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[i] * x[i];
        }
        return s;
    }

    /**
     * 30 unrolled gradient-descent steps on sum (w_i - t_i)^2 + 0.1 w_i^4 from w = 0, then the final
     * misfit: differentiable in the targets and the learning rate (meta-learning).
     */
    @Differentiable
    public static double unrolledDescent(double[] target, double rate) {
        double[] w = new double[target.length];
        for (int step = 0; step < 30; step++) {
            for (int i = 0; i < w.length; i++) {
                w[i] -= rate * (2 * (w[i] - target[i]) + 0.4 * w[i] * w[i] * w[i]);
            }
        }
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            double d = w[i] - target[i];
            s += d * d + 0.1 * w[i] * w[i];
        }
        return s;
    }

    /** The continued fraction x / (2 + 2x / (3 + 3x / (...))) to depth n, evaluated bottom-up. */
    @Differentiable
    public static double continuedFraction(double x, int depth) {
        double t = 0;
        for (int k = depth; k >= 1; k--) {
            t = k * x / (1.0 + k + t);
        }
        return t;
    }

    /** A root of x^3 + p x - q by the secant method, stopped on |f| < 1e-13 (p > 0, so one real root). */
    @Differentiable
    public static double secantRoot(double p, double q) {
        double x0 = 0;
        double x1 = 1;
        double f0 = x0 * x0 * x0 + p * x0 - q;
        double f1 = x1 * x1 * x1 + p * x1 - q;
        int guard = 0;
        while (Math.abs(f1) > 1e-13 && guard < 200) {
            double x2 = x1 - f1 * (x1 - x0) / (f1 - f0);
            x0 = x1;
            f0 = f1;
            x1 = x2;
            f1 = x1 * x1 * x1 + p * x1 - q;
            guard++;
        }
        return x1;
    }
}
