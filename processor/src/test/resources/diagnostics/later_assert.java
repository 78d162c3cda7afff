package example;

import org.cotangent.Differentiable;

class AssertStatement {
    @Differentiable
    static double root(double x) {
        // ERROR: COT001 col=9
        assert x >= 0 : "negative";
        return Math.sqrt(x);
    }
}
