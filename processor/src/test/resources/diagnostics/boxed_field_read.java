package example;

import org.cotangent.Differentiable;

class BoxedFieldRead {
    static final Double K = 2.0;

    @Differentiable
    static double f(double x) {
        // ERROR: COT002 col=29
        return x * (x > 0 ? K : 1.0);
    }
}
