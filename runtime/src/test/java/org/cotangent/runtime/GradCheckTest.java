package org.cotangent.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class GradCheckTest {

    /** f(x) = x0^2 + 3 x1 + sin(x2) x0, gradient (2 x0 + sin x2, 3, x0 cos x2). */
    private static final ToDoubleFunction<double[]> F = v -> v[0] * v[0] + 3 * v[1] + Math.sin(v[2]) * v[0];

    private static double[] gradF(double[] v) {
        return new double[] {2 * v[0] + Math.sin(v[2]), 3, v[0] * Math.cos(v[2])};
    }

    private static final double[] X = {1.25, -0.5, 0.75};

    @Test
    void passesACorrectGradient() {
        GradCheck.Result result = GradCheck.check(F, X, gradF(X));
        assertTrue(result.passed(), result::toString);
        assertDoesNotThrow(() -> GradCheck.assertGradient(F, X, gradF(X)));
        assertTrue(result.toString().startsWith("gradient matches"), result::toString);
    }

    @Test
    void detectsAWrongGradientAndNamesTheWorstComponent() {
        double[] wrong = gradF(X);
        wrong[1] += 1e-3;
        GradCheck.Result result = GradCheck.check(F, X, wrong);
        assertFalse(result.passed(), result::toString);
        assertEquals(1, result.worstIndex());
        assertEquals(wrong[1], result.analytic());
        assertEquals(3.0, result.numeric(), 1e-9);
        assertEquals(1e-3, result.absError(), 1e-9);

        AssertionError error = assertThrows(AssertionError.class, () -> GradCheck.assertGradient(F, X, wrong));
        assertTrue(error.getMessage().contains("MISMATCH"), error.getMessage());
        assertTrue(error.getMessage().contains("worst component 1"), error.getMessage());
    }

    @Test
    void namesTheComponentWithTheLargestRelativeError() {
        double[] wrong = gradF(X);
        wrong[0] *= 1 + 1e-4; // small relative error
        wrong[2] *= 1 + 1e-2; // large relative error: the worst
        GradCheck.Result result = GradCheck.check(F, X, wrong);
        assertFalse(result.passed());
        assertEquals(2, result.worstIndex(), result::toString);
    }

    @Test
    void aWrongSignIsCaught() {
        double[] wrong = gradF(X);
        wrong[2] = -wrong[2];
        AssertionError error = assertThrows(AssertionError.class, () -> GradCheck.assertGradient(F, X, wrong));
        assertTrue(error.getMessage().contains("worst component 2"), error.getMessage());
    }

    @Test
    void aNanGradientFailsAndIsNamed() {
        double[] wrong = gradF(X);
        wrong[0] = Double.NaN;
        GradCheck.Result result = GradCheck.check(F, X, wrong);
        assertFalse(result.passed());
        assertEquals(0, result.worstIndex());
    }

    @Test
    void tolerancesAreHonoured() {
        double[] slightlyOff = gradF(X);
        slightlyOff[1] *= 1 + 1e-5;
        assertFalse(GradCheck.check(F, X, slightlyOff).passed(), "1e-5 relative error exceeds the default 1e-6");
        assertTrue(GradCheck.check(F, X, slightlyOff, 1e-4, 0).passed());
        assertDoesNotThrow(() -> GradCheck.assertGradient(F, X, slightlyOff, 1e-4, 0));
        assertThrows(AssertionError.class, () -> GradCheck.assertGradient(F, X, slightlyOff, 1e-7, 0));
    }

    @Test
    void absoluteToleranceCoversZeroComponents() {
        ToDoubleFunction<double[]> flat = v -> 5.0 + v[1];
        assertTrue(GradCheck.check(flat, new double[] {2, 3}, new double[] {1e-9, 1}).passed());
        assertFalse(GradCheck.check(flat, new double[] {2, 3}, new double[] {1e-6, 1}).passed());
    }

    @Test
    void xIsNotModified() {
        double[] x = {1.25, -0.5, 0.75};
        double[] copy = x.clone();
        GradCheck.check(F, x, gradF(x));
        assertArrayEquals(copy, x, 0.0);
        double[] wrong = gradF(x);
        wrong[0] += 1;
        assertThrows(AssertionError.class, () -> GradCheck.assertGradient(F, x, wrong));
        assertArrayEquals(copy, x, 0.0);
        GradCheck.centralDifference(F, x);
        assertArrayEquals(copy, x, 0.0);
    }

    @Test
    void theFunctionNeverSeesTheCallersArray() {
        double[] x = {1.0, 2.0};
        GradCheck.centralDifference(v -> {
            assertTrue(v != x, "f must receive a copy, not x itself");
            return v[0] * v[1];
        }, x);
    }

    @Test
    void richardsonIsAccurateOnExp() {
        for (double x : new double[] {-3.0, -0.4, 0.0, 0.7, 2.5, 9.0}) {
            double[] numeric = GradCheck.centralDifference(v -> Math.exp(v[0]), new double[] {x});
            assertRelative(Math.exp(x), numeric[0], 1e-9, "exp at " + x);
        }
    }

    @Test
    void richardsonIsAccurateOnSin() {
        for (double x : new double[] {-2.0, 0.3, 1.0, 4.0}) {
            double[] numeric = GradCheck.centralDifference(v -> Math.sin(v[0]), new double[] {x});
            assertRelative(Math.cos(x), numeric[0], 1e-9, "sin at " + x);
        }
    }

    @Test
    void theStepScalesWithMagnitudeSoAccuracyDegradesGracefullyFarOut() {
        // At x = 30 the step is 30 * 2^-10; the O(h^4) term of sin is then about 2e-10 absolute,
        // 1.5e-9 relative to cos(30) = 0.154: far inside the default tolerance, outside 1e-9.
        double x = 30.0;
        double[] numeric = GradCheck.centralDifference(v -> Math.sin(v[0]), new double[] {x});
        assertRelative(Math.cos(x), numeric[0], 1e-8, "sin at " + x);
    }

    @Test
    void richardsonIsAccurateComponentwise() {
        double[] x = {0.6, -1.1, 3.0};
        double[] numeric = GradCheck.centralDifference(
                v -> Math.exp(v[0]) * Math.sin(v[1]) + Math.exp(-v[2]), x);
        assertRelative(Math.exp(x[0]) * Math.sin(x[1]), numeric[0], 1e-9, "d/dx0");
        assertRelative(Math.exp(x[0]) * Math.cos(x[1]), numeric[1], 1e-9, "d/dx1");
        assertRelative(-Math.exp(-x[2]), numeric[2], 1e-9, "d/dx2");
    }

    @Test
    void lengthMismatchIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradCheck.check(F, X, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("2") && e.getMessage().contains("3"), e.getMessage());
    }

    @Test
    void anEmptyGradientPasses() {
        GradCheck.Result result = GradCheck.check(v -> 1.0, new double[0], new double[0]);
        assertTrue(result.passed());
        assertEquals(-1, result.worstIndex());
    }

    private static void assertRelative(double expected, double actual, double relTol, String what) {
        double error = Math.abs(expected - actual);
        assertTrue(error <= relTol * Math.abs(expected),
                what + ": expected " + expected + " but finite difference gave " + actual
                        + " (relative error " + error / Math.abs(expected) + ")");
    }
}
