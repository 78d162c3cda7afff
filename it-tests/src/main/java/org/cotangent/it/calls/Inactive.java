package org.cotangent.it.calls;

import java.util.Arrays;
import org.cotangent.Differentiable;

/** Calls whose result is inactive: int helpers, Arrays.fill on inactive arrays, double helpers of ints. */
public final class Inactive {
    private Inactive() {
    }

    /** Not differentiable: an int helper. */
    static int wrap(int i, int n) {
        return ((i % n) + n) % n;
    }

    /** Not differentiable: a double helper called only with inactive arguments. */
    static double weight(int i) {
        return 1.0 / (1 + i);
    }

    /** Cyclic neighbour products with wrapped indices and helper weights. */
    @Differentiable
    public static double cyclic(double[] x, double a) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            int j = wrap(i + 1, x.length);
            int k = Math.floorMod(i - 1, x.length);
            s += weight(i) * x[i] * (x[j] - a * x[k]);
        }
        return s;
    }

    /** Arrays.fill on inactive double[] and int[] arrays, then active use. */
    @Differentiable
    public static double filled(double[] x, double c) {
        double[] ones = new double[x.length];
        Arrays.fill(ones, 1.0);
        int[] reps = new int[x.length];
        Arrays.fill(reps, 2);
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += ones[i] * reps[i] * x[i] * x[i] * c;
        }
        return s + Math.max(1, Integer.bitCount(x.length));
    }

    /** Int results of helpers steer a loop; Double.compare of active elements picks a branch. */
    @Differentiable
    public static double counted(double[] x, double t) {
        int n = Math.min(x.length, wrap(7, 5) + 1);
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Double.compare(x[i], 0.0) > 0 ? x[i] * t : -x[i] * x[i];
        }
        return s;
    }
}
