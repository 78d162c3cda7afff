package org.cotangent.it.regressions;

import org.cotangent.Differentiable;

/** Hessians through hypot and atan2 at the origin, where their first partials take the convention 0. */
public class HypotHessian {
    /** The hypot term is identically atan(0) = 0: H = [[0, 2y], [2y, 2x]]. */
    @Differentiable
    public static double f(double x, double y) {
        double q = y - y;
        return x * y * y + Math.atan(Math.hypot(q, 0.0));
    }

    /** hypot at the origin reached by the inputs themselves (at x = 1, y = 2). */
    @Differentiable
    public static double h(double x, double y) {
        return x * y * y + Math.hypot(x - 1, y - 2);
    }

    /** atan2 at the origin, its arguments' tangents exactly 0 there. */
    @Differentiable
    public static double a(double x, double y) {
        double z = x - x;
        return x * x * y + Math.atan2(z, y - y) + Math.pow(z, 3.0);
    }
}
