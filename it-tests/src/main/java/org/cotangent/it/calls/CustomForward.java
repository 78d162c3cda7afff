package org.cotangent.it.calls;

import org.cotangent.CustomJvp;
import org.cotangent.CustomVjp;
import org.cotangent.Differentiable;
import org.cotangent.runtime.Dual;

/** A library-style function with both hand-written rules, and a caller differentiated in both modes. */
public class CustomForward {
    public static int reverseCalls;
    public static int forwardCalls;

    /** log(1 + e^x) by a branch the processor never reads: its rules are written by hand below. */
    public static double softplus(double x) {
        return x > 30 ? x : Math.log1p(Math.exp(x));
    }

    @CustomVjp(of = "softplus")
    public static double softplusVjp(double x, double seed, double[] x_adj) {
        reverseCalls++;
        x_adj[0] += seed / (1 + Math.exp(-x));
        return softplus(x);
    }

    @CustomJvp(of = "softplus")
    public static Dual softplusJvp(double x, double x_dot) {
        forwardCalls++;
        return new Dual(softplus(x), x_dot / (1 + Math.exp(-x)));
    }

    @Differentiable
    public static double model(double a, double b) {
        return softplus(a * b) * a + softplus(b - a);
    }
}
