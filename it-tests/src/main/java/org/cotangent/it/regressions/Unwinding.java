package org.cotangent.it.regressions;

import org.cotangent.Differentiable;

/** Derivatives abandoned by an exception in the middle of a sweep must leave the thread's tape clean. */
public class Unwinding {
    @Differentiable
    public static double callee(double x, int k) {
        int[] t = new int[8];
        return x * x + t[k > 100 ? 99 : 0];
    }

    /** Throws ArrayIndexOutOfBoundsException from the callee once k + i exceeds 100. */
    @Differentiable
    public static double caller(double x, int k) {
        double s = 0;
        for (int i = 0; i < 10; i++) {
            s = Math.sin(s) + callee(x, k + i);
        }
        return s;
    }

    /** A long loop that tapes every iteration; throws part-way when the index array is too short. */
    @Differentiable
    public static double iterate(double x, int[] index, int n) {
        double s = x;
        for (int i = 0; i < n; i++) {
            s = Math.sin(s) * 0.5 + x * index[i];
        }
        return s;
    }
}
