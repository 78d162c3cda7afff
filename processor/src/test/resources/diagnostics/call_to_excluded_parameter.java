package example;

import org.cotangent.Differentiable;

class CallToExcludedParameter {
    @Differentiable(wrt = {"x"})
    static double scaled(double x, double k) {
        return k * x * x;
    }

    @Differentiable
    static double caller(double a, double b) {
        double fine = scaled(a, 2.0);
        // ERROR: COT014 col=22
        return scaled(a, b * b) + fine;
    }

    @Differentiable(wrt = {"v"})
    static double norm(double[] v, double[] w) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += w[i] * v[i] * v[i];
        }
        return s;
    }

    @Differentiable
    static double arrays(double[] x) {
        double[] y = x.clone();
        // ERROR: COT014 col=20
        return norm(x, y);
    }
}
