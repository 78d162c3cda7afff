package example;

import org.cotangent.Differentiable;

class AssertStatement {
    private static String why = "negative";

    @Differentiable
    static double root(double x) {
        // ERROR: COT001 col=25
        assert x >= 0 : why;
        return Math.sqrt(x);
    }
}
