package example;

import org.cotangent.Differentiable;

class ObjectArrayLocal {
    @Differentiable
    static double f(double x) {
        // ERROR: COT003 col=18
        Double[] boxes = {1.0, 2.0};
        return x * boxes.length;
    }
}
