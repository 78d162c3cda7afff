package example;

import org.cotangent.Differentiable;

class InnerClass {
    double scale = 2.0;

    class Layer {
        @Differentiable
        // ERROR: COT010 col=16
        double apply(double x) {
            return scale * x * x;
        }
    }
}
