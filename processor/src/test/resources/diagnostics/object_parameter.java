package example;

import org.cotangent.Differentiable;

class ObjectParameter {
    @Differentiable
    // ERROR: COT003 col=43
    static double scaled(double x, Object scale) {
        return x * (Double) scale;
    }
}
