package example;

import org.cotangent.Differentiable;

class ObjectParameter {
    @Differentiable
    static double scaled(double x, Object scale) {
        // ERROR: COT003 col=20
        return x * (Double) scale;
    }
}
