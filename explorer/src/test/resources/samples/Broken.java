package demo;

import org.cotangent.Differentiable;

class Broken {
    @Differentiable
    static double f(double x) {
        double y = x * x
        return y;
    }
}
