package example;

import org.cotangent.Differentiable;

class ReturnsString {
    @Differentiable
    // ERROR: COT010 col=19
    static String describe(double x) {
        return x > 0 ? "positive" : "not positive";
    }
}
