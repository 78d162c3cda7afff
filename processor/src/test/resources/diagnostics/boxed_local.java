package example;

import org.cotangent.Differentiable;

class BoxedLocal {
    @Differentiable
    static double f(double x) {
        // ERROR: COT003 col=16
        Double y = x;
        return y * y;
    }
}
