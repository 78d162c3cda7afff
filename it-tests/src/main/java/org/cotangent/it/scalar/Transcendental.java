package org.cotangent.it.scalar;

import org.cotangent.Differentiable;

/** The elementary functions of java.lang.Math and StrictMath. */
public final class Transcendental {
    private Transcendental() {
    }

    /** sin x cos x + tan(x/2). */
    @Differentiable
    public static double trig(double x) {
        return Math.sin(x) * Math.cos(x) + Math.tan(x / 2);
    }

    /** asin x + 2 acos y + atan(xy), for |x|, |y| &lt; 1. */
    @Differentiable
    public static double inverseTrig(double x, double y) {
        return Math.asin(x) + 2 * Math.acos(y) + Math.atan(x * y);
    }

    /** Polar angle times radius. */
    @Differentiable
    public static double polar(double x, double y) {
        return Math.atan2(y, x) * Math.hypot(x, y);
    }

    /** sinh x + cosh x tanh(x/2). */
    @Differentiable
    public static double hyperbolic(double x) {
        return Math.sinh(x) + Math.cosh(x) * Math.tanh(x / 2);
    }

    /** exp, log, expm1 and log1p, for y &gt; 0. */
    @Differentiable
    public static double expLog(double x, double y) {
        return Math.exp(x) * Math.log(y) + Math.expm1(x * y) + Math.log1p(y);
    }

    /** log10, sqrt and cbrt, for x &gt; 0. */
    @Differentiable
    public static double roots(double x) {
        return Math.log10(x) * Math.sqrt(x) + Math.cbrt(x);
    }

    /** x^y with both active, for x &gt; 0. */
    @Differentiable
    public static double power(double x, double y) {
        return Math.pow(x, y);
    }

    /** pow with constant exponents (2 included) and a constant base. */
    @Differentiable
    public static double powerConstants(double x) {
        return Math.pow(x, 2.5) + Math.pow(2, x) + Math.pow(x, 2) - Math.pow(x, -1.5);
    }

    /** Angle conversions. */
    @Differentiable
    public static double angles(double degrees, double x) {
        return Math.sin(Math.toRadians(degrees)) + Math.toDegrees(Math.atan(x));
    }

    /** Fused multiply-add: fma(a, b, c) a. */
    @Differentiable
    public static double fused(double a, double b, double c) {
        return Math.fma(a, b, c) * a;
    }

    /** StrictMath instead of Math. */
    @Differentiable
    public static double strict(double x, double y) {
        return StrictMath.sin(x) * StrictMath.exp(y) + StrictMath.log(x * x + 1) + StrictMath.hypot(x, y);
    }

    /** Deeply nested calls. */
    @Differentiable
    public static double nested(double x) {
        return Math.exp(Math.sin(Math.cos(x))) + Math.log(1 + Math.exp(Math.tanh(x)));
    }
}
