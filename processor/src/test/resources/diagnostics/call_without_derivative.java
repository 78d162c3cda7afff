package example;

import org.cotangent.Differentiable;

class CallWithoutDerivative {
    static double helper(double v) {
        return v * v + 1;
    }

    @Differentiable
    static double f(double x) {
        // ERROR: COT004 col=22
        return helper(x) * 2;
    }
}
