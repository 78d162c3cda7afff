package org.cotangent.it.scalar;

import org.cotangent.Differentiable;

/** Arithmetic only: {@code + - * / %}, unary minus, literals, constants, inactive int parameters. */
public final class Elementary {
    static final double SCALE = 1.75;
    static final double OFFSET = -0.5;

    private Elementary() {
    }

    /** 3x^3 - 2xy + y^2/4 + 1. */
    @Differentiable
    public static double poly(double x, double y) {
        return 3 * x * x * x - 2 * x * y + y * y / 4 + 1;
    }

    /** (xy + 1) / (x^2 + y^2 + 1). */
    @Differentiable
    public static double rational(double x, double y) {
        return (x * y + 1) / (x * x + y * y + 1);
    }

    /** The 2-D Rosenbrock banana (1 - x)^2 + 100 (y - x^2)^2. */
    @Differentiable
    public static double rosenbrock(double x, double y) {
        double a = 1 - x;
        double b = y - x * x;
        return a * a + 100 * b * b;
    }

    /** Unary minus in every position. */
    @Differentiable
    public static double negations(double x, double y) {
        return -x * -(y - 2) - -(-x) + (-(x * y));
    }

    /** Floating-point remainder: d/dx = 1 + y/2, d/dy = -trunc(x / y) + x/2. */
    @Differentiable
    public static double remainder(double x, double y) {
        return x % y + 0.5 * x * y;
    }

    /** Class constants and Math constants. */
    @Differentiable
    static double constants(double x) {
        return SCALE * x * x + OFFSET * x + Math.PI * x - Math.E;
    }

    /** Three parameters, products and quotients. */
    @Differentiable
    public static double threeVariables(double a, double b, double c) {
        return a * b * c + a / b - c / (a + b);
    }

    /** Chained quotients. */
    @Differentiable
    public static double quotients(double x, double y) {
        return x / y / (1 + x * x) - 1 / (y * y);
    }

    /** An int parameter is never active; {@code n / 2} is integer division. */
    @Differentiable
    public static double mixedInt(double x, int n) {
        return x * n + n / 2 + x / n;
    }

    /** Differentiated with respect to x only: y is a constant, n is an int. */
    @Differentiable(wrt = {"x"})
    public static double scaledPower(double x, double y, int n) {
        return Math.pow(x, n) * y + x * y * y;
    }

    /** Literal forms: exponent, hex, int and long literals, underscores. */
    @Differentiable
    public static double literals(double x) {
        return 2.5e1 * x - 0.5 * x * x + 3 * x + 2L * x + 0x1p-2 * x * x * x + 1_000.0;
    }
}
