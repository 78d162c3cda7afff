package example;

import org.cotangent.Differentiable;

class ByteLocal {
    @Differentiable
    static double f(double x) {
        // ERROR: COT003 col=14
        byte b = 2;
        return x * b;
    }
}
