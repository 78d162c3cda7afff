package example;

import org.cotangent.Differentiable;

class IncrementInExpression {
    @Differentiable
    static double f(double x) {
        double t = x;
        // ERROR: COT012 col=21
        double y = t++ * x;
        return y + t;
    }
}
