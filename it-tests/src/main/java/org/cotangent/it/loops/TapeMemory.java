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
}
