package org.cotangent.runtime;

import java.util.function.ToDoubleFunction;

/**
 * Checks a gradient against finite differences, for use in users' own tests.
 *
 * <p>The numeric derivative is a central difference refined by one step of Richardson
 * extrapolation ({@code (4 D(h/2) - D(h)) / 3}, error of order h^4), with a step of 2^-10 scaled by
 * each component's magnitude and rounded so that {@code x + h} is exact. A component passes when
 * {@code |analytic - numeric| <= absTol + relTol * max(|analytic|, |numeric|)}.
 *
 * <pre>{@code
 * double[] x = {1.5, -0.3};
 * FGradient g = FooDerivatives.f_grad(x[0], x[1]);
 * GradCheck.assertGradient(v -> Foo.f(v[0], v[1]), x, new double[] {g.x(), g.y()});
 * }</pre>
 */
public final class GradCheck {
    /** Default relative tolerance of {@link #assertGradient(ToDoubleFunction, double[], double[])}. */
    public static final double DEFAULT_REL_TOL = 1e-6;
    /** Default absolute tolerance of {@link #assertGradient(ToDoubleFunction, double[], double[])}. */
    public static final double DEFAULT_ABS_TOL = 1e-8;

    private static final double BASE_STEP = 0x1p-10;

    private GradCheck() {
    }

    /**
     * The outcome of a check: the component with the largest error relative to the tolerance.
     *
     * @param worstIndex index of that component (-1 for an empty gradient)
     * @param analytic the gradient given, at that component
     * @param numeric the finite-difference estimate, at that component
     * @param absError {@code |analytic - numeric|} there
     * @param passed whether every component was within tolerance
     */
    public record Result(int worstIndex, double analytic, double numeric, double absError, boolean passed) {
        @Override
        public String toString() {
            return (passed ? "gradient matches" : "gradient MISMATCH")
                    + " (worst component " + worstIndex + ": analytic " + analytic
                    + ", finite difference " + numeric + ", difference " + absError + ")";
        }
    }

    /** Richardson-extrapolated central differences of {@code f} at {@code x}; {@code x} is left unchanged. */
    public static double[] centralDifference(ToDoubleFunction<double[]> f, double[] x) {
        double[] point = x.clone();
        double[] gradient = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double h = BASE_STEP * Math.max(1.0, Math.abs(x[i]));
            double coarse = difference(f, point, i, h);
            double fine = difference(f, point, i, h / 2);
            gradient[i] = (4 * fine - coarse) / 3;
        }
        return gradient;
    }

    private static double difference(ToDoubleFunction<double[]> f, double[] point, int i, double step) {
        double xi = point[i];
        double up = xi + step;
        double down = xi - step;
        point[i] = up;
        double fUp = f.applyAsDouble(point);
        point[i] = down;
        double fDown = f.applyAsDouble(point);
        point[i] = xi;
        return (fUp - fDown) / (up - down);
    }

    /** Compares {@code gradient} with finite differences of {@code f} at {@code x}. */
    public static Result check(ToDoubleFunction<double[]> f, double[] x, double[] gradient,
                               double relTol, double absTol) {
        if (gradient.length != x.length) {
            throw new IllegalArgumentException(
                    "gradient has length " + gradient.length + " but x has length " + x.length);
        }
        double[] numeric = centralDifference(f, x);
        int worst = -1;
        double worstRatio = -1;
        boolean passed = true;
        for (int i = 0; i < x.length; i++) {
            double error = Math.abs(gradient[i] - numeric[i]);
            double allowed = absTol + relTol * Math.max(Math.abs(gradient[i]), Math.abs(numeric[i]));
            double ratio = error / allowed;
            if (!(ratio <= 1.0)) {
                passed = false;
            }
            if (worst < 0 || !(ratio <= worstRatio)) {
                worst = i;
                worstRatio = Double.isNaN(ratio) ? Double.POSITIVE_INFINITY : ratio;
            }
        }
        if (worst < 0) {
            return new Result(-1, 0, 0, 0, true);
        }
        return new Result(worst, gradient[worst], numeric[worst],
                Math.abs(gradient[worst] - numeric[worst]), passed);
    }

    /** {@link #check(ToDoubleFunction, double[], double[], double, double)} with default tolerances. */
    public static Result check(ToDoubleFunction<double[]> f, double[] x, double[] gradient) {
        return check(f, x, gradient, DEFAULT_REL_TOL, DEFAULT_ABS_TOL);
    }

    /** Throws an {@link AssertionError} naming the worst component if the check fails. */
    public static void assertGradient(ToDoubleFunction<double[]> f, double[] x, double[] gradient,
                                      double relTol, double absTol) {
        Result result = check(f, x, gradient, relTol, absTol);
        if (!result.passed()) {
            throw new AssertionError(result.toString());
        }
    }

    /** {@link #assertGradient(ToDoubleFunction, double[], double[], double, double)} with default tolerances. */
    public static void assertGradient(ToDoubleFunction<double[]> f, double[] x, double[] gradient) {
        assertGradient(f, x, gradient, DEFAULT_REL_TOL, DEFAULT_ABS_TOL);
    }
}
