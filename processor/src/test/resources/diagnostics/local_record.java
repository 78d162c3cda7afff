package example;

import org.cotangent.Differentiable;

class LocalRecord {
    @Differentiable
    static double f(double x) {
        // ERROR: COT001 col=9
        record Pair(double a, double b) {
        }
        return x * x;
    }
}
