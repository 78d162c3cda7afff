package example;

import org.cotangent.CustomVjp;
import org.cotangent.Differentiable;

class CustomVjpWrongSignature {
    static double opaque(double x, double y) {
        return Math.sin(x) * y;
    }

    // the accumulator of y is missing
    // ERROR: COT013 col=5
    @CustomVjp(of = "opaque")
    static double opaque_vjp(double x, double y, double seed, double[] x_adj) {
        x_adj[0] += seed * Math.cos(x) * y;
        return opaque(x, y);
    }

    static double other(double x) {
        return Math.exp(x);
    }

    // a double accumulator instead of double[]
    // ERROR: COT013 col=5
    @CustomVjp(of = "other")
    static double other_vjp(double x, double seed, double x_adj) {
        return other(x);
    }

    @Differentiable
    static double useOk(double x) {
        return x * x;
    }
}
