package example;

import org.cotangent.Differentiable;

class ArrayParameter {
    @Differentiable
    static double firstSquared(double[] x) {
        // ERROR: COT002 col=25
        double first = x[0];
        return first * first;
    }
}
