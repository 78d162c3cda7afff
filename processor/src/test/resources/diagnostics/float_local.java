package example;

import org.cotangent.Differentiable;

class FloatLocal {
    @Differentiable
    static double square(double x) {
        // ERROR: COT003 col=15
        float y = (float) x;
        return y * y;
    }
}
