package example;

import org.cotangent.Differentiable;

class ThrowStatement {
    String describe(double x) {
        return "x = " + x;
    }

    @Differentiable
    double safeLog(double x) {
        if (x <= 0) {
            // ERROR: COT001 col=48
            throw new IllegalArgumentException(describe(x));
        }
        return Math.log(x);
    }
}
