package fuzz;

import org.cotangent.Differentiable;

/**
 * Sum loops with work arrays. The first fills its array in full in each iteration before reading
 * it, so its backward sweep may run inside the forward sweep; the second writes one element per
 * iteration and reads the others' values from earlier iterations, so it must not be fused.
 */
public class FusedWorkArrays {
    @Differentiable
    public static double f(double a, double[] x) {
        double[] w = new double[3];
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 3; j++) {
                w[j] = Math.sin(x[i] * (j + 1) * a);
            }
            s += w[0] * w[2] - w[1];
        }
        double[] v = new double[3];
        double t = 0;
        for (int i = 0; i < x.length; i++) {
            v[i % 3] = x[i] * a;
            t += v[0] * v[1] + v[2] * a;
        }
        return s + 2 * t;
    }
}
