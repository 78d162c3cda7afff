package example;

import org.cotangent.Differentiable;

class CallHelperActiveArray {
    static double total(double[] v) {
        double s = 0;
        for (double e : v) {
            s += e;
        }
        return s;
    }

    double scale(double x) {
        return 2 * x;
    }

    @Differentiable
    static double f(double[] x) {
        // ERROR: COT004 col=25
        return 3 * total(x);
    }

    // an instance helper without derivative is reported as an unsupported call (COT002), not COT004
    @Differentiable
    double g(double x) {
        // ERROR: COT002 col=30
        return x + this.scale(x * x);
    }
}
