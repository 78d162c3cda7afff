package example;

import org.cotangent.Differentiable;

class WrtNotFloating {
    // ERROR: COT007 col=5
    @Differentiable(wrt = {"x", "n"})
    static double f(double x, int n) {
        return n * x;
    }
}
