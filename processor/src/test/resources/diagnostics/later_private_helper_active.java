package example;

import org.cotangent.Differentiable;

class PrivateHelperActive {
    private static double cube(double v) {
        return v * v * v;
    }

    @Differentiable
    static double f(double x) {
        // ERROR: COT002 col=24
        return 2 * cube(x);
    }
}
