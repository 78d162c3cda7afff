package org.cotangent.it.scalar;

import org.cotangent.Differentiable;

/**
 * Non-differentiable points. Conventions (SPEC): abs'(0) = 0; max/min ties split the adjoint
 * 1/2 and 1/2; floor ceil rint round signum have derivative 0; sqrt'(0) = +Infinity; branches:
 * the derivative of the branch taken.
 */
public final class Kinks {
    private Kinks() {
    }

    /** 3|x| + 1. */
    @Differentiable
    public static double absolute(double x) {
        return Math.abs(x) * 3 + 1;
    }

    /** max(x, y). */
    @Differentiable
    public static double maxOf(double x, double y) {
        return Math.max(x, y);
    }

    /** 2 max(x, y) + 3 min(x, y). */
    @Differentiable
    public static double minMax(double x, double y) {
        return 2 * Math.max(x, y) + 3 * Math.min(x, y);
    }

    /** max(0, x). */
    @Differentiable
    public static double relu(double x) {
        return Math.max(0.0, x);
    }

    /** min(max(x, lo), hi). */
    @Differentiable
    public static double clamp(double x, double lo, double hi) {
        return Math.min(Math.max(x, lo), hi);
    }

    /** Step functions only: the derivative is 0 everywhere. */
    @Differentiable
    public static double steps(double x) {
        return Math.floor(x) + Math.ceil(x) + Math.rint(x) + Math.signum(x) + Math.round(x);
    }

    /** floor(x) x + signum(x) x^2: derivative floor(x) + 2 |x|. */
    @Differentiable
    public static double steppedSlope(double x) {
        return Math.floor(x) * x + Math.signum(x) * x * x;
    }

    /** round(x) x + rint(x / 2): derivative round(x). */
    @Differentiable
    public static double roundedScale(double x) {
        return Math.round(x) * x + Math.rint(x / 2);
    }

    /** sqrt(x), for sqrt'(0). */
    @Differentiable
    public static double rootAtZero(double x) {
        return Math.sqrt(x);
    }

    /** copySign(x, y) y + x. */
    @Differentiable
    public static double copySigned(double x, double y) {
        return Math.copySign(x, y) * y + x;
    }

    /** x^2 below 1, 3x - 1 from 1 on: at 1 the else branch (slope 3) is taken. */
    @Differentiable
    public static double branchKink(double x) {
        return x < 1 ? x * x : 3 * x - 1;
    }

    /** -2x up to 0 inclusive, x^3 above: at 0 the slope is -2. */
    @Differentiable
    public static double ifKink(double x) {
        if (x <= 0) {
            return -2 * x;
        }
        return x * x * x;
    }

    /** |x - y| + x. */
    @Differentiable
    public static double absDifference(double x, double y) {
        return Math.abs(x - y) + x;
    }
}
