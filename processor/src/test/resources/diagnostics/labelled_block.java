package example;

import org.cotangent.Differentiable;

class LabelledBlock {
    @Differentiable
    static double f(double x) {
        double y = x;
        // ERROR: COT001 col=9
        done: {
            if (x > 1) {
                break done;
            }
            y = x * x;
        }
        return y;
    }
}
