package example;

import org.cotangent.Differentiable;

class MathWithoutDerivative {
    @Differentiable
    static double f(double x) {
        // ERROR: COT002 col=31
        return 2 * Math.nextUp(x);
    }
}
