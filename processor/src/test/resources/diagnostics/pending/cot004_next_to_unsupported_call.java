package example;

import org.cotangent.Differentiable;

class Cot004NextToUnsupportedCall {
    static double helper(double v) {
        return v * v;
    }

    @Differentiable
    static double f(double x) {
        // ERROR: COT002 col=31
        // ERROR: COT004 col=43
        double a = Math.nextUp(x) + helper(x);
        return a;
    }
}
