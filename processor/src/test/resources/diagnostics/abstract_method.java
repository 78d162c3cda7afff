package example;

import org.cotangent.Differentiable;

abstract class AbstractMethod {
    @Differentiable
    // ERROR: COT010 col=21
    abstract double apply(double x);
}
