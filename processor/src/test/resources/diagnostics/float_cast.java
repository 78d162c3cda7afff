package example;

import org.cotangent.Differentiable;

class FloatCast {
    @Differentiable
    static double f(double x) {
        // ERROR: COT003 col=16
        return (float) x * x;
    }
}
