package example;

import org.cotangent.Differentiable;

class Varargs {
    @Differentiable
    // ERROR: COT010 col=19
    static double sum(double... x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return s;
    }
}
