package example;

import org.cotangent.Differentiable;

class LocalClass {
    @Differentiable
    static double clamped(double x) {
        // ERROR: COT001 col=9
        class Limits {
            static final double MAX = 10.0;
        }
        return Math.min(x, Limits.MAX);
    }
}
