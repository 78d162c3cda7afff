package example;

import org.cotangent.Differentiable;

class Rank3Parameter {
    @Differentiable
    // ERROR: COT003 col=38
    static double first(double[][][] t) {
        return t[0][0][0] * 2;
    }
}
