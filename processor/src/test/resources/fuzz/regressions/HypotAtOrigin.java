package fuzz;

import org.cotangent.Differentiable;

/** The fuzzer's seeds 3000914 and 3007592: hypot and atan2 at the origin gave a NaN Hessian. */
public class HypotAtOrigin {
    @Differentiable
    public static double f(double x, double y) {
        double q = y - y;
        return x * y * y + Math.atan(Math.hypot(q, 0.0)) + Math.atan2(q, x - x) + Math.pow(q, 3.0);
    }
}
