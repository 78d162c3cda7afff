package example;

import org.cotangent.CustomVjp;

class CustomVjpNotStatic {
    static double opaque(double x) {
        return Math.sin(x);
    }

    // ERROR: COT013 col=5
    @CustomVjp(of = "opaque")
    double opaque_vjp(double x, double seed, double[] x_adj) {
        x_adj[0] += seed * Math.cos(x);
        return opaque(x);
    }
}
