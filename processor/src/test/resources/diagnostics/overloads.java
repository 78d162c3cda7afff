package example;

import org.cotangent.Differentiable;

class Overloads {
    @Differentiable
    // ERROR: COT009 col=19
    static double f(double x) {
        return x * x;
    }

    @Differentiable
    // ERROR: COT009 col=19
    static double f(double x, double y) {
        return x * y;
    }
}
