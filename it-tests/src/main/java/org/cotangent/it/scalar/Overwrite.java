package org.cotangent.it.scalar;

import org.cotangent.Differentiable;

/** Locals and parameters overwritten, also with compound assignment. */
public final class Overwrite {
    private Overwrite() {
    }

    /** A parameter overwritten twice, each time from its own old value. */
    @Differentiable
    public static double parameterOverwrite(double x, double y) {
        x = x * y;
        x = Math.sin(x) + x;
        return x * y;
    }

    /** Every compound assignment on one local. */
    @Differentiable
    public static double compoundAssignments(double x, double y) {
        double a = x;
        a += y;
        a *= x;
        a -= y * y;
        a /= 1 + x * x;
        return a;
    }

    /** Compound assignments on the parameter itself, reading it on the right. */
    @Differentiable
    public static double selfCompound(double x) {
        x *= x;
        x += x;
        x /= 3;
        x -= 1;
        return x * x;
    }

    /** Overwrites inside branches, then after the join. */
    @Differentiable
    public static double overwriteInBranch(double x, double y) {
        double t = x;
        if (y > 0) {
            t = t * y;
            t += 1;
        } else {
            t = t - y;
            t *= t;
        }
        t = t * t + x;
        return t;
    }

    /** Swap two parameters through a temporary. */
    @Differentiable
    public static double swap(double x, double y) {
        double t = x;
        x = y;
        y = t;
        return x * x * y + Math.exp(y);
    }

    /** A local read after it was overwritten, and its old value used before. */
    @Differentiable
    public static double reuseAfterOverwrite(double x) {
        double a = Math.sin(x);
        double b = a * x;
        a = Math.cos(a);
        b += a;
        a *= b;
        return a + b;
    }

    /** A running sum, then scaled: a sqrt(a^2 + b^2 + c^2) / (1 + c^2). */
    @Differentiable
    public static double accumulate(double a, double b, double c) {
        double s = 0;
        s += a * a;
        s += b * b;
        s += c * c;
        s = Math.sqrt(s);
        s *= a;
        s /= 1 + c * c;
        return s;
    }

    /** int and long locals mixed into double compound assignments. */
    @Differentiable
    public static double intLocalsMix(double x, int n) {
        long k = n * 2L;
        int j = n - 1;
        double y = x;
        y *= k;
        y += j;
        y -= x / k;
        return y * y;
    }

    /** Overwrites through conditional expressions. */
    @Differentiable
    public static double ternaryOverwrite(double x, double y) {
        double u = x * y;
        u = u > 1 ? u * u : u - 1;
        u += u > 0 ? x : y;
        return u;
    }
}
