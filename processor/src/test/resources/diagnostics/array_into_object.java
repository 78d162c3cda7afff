package example;

import org.cotangent.Differentiable;

class ArrayIntoObject {
    @Differentiable
    static double first(double[] x) {
        // ERROR: COT003 col=16
        Object o = x;
        return x[0];
    }
}
