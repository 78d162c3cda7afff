package example;

import org.cotangent.Differentiable;

class GenericMethod {
    @Differentiable
    // ERROR: COT010 col=23
    static <T> double f(T t, double x) {
        return x * x;
    }
}
