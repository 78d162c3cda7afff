package example;

import org.cotangent.Differentiable;

class WrtEmpty {
    // ERROR: COT006 col=5
    @Differentiable(wrt = {})
    static double f(double x, double y) {
        return x * y;
    }
}
