package example;

import org.cotangent.Differentiable;

class ForLoop {
    @Differentiable
    static double powerSum(double x) {
        double s = 0;
        // ERROR: COT001 col=9
        for (int i = 1; i <= 3; i++) {
            s += x * i;
        }
        return s;
    }
}
