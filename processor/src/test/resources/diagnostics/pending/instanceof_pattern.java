package example;

import org.cotangent.Differentiable;

class InstanceofPattern {
    static final Number SCALE = 2.0;

    @Differentiable
    static double f(double x) {
        // ERROR: COT002 col=19
        if (SCALE instanceof Double d) {
            return d * x;
        }
        return x;
    }
}
