package example;

import org.cotangent.Differentiable;

class NativeMethod {
    @Differentiable
    // ERROR: COT010 col=26
    static native double apply(double x);
}
