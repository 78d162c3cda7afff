package example;

import org.cotangent.CustomVjp;

class CustomVjpWrongReturn {
    static double opaque(double x) {
        return Math.sin(x);
    }

    // returns void instead of the primal value
    // ERROR: COT013 col=5
    @CustomVjp(of = "opaque")
    static void opaque_vjp(double x, double seed, double[] x_adj) {
        x_adj[0] += seed * Math.cos(x);
    }
}
