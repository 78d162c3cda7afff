package demo;

import org.cotangent.Differentiable;

public class Banana {
    @Differentiable
    public static double f(double x, double y) {
        double a = 1 - x;
        double b = y - x * x;
        return a * a + 100 * b * b;
    }
}
