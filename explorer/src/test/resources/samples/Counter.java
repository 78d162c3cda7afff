package demo;

import org.cotangent.Differentiable;

class Counter {
    static double calls;

    @Differentiable
    static double square(double x) {
        calls = x;
        return x * x;
    }
}
