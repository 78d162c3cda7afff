package fuzz;

import org.cotangent.Differentiable;

/**
 * A sum whose initial value code before the loop reads: the backward sweep of that code needs the
 * sum's value from before the loop, which a fused loop does not keep, so the loop stays unfused;
 * and a second, independent sum that can be fused.
 */
public class FusedSumInitialValueRead {
    @Differentiable
    public static double f(double a, double[] x) {
        double s = Math.cos(a);
        double t = s * a;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * a;
        }
        double u = 0;
        for (int i = 0; i < x.length; i++) {
            u += Math.sin(x[i] * t);
        }
        return 2 * s - t + u;
    }
}
