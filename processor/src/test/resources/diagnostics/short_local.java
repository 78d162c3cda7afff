package example;

import org.cotangent.Differentiable;

class ShortLocal {
    @Differentiable
    static double f(double x) {
        // ERROR: COT003 col=15
        short n = 3;
        return x * n;
    }
}
