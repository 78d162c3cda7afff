package org.cotangent.it.loops;

import org.cotangent.Differentiable;

/** Long loops for the tape's memory bounds. */
public final class TapeMemory {
    private TapeMemory() {
    }

    /**
     * s_{i+1} = sin(s_i) x[i mod len] + 0.5 for n iterations: every iteration overwrites s, and the
     * backward sweep needs each old s (for cos s_i), so the tape must hold one value per iteration.
     */
    @Differentiable
    public static double sinChain(double[] x, double s0, int n) {
        double s = s0;
        for (int i = 0; i < n; i++) {
            s = Math.sin(s) * x[i % x.length] + 0.5;
        }
        return s;
    }

    /**
     * A smoothed hidden layer over local arrays, one from {@code new}, one from an initialiser: the
     * generated {@code _vjp} takes both, and their adjoints, from the tape's pool.
     */
    @Differentiable
    public static double localArrays(double[] x) {
        double[] h = new double[x.length];
        double[] ends = {x[0], x[x.length - 1]};
        for (int i = 0; i < x.length; i++) {
            h[i] = Math.tanh(x[i] * ends[0]) + ends[1];
        }
        double s = 0;
        for (int i = 0; i < h.length; i++) {
            s += h[i] * h[i];
        }
        return s;
    }

    /** A vector-valued method returning a local array: that array must stay freshly allocated. */
    @Differentiable
    public static double[] escapes(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * x[i];
        }
        return y;
    }
}
