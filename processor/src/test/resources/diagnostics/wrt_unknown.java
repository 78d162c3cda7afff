package example;

import org.cotangent.Differentiable;

class WrtUnknown {
    // ERROR: COT006 col=5
    @Differentiable(wrt = {"x", "z"})
    static double f(double x, double y) {
        return x * y;
    }
}
