package example;

import org.cotangent.Differentiable;

class ParameterNamedValue {
    @Differentiable
    // ERROR: COT008 col=33
    static double scaled(double value, double x) {
        return value * x;
    }
}
