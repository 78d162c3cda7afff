package demo;

import org.cotangent.Differentiable;

class SafeLog {
    @Differentiable
    static double safeLog(double x) {
        if (x <= 0) {
            throw new IllegalArgumentException("x must be positive");
        }
        return Math.log(x);
    }
}
