package org.cotangent.it.calls;

import org.cotangent.Differentiable;

/** Direct and mutual recursion. */
public final class Recursion {
    private Recursion() {
    }

    /** x^n by repeated squaring, n >= 0. */
    @Differentiable
    public static double power(double x, int n) {
        if (n == 0) {
            return 1;
        }
        double half = power(x, n / 2);
        if (n % 2 == 0) {
            return half * half;
        }
        return x * half * half;
    }

    /** c[i] + x (c[i+1] + x (...)): Horner's rule written recursively. */
    @Differentiable
    public static double horner(double[] c, double x, int i) {
        if (i == c.length - 1) {
            return c[i];
        }
        return c[i] + x * horner(c, x, i + 1);
    }

    /** 1 + x / (1 + x / (... 1)), depth levels. */
    @Differentiable
    public static double continuedFraction(double x, int depth) {
        return depth == 0 ? 1 : 1 + x / continuedFraction(x, depth - 1);
    }

    /** Mutual recursion with oddChain. */
    @Differentiable
    public static double evenChain(double x, double a, int n) {
        if (n == 0) {
            return x;
        }
        return Math.sin(oddChain(x, a, n - 1)) + a * x;
    }

    @Differentiable
    public static double oddChain(double x, double a, int n) {
        if (n == 0) {
            return x * x;
        }
        return 0.5 * evenChain(x, a, n - 1) * Math.cos(a * x) + a;
    }

    /** out[i] = x^i for i >= from, a void method that recurses on the next index. */
    @Differentiable
    public static void fillPowers(double x, double[] out, int from) {
        if (from == 0) {
            out[0] = 1;
        } else {
            out[from] = x * out[from - 1];
        }
        if (from + 1 < out.length) {
            fillPowers(x, out, from + 1);
        }
    }

    /** sum_i c_i x^i through fillPowers. */
    @Differentiable
    public static double powerSeries(double[] c, double x) {
        double[] p = new double[c.length];
        fillPowers(x, p, 0);
        double s = 0;
        for (int i = 0; i < c.length; i++) {
            s += c[i] * p[i];
        }
        return s;
    }

    /** A caller mixing the recursive methods. */
    @Differentiable
    public static double recursiveMix(double x, double y) {
        return power(x, 7) * continuedFraction(y, 6) + evenChain(x * y, y, 5);
    }
}
