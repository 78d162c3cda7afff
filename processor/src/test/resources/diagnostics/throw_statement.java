package example;

import org.cotangent.Differentiable;

class ThrowStatement {
    @Differentiable
    static double safeLog(double x) {
        if (x <= 0) {
            // ERROR: COT001 col=13
            throw new IllegalArgumentException("x must be positive");
        }
        return Math.log(x);
    }
}
