package org.cotangent.it.loops;

import org.cotangent.Differentiable;

/**
 * Values the backward sweep must see as they were: loop-local temporaries read before an overwrite,
 * wrap-around reads of overwritten elements, two arrays updated from each other, a written parameter.
 */
public final class Recomputation {
    private Recomputation() {
    }

    /** A loop-local read of an element that an earlier iteration overwrote (wrap-around). */
    @Differentiable
    public static double wrapAroundRead(double[] x) {
        double[] a = x.clone();
        int n = a.length;
        for (int i = 0; i < n; i++) {
            double t = a[(i + 1) % n];
            a[i] = t * a[i] + Math.sin(t);
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[i] * (i + 1);
        }
        return s;
    }

    /** A loop-local copy of a scalar taken before the scalar is overwritten in the same iteration. */
    @Differentiable
    public static double localBeforeOverwrite(double[] x) {
        double s = 0.5;
        for (int i = 0; i < x.length; i++) {
            double u = s;
            s = s * x[i];
            s += Math.exp(u) * 0.1;
            double w = s * u;
            s -= 0.05 * w;
        }
        return s;
    }

    /** Loop-local temporaries depending on an array element overwritten later in the same body. */
    @Differentiable
    public static double localThenElementOverwrite(double[] x, double[] y) {
        double[] a = x.clone();
        double s = 0;
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < a.length; i++) {
                double t = a[i] * y[i];
                a[i] = Math.cos(t);
                double q = t * a[i];
                a[i] += q;
                s += a[i] * t;
            }
        }
        return s;
    }

    /** Two arrays updated from each other each step (ping-pong through element copies). */
    @Differentiable
    public static double pingPong(double[] x) {
        int n = x.length;
        double[] a = x.clone();
        double[] b = new double[n];
        for (int step = 0; step < 4; step++) {
            for (int i = 0; i < n; i++) {
                b[i] = a[i] * a[(i + 1) % n] + 0.1;
            }
            for (int i = 0; i < n; i++) {
                a[i] = Math.sin(b[i]) + b[(i + n - 1) % n];
            }
        }
        return a[0] + 2 * a[n - 1] + b[1];
    }

    /** Overwrites its own wrt parameter: gradient with respect to the values on entry. */
    @Differentiable
    public static double writesParameter(double[] x) {
        x[0] = x[0] * 3;
        for (int i = 1; i < x.length; i++) {
            x[i] = x[i - 1] * x[i];
        }
        return x[x.length - 1] + x[0];
    }

    /** A break out of a nested while inside a for, with a scalar carried across. */
    @Differentiable
    public static double nestedWhileBreak(double[] x) {
        double s = 1;
        for (int i = 0; i < x.length; i++) {
            int k = 0;
            while (true) {
                s = s * 0.9 + x[i] * 0.2;
                k++;
                if (k >= i + 1) {
                    break;
                }
            }
        }
        return s;
    }

    /** An int loop counter computed from data (a floor of an active value). */
    @Differentiable
    public static double countFromData(double x, double[] w) {
        int n = (int) Math.floor(x);
        double s = 0;
        for (int i = 0; i < n && i < w.length; i++) {
            s += w[i] * x;
        }
        return s;
    }
}
