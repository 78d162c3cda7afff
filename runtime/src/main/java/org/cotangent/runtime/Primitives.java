package org.cotangent.runtime;

/**
 * Partial derivatives of primitives that need more than one expression: conventions at kinks and
 * at the edges of a function's domain. The processor's rule table refers to these by name; every
 * other primitive's derivative is written there as a plain expression.
 *
 * <p>Conventions (those of JAX): {@code abs'(0) = 0}; {@code max}/{@code min} ties split the
 * adjoint half and half; a NaN argument gives a NaN partial.
 */
public final class Primitives {
    private Primitives() {
    }

    /** d max(a, b) / d a. */
    public static double maxPartialFirst(double a, double b) {
        if (a > b) {
            return 1.0;
        }
        if (a < b) {
            return 0.0;
        }
        return a == b ? 0.5 : Double.NaN;
    }

    /** d max(a, b) / d b. */
    public static double maxPartialSecond(double a, double b) {
        return maxPartialFirst(b, a);
    }

    /** d min(a, b) / d a. */
    public static double minPartialFirst(double a, double b) {
        return maxPartialFirst(b, a);
    }

    /** d min(a, b) / d b. */
    public static double minPartialSecond(double a, double b) {
        return maxPartialFirst(a, b);
    }

    /** d pow(a, b) / d a; 0 where b is 0 (pow is constant 1 in a there, even at a = 0). */
    public static double powPartialBase(double a, double b) {
        if (b == 0.0) {
            return 0.0;
        }
        if (b == 2.0) {
            return 2.0 * a;
        }
        return b * Math.pow(a, b - 1.0);
    }

    /**
     * d pow(a, b) / d b = pow(a, b) log(a), given {@code value = pow(a, b)}; 0 where the value is 0
     * (a = 0 and b > 0), where the formula would give 0 * -Infinity.
     */
    public static double powPartialExponent(double a, double value) {
        if (value == 0.0) {
            return 0.0;
        }
        return value * Math.log(a);
    }

    /** d hypot(a, b) / d a, given {@code value = hypot(a, b)}; 0 at the origin. */
    public static double hypotPartial(double a, double value) {
        return value == 0.0 ? 0.0 : a / value;
    }

    /** d atan2(y, x) / d y. */
    public static double atan2PartialY(double y, double x) {
        double r2 = x * x + y * y;
        return r2 == 0.0 ? 0.0 : x / r2;
    }

    /** d atan2(y, x) / d x. */
    public static double atan2PartialX(double y, double x) {
        double r2 = x * x + y * y;
        return r2 == 0.0 ? 0.0 : -y / r2;
    }

    /** d copySign(magnitude, sign) / d magnitude: the sign flip applied; 0 at magnitude 0. */
    public static double copySignPartial(double magnitude, double sign) {
        if (magnitude == 0.0) {
            return 0.0;
        }
        return Math.signum(magnitude) * Math.copySign(1.0, sign);
    }

    /**
     * d (a % b) / d b: minus the truncated quotient, since {@code a % b = a - b * trunc(a / b)}
     * in Java for doubles; the partial with respect to {@code a} is 1.
     */
    public static double remPartialDivisor(double a, double b) {
        double quotient = (a - a % b) / b;
        return -Math.rint(quotient);
    }

    // ---- second order: derivatives of the partials above, with the same conventions ----

    /** d powPartialBase(a, b) / d b = pow(a, b - 1) (1 + b log a); 0 at a = 0, where it would be 0 * -Infinity. */
    public static double powPartialBasePartialExponent(double a, double b) {
        if (a == 0.0) {
            return 0.0;
        }
        return Math.pow(a, b - 1.0) * (1.0 + b * Math.log(a));
    }

    /** {@code value / a}, or 0 where {@code value} is 0 (d powPartialExponent / d a at a zero power). */
    public static double quotientOrZero(double value, double a) {
        return value == 0.0 ? 0.0 : value / a;
    }

    /** {@code log(a)}, or 0 where {@code value} is 0 (d powPartialExponent / d value at a zero power). */
    public static double logOrZero(double a, double value) {
        return value == 0.0 ? 0.0 : Math.log(a);
    }

    /** {@code 1 / value}, or 0 where value is 0 (d hypotPartial / d a at the origin). */
    public static double reciprocalOrZero(double value) {
        return value == 0.0 ? 0.0 : 1.0 / value;
    }

    /** {@code 1 / (y^2 + x^2)^2}, or 0 at the origin (the second partials of atan2 there). */
    public static double inverseSquaredNormSquared(double y, double x) {
        double r2 = x * x + y * y;
        return r2 == 0.0 ? 0.0 : 1.0 / (r2 * r2);
    }
}
