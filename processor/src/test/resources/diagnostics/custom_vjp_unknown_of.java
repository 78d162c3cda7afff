package example;

import org.cotangent.CustomVjp;

class CustomVjpUnknownOf {
    static double opaque(double x) {
        return Math.sin(x);
    }

    // 'of' names a method that does not exist (typo)
    // ERROR: COT013 col=5
    @CustomVjp(of = "opaqe")
    static double opaque_vjp(double x, double seed, double[] x_adj) {
        x_adj[0] += seed * Math.cos(x);
        return opaque(x);
    }
}
