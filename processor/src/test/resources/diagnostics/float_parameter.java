package example;

import org.cotangent.Differentiable;

class FloatParameter {
    @Differentiable
    // ERROR: COT003 col=42
    static double scaled(double x, float k) {
        return k * x;
    }
}
