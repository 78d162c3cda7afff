package example;

import org.cotangent.Differentiable;

class InstanceofTest {
    static final Number SCALE = 2.0;

    @Differentiable
    static double f(double x) {
        // ERROR: COT002 col=19
        if (SCALE instanceof Integer) {
            return 2 * x;
        }
        return 3 * x;
    }
}
