package org.cotangent.itlib;

import org.cotangent.Differentiable;

/**
 * Differentiable building blocks compiled in a module of their own: it-tests calls them through this
 * module's jar, so their {@code _vjp}s come from {@code KernelsDerivatives.class}, not from source in
 * the same compilation.
 */
public final class Kernels {
    private Kernels() {
    }

    /** log(1 + e^x), computed stably. */
    @Differentiable
    public static double softplus(double x) {
        if (x > 0) {
            return x + Math.log1p(Math.exp(-x));
        }
        return Math.log1p(Math.exp(x));
    }

    /** A Gaussian bump of centre mu and width s. */
    @Differentiable
    public static double bump(double x, double mu, double s) {
        double z = (x - mu) / s;
        return Math.exp(-0.5 * z * z) / s;
    }

    /** sum_i w_i v_i^2. */
    @Differentiable
    public static double weightedSquares(double[] w, double[] v) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += w[i] * v[i] * v[i];
        }
        return s;
    }

    /** Differentiated with respect to {@code x} only; {@code p} is a fixed exponent. */
    @Differentiable(wrt = {"x"})
    public static double powerNorm(double[] x, double p) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += Math.pow(Math.abs(x[i]), p);
        }
        return Math.pow(s, 1 / p);
    }

    /** out = tanh(w x + b): overwrites every element of {@code out}. */
    @Differentiable
    public static void affineTanh(double[][] w, double[] b, double[] x, double[] out) {
        for (int i = 0; i < out.length; i++) {
            double s = b[i];
            for (int j = 0; j < x.length; j++) {
                s += w[i][j] * x[j];
            }
            out[i] = Math.tanh(s);
        }
    }

    /** y += a * x^2 elementwise: only adds to {@code y}. */
    @Differentiable
    public static void axpySquare(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i] * x[i];
        }
    }
}
