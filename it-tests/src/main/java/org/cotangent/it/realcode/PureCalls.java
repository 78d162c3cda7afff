package org.cotangent.it.realcode;

import java.util.Arrays;
import org.cotangent.Differentiable;

/** JDK methods that only read the active arrays they are passed: their results carry no derivative. */
public class PureCalls {
    @Differentiable
    public static double lerp(double[] grid, double[] values, double x) {
        int k = Arrays.binarySearch(grid, x);
        if (k < 0) {
            k = -k - 2;
        }
        k = Math.max(0, Math.min(k, grid.length - 2));
        double t = (x - grid[k]) / (grid[k + 1] - grid[k]);
        return values[k] * (1 - t) + values[k + 1] * t;
    }

    @Differentiable
    public static double finiteSum(double[] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            if (Double.isFinite(a[i]) && !Double.isNaN(a[i])) {
                s += a[i] * Math.getExponent(a[i]);
            }
        }
        return s;
    }
}
