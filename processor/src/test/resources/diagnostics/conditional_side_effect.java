package example;

import org.cotangent.Differentiable;

class ConditionalSideEffect {
    @Differentiable
    static double f(double x, int k) {
        // ERROR: COT012 col=36
        boolean big = x > 0 && k++ > 2;
        // ERROR: COT012 col=34
        double y = big ? x * x : (x += 1);
        return y + x + k;
    }
}
