package example;

import org.cotangent.Differentiable;

class FloatLiteral {
    @Differentiable
    static double scaled(double x) {
        // ERROR: COT003 col=16
        return 0.1f * x;
    }
}
