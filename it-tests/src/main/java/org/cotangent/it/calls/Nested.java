package org.cotangent.it.calls;

import org.cotangent.Differentiable;

/** Calls in every position of an expression and statement. */
public final class Nested {
    private Nested() {
    }

    @Differentiable
    public static double f(double a, double b) {
        return a * b + Math.sin(a);
    }

    @Differentiable
    public static double g(double x) {
        return 0.5 * x * x + Math.exp(-x);
    }

    /** a * f(g(x), y) + f(x, x). */
    @Differentiable
    public static double nested(double a, double x, double y) {
        return a * f(g(x), y) + f(x, x);
    }

    /** Calls as arguments of calls as arguments. */
    @Differentiable
    public static double deepNest(double x, double y) {
        return f(f(g(x), g(y)), f(y, g(g(x))));
    }

    /** A call in an if condition and in both branches. */
    @Differentiable
    public static double callInCondition(double x, double y) {
        if (g(x) > g(y)) {
            return f(x, y);
        }
        return Math.log(g(y)) * x;
    }

    /** Calls in a ternary's condition and arms. */
    @Differentiable
    public static double callInTernary(double x, double y) {
        return f(x, 1) > 0 ? g(x) * y : -g(y) * x;
    }

    /** A loop-carried value passed through calls. */
    @Differentiable
    public static double callInLoop(double[] xs, double a) {
        double s = 0.1;
        for (int i = 0; i < xs.length; i++) {
            s = 0.5 * f(s, xs[i]) + a * g(xs[i]);
        }
        return s;
    }

    /** Calls with constant (inactive) arguments inside an active expression. */
    @Differentiable
    public static double callWithConstants(double x) {
        return x * f(2.0, 3.0) + g(1.5) * x * x + f(x, 0.5);
    }

    /** A local overwritten by the results of calls that read it. */
    @Differentiable
    public static double callChain(double x) {
        double u = g(x);
        u = f(u, u);
        u = g(u * 0.5);
        u += f(x, u);
        return u;
    }

    /** Results of calls fed to Math functions, with compound assignments. */
    @Differentiable
    public static double mathOfCall(double x, double y) {
        double s = Math.exp(-f(x, y));
        s *= Math.sqrt(g(x) + 1);
        s -= Math.atan2(g(y), f(y, x) + 3);
        return s;
    }

    /** Array elements overwritten with calls on themselves: v[i] = g(v[i]). */
    @Differentiable
    public static double mapInPlace(double[] x, double c) {
        double[] v = x.clone();
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < v.length; i++) {
                v[i] = g(v[i]) * c;
            }
        }
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += v[i];
        }
        return s;
    }

    /** A callee whose result is used twice in one product, and a call in a return inside a loop. */
    @Differentiable
    public static double earlyReturn(double[] x, double limit) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += g(x[i]);
            if (s > limit) {
                return f(s, s) * f(x[i], limit);
            }
        }
        return s;
    }
}
