package example;

import org.cotangent.Differentiable;

class ArrayInitRank3 {
    @Differentiable
    static double f(double x) {
        // ERROR: COT003 col=16
        return new double[][][] {{{x}}}[0][0][0] * x;
    }
}
