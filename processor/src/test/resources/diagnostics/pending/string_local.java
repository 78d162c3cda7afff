package example;

import org.cotangent.Differentiable;

class StringLocal {
    @Differentiable
    static double f(double x) {
        // ERROR: COT003 col=16
        String name = "x";
        return x * name.length();
    }
}
