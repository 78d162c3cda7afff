package org.cotangent.it.scalar;

import org.cotangent.Differentiable;

/** Control flow: if/else (nested), ?:, early returns, boolean and int control. */
public final class Branches {
    private Branches() {
    }

    /** Four regions by the signs of x and y - x. */
    @Differentiable
    public static double nestedIf(double x, double y) {
        if (x > 0) {
            if (y > 0) {
                return x * y;
            } else {
                return x - y * y;
            }
        } else {
            if (y > x) {
                return Math.sin(x) * y;
            } else {
                return x * x + y;
            }
        }
    }

    /** Nested conditional expressions. */
    @Differentiable
    public static double ternary(double x) {
        return x > 1 ? x * x : (x < -1 ? -x * 3 : Math.sin(x));
    }

    /** Several early returns. */
    @Differentiable
    public static double earlyReturns(double x, double y) {
        if (x < -2) {
            return x * y;
        }
        double a = x * x;
        if (a > 9) {
            return a - y;
        }
        double b = a + y * y;
        if (b > 5) {
            return Math.sqrt(b);
        }
        return a * b;
    }

    /** else-if chain assigning a local declared without initializer. */
    @Differentiable
    public static double piecewise(double x) {
        double result;
        if (x < 0) {
            result = -x;
        } else if (x < 1) {
            result = x * x;
        } else if (x < 2) {
            result = 2 * x - 1;
        } else {
            result = Math.log(x) + 3;
        }
        return result;
    }

    /** Boolean locals and parameters, &&, ||, ! and ^. */
    @Differentiable
    public static double booleanLogic(double x, double y, boolean flag) {
        boolean positive = x > 0 && y > 0;
        if (positive || flag) {
            return x * y;
        }
        if (!(x > y) ^ flag) {
            return x / (1 + y * y);
        }
        return x == y ? 0.0 : x - y;
    }

    /** An int parameter chooses the branch. */
    @Differentiable
    public static double intControl(double x, int n) {
        if (n % 2 == 0) {
            return x * n;
        } else if (n > 5) {
            return Math.sin(x) * n;
        }
        return -x;
    }

    /** (int) x is inactive: d/dx = 2x where (int) x is even, (int) x where it is odd. */
    @Differentiable
    public static double castBranch(double x) {
        int k = (int) x;
        if (k % 2 == 0) {
            return x * x - k;
        }
        return k * x;
    }

    /** Locals assigned in branches and a conditional expression. */
    @Differentiable
    public static double branchAssign(double x, double y) {
        double z = x > y ? x - y : y - x;
        double w;
        if (z > 1) {
            w = z * x;
        } else {
            w = z + y;
        }
        return w * z;
    }

    /** A long parameter and a long local control the computation. */
    @Differentiable
    public static double longControl(double x, long steps) {
        long k = steps * 3 + 1;
        double y = x * k;
        if (k > 10) {
            y = y / k + x * x;
        }
        return y;
    }
}
