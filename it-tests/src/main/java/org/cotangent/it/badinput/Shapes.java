package org.cotangent.it.badinput;

import org.cotangent.Differentiable;

/**
 * Small functions with one parameter of each differentiable shape, for testing how the generated
 * methods treat accumulators, tangents and seeds of the wrong length or shape, {@code null}, and
 * NaN or infinite inputs.
 */
public final class Shapes {
    private Shapes() {
    }

    /** Two scalars: {@code x * y + sin(x)}. */
    @Differentiable
    public static double scalars(double x, double y) {
        return x * y + Math.sin(x);
    }

    /** A scalar, a vector and a matrix: {@code a * sum_i v[i] * (m[i][0] + m[i][1])}. */
    @Differentiable
    public static double mixed(double a, double[] v, double[][] m) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += v[i] * (m[i][0] + m[i][1]);
        }
        return a * s;
    }

    /** {@code sqrt(x) * y}: the derivative in x is infinite at 0, the value is NaN below 0. */
    @Differentiable
    public static double root(double x, double y) {
        return Math.sqrt(x) * y;
    }

    /** Vector-valued: {@code (k * x[0] * x[1], x[0] + x[2], k * x[2] * x[2])}. */
    @Differentiable
    public static double[] vector(double k, double[] x) {
        return new double[] {k * x[0] * x[1], x[0] + x[2], k * x[2] * x[2]};
    }

    /** Writes an output array: {@code out[i] = x[i] * x[i] * s}. */
    @Differentiable
    public static void fill(double s, double[] x, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * x[i] * s;
        }
    }
}
