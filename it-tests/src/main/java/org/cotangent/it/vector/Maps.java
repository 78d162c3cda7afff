package org.cotangent.it.vector;

import org.cotangent.Differentiable;

/** Vector-valued maps of one vector: elementwise functions, normalisations, prefix sums, branches. */
public final class Maps {
    private Maps() {
    }

    /** Elementwise x_i^2. */
    @Differentiable
    public static double[] square(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * x[i];
        }
        return y;
    }

    /** Elementwise sin(x) exp(-x^2 / 2) + log1p(x^2) + cbrt(x) / (1 + x^2) (x away from 0). */
    @Differentiable
    public static double[] bump(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            double q = xi * xi;
            y[i] = Math.sin(xi) * Math.exp(-0.5 * q) + Math.log1p(q) + Math.cbrt(xi) / (1 + q);
        }
        return y;
    }

    /** x / |x|. */
    @Differentiable
    public static double[] normalize(double[] x) {
        double s = 0;
        for (double xi : x) {
            s += xi * xi;
        }
        double norm = Math.sqrt(s);
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] /= norm;
        }
        return y;
    }

    /** Numerically stable softmax: exp(x_i - max x) / sum_j exp(x_j - max x). */
    @Differentiable
    public static double[] softmax(double[] x) {
        double max = x[0];
        for (int i = 1; i < x.length; i++) {
            max = Math.max(max, x[i]);
        }
        double[] e = new double[x.length];
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            e[i] = Math.exp(x[i] - max);
            sum += e[i];
        }
        for (int i = 0; i < x.length; i++) {
            e[i] = e[i] / sum;
        }
        return e;
    }

    /** Prefix sums y_i = x_0 + ... + x_i, in place on a copy. */
    @Differentiable
    public static double[] cumsum(double[] x) {
        double[] y = x.clone();
        for (int i = 1; i < y.length; i++) {
            y[i] += y[i - 1];
        }
        return y;
    }

    /** {min(a, b), max(a, b), |a - b|} by branches. */
    @Differentiable
    public static double[] minMax(double a, double b) {
        double lo;
        double hi;
        if (a < b) {
            lo = a;
            hi = b;
        } else {
            lo = b;
            hi = a;
        }
        return new double[] {lo, hi, hi - lo};
    }

    /** Elementwise sqrt by a data-dependent number of Newton iterations (a while loop). */
    @Differentiable
    public static double[] newtonSqrt(double[] x) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double g = x[i] > 1 ? x[i] : 1.0;
            int iterations = 0;
            while (iterations < 60 && Math.abs(g * g - x[i]) > 1e-15 * x[i]) {
                g = 0.5 * (g + x[i] / g);
                iterations++;
            }
            r[i] = g;
        }
        return r;
    }

    /** A switch on the element index mod 3 picks the map; an int mode shifts the choice. */
    @Differentiable
    public static double[] mixed(double[] x, int mode) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            switch ((i + mode) % 3) {
                case 0:
                    y[i] = Math.tanh(x[i]);
                    break;
                case 1:
                    y[i] = x[i] * Math.exp(0.1 * x[i]);
                    break;
                default:
                    y[i] = Math.atan2(x[i], 1.5) + (i > 0 ? x[i - 1] * x[i] : 0);
            }
        }
        return y;
    }

    /** Calls inside an array initialiser (regression: forward mode once lost their temporaries). */
    @Differentiable
    public static double[] initialiserCalls(double[] x) {
        return new double[] {Math.exp(x[0]) * x[1], Math.hypot(x[0], x[1]), Math.sin(x[1]) + Math.cos(x[0])};
    }
}
