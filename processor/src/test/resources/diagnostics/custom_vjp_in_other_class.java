package example;

import org.cotangent.CustomVjp;

class CustomVjpInOtherClass {
    // Math has no method 'sinh2'
    // ERROR: COT013 col=5
    @CustomVjp(of = "sinh2", in = Math.class)
    static double sinh2_vjp(double x, double seed, double[] x_adj) {
        x_adj[0] += seed * Math.cosh(x);
        return Math.sinh(x);
    }
}
