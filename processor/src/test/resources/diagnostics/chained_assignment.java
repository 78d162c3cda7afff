package example;

import org.cotangent.Differentiable;

class ChainedAssignment {
    @Differentiable
    static double f(double x) {
        double a;
        double b;
        // ERROR: COT012 col=15
        a = b = x * x;
        return a + b;
    }
}
