package example;

import org.cotangent.Differentiable;

class CharLocal {
    @Differentiable
    static double f(double x) {
        // ERROR: COT003 col=14
        char c = 'a';
        return x * c;
    }
}
