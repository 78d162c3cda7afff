package org.cotangent.it.calls;

import org.cotangent.Differentiable;
import org.cotangent.itlib.Kernels;

/** wrt selecting a subset, in callers and callees. */
public final class Subsets {
    private Subsets() {
    }

    /** Differentiated in x only; k is a fixed coefficient. */
    @Differentiable(wrt = {"x"})
    public static double scaled(double x, double k) {
        return k * Math.sin(x) + x * x;
    }

    /** Calls scaled with a constant k and with an inactive k computed from a non-wrt parameter. */
    @Differentiable(wrt = {"x"})
    public static double useScaled(double x, double k) {
        return scaled(x, 3.0) * scaled(x * x, k * k + 1);
    }

    /** Full-wrt callee called from a caller that differentiates in b only (a is inactive). */
    @Differentiable(wrt = {"b"})
    public static double onlyB(double a, double b) {
        return Nested.f(a, b) + Nested.f(b, a) * a;
    }

    /** An array of a wrt-excluded callee parameter fed with an inactive array, the other with an active one. */
    @Differentiable(wrt = {"w"})
    public static double onlyWeights(double[] w, double[] v) {
        return Kernels.weightedSquares(w, v) + Kernels.powerNorm(w, 3);
    }

    /** The callee's excluded parameter p gets a value computed from the caller's non-wrt parameters. */
    @Differentiable(wrt = {"x", "c"})
    public static double normOfShift(double[] x, double c, double p, int n) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] - c;
        }
        return Kernels.powerNorm(y, p + n);
    }
}
