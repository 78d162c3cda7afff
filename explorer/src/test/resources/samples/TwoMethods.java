package demo;

import org.cotangent.Differentiable;

public class TwoMethods {
    @Differentiable
    public static double f(double x, double y) {
        return x * y;
    }

    @Differentiable
    public static double f_2(double[] x) {
        return Math.sin(x[0]);
    }

    @Differentiable
    public static double g(double x) {
        return Math.exp(x);
    }
}
