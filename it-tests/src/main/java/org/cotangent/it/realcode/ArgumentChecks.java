package org.cotangent.it.realcode;

import java.util.Locale;
import org.cotangent.Differentiable;

/** Argument checks as numerical libraries write them: throw and assert pass through the derivatives. */
public class ArgumentChecks {
    static final int LIMIT = 1000;

    @Differentiable
    public static double xLogX(double x) {
        if (x <= 0) {
            throw new IllegalArgumentException("x must be positive, got " + x);
        }
        return x * Math.log(x);
    }

    @Differentiable
    public static double norm(double[] v) {
        if (v.length == 0) {
            throw new IllegalArgumentException("empty vector");
        }
        assert v.length < LIMIT : "too long: " + v.length;
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                throw new ArithmeticException(String.format(Locale.ROOT, "NaN at %d", i));
            }
            s += v[i] * v[i];
        }
        return Math.sqrt(s);
    }

    @Differentiable
    static double checkedSqrt(double x) {
        if (x < 0) {
            throw new IllegalArgumentException("negative: " + x);
        }
        return Math.sqrt(x);
    }

    @Differentiable
    public static double hypotenuse(double a, double b) {
        return checkedSqrt(a * a + b * b);
    }

    @Differentiable
    public static void scaleInto(double[] x, double factor, double[] out) {
        if (x.length != out.length) {
            throw new IllegalArgumentException("lengths differ: " + x.length + " != " + out.length);
        }
        for (int i = 0; i < x.length; i++) {
            out[i] = factor * x[i];
        }
    }

    /** A read kept only for its bounds check, as code does that validates an index early. */
    @Differentiable
    public static double probed(double[] v, int n) {
        double probe = v[n];
        return v[0] * v[0];
    }
}
