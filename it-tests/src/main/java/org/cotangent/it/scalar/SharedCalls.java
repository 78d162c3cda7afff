package org.cotangent.it.scalar;

import org.cotangent.Differentiable;

/**
 * Methods that compute a {@code Math} call a derivative rule needs again ({@code sin}'s partial is
 * {@code cos} of the same argument): the derivative code reads the user's local instead of calling
 * again, only while that local still holds the value. The negative cases change the local or the
 * argument in between.
 */
public final class SharedCalls {
    private SharedCalls() {
    }

    /** A rotation: sin and cos of one angle, each the other's partial. */
    @Differentiable
    public static double rotation(double theta, double x, double y) {
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        double u = c * x - s * y;
        double v = s * x + c * y;
        return u * u * v + Math.exp(s * u);
    }

    /** The local holding cos is overwritten after sin is computed: the backward sweep needs its old value. */
    @Differentiable
    public static double holderOverwrittenAfter(double x, double y) {
        double c = Math.cos(x);
        double s = Math.sin(x);
        c = c * y + s;
        return s * y + c * c;
    }

    /** The argument changes between cos and sin: sin's partial is cos of the new argument. */
    @Differentiable
    public static double argumentChanged(double x, double y) {
        double c = Math.cos(x);
        x = x * y;
        double s = Math.sin(x);
        return c * s + x;
    }

    /** The holder changes between cos and sin. */
    @Differentiable
    public static double holderChanged(double x, double y) {
        double c = Math.cos(x);
        c = c * c + y;
        double s = Math.sin(x);
        return c * s;
    }

    /** A call over its own holder is not available afterwards. */
    @Differentiable
    public static double selfReading(double x) {
        x = Math.cos(x);
        double s = Math.sin(x);
        return s * x;
    }

    /** Only one branch computes cos; after the join it is not available. */
    @Differentiable
    public static double inBranches(double x, double y) {
        double c = 1;
        if (y > 0) {
            c = Math.cos(x);
            double t = Math.sin(x) * c;
            y = y + t;
        } else {
            c = y * y;
        }
        double s = Math.sin(x);
        return s * c + y;
    }

    /** sqrt, exp and log reused: each is its own partial's factor. */
    @Differentiable
    public static double powersAndLogs(double x, double y) {
        double e = Math.exp(x * y);
        double r = Math.sqrt(x * x + y * y);
        double l = Math.log(x * x + y * y);
        return e * r + l * Math.exp(x * y) + Math.sqrt(x * x + y * y) * Math.cos(r);
    }

    /** Inside a loop: the holder and the argument change every iteration. */
    @Differentiable
    public static double inLoop(double x, double y, int n) {
        double acc = 0;
        for (int i = 0; i < n; i++) {
            double c = Math.cos(x * y);
            double s = Math.sin(x * y);
            acc += s * c + acc * s;
            x = x + 0.1 * s;
            y = y - 0.05 * c;
        }
        return acc + x * y;
    }

    /** Available before a loop that does not change it, used inside the loop. */
    @Differentiable
    public static double beforeLoop(double x, double y, int n) {
        double c = Math.cos(x);
        double acc = y;
        for (int i = 0; i < n; i++) {
            acc = acc * 0.9 + Math.sin(x) * c;
        }
        return acc;
    }
}
