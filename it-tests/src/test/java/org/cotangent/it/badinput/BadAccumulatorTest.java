package org.cotangent.it.badinput;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Generated methods given an accumulator, tangent or seed of the wrong length or shape, or
 * {@code null}, throw {@link IllegalArgumentException} whose message names the parameter and both
 * lengths (for {@code null}: the parameter, "null" and the expected length), before touching any
 * accumulator: every accumulator, the ones listed before the bad one included, still holds the
 * values it was pre-filled with, and an array the method writes is left as it was.
 */
class BadAccumulatorTest {
    private static final double FILL = 7.25;

    static double[] filled(int n) {
        double[] a = new double[n];
        Arrays.fill(a, FILL);
        return a;
    }

    static double[][] filled(int rows, int cols) {
        double[][] m = new double[rows][];
        for (int i = 0; i < rows; i++) {
            m[i] = filled(cols);
        }
        return m;
    }

    /** Asserts that the call throws an IllegalArgumentException whose message contains every word. */
    static IllegalArgumentException rejects(Executable call, String... words) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        String message = e.getMessage();
        for (String w : words) {
            assertTrue(message != null && message.contains(w), "message '" + message + "' should contain '" + w + "'");
        }
        return e;
    }

    /** Every element of every given array (a matrix counts as its rows; null entries are skipped) is FILL. */
    static void assertUntouched(double[]... accumulators) {
        for (double[] a : accumulators) {
            if (a == null) {
                continue;
            }
            for (double v : a) {
                assertEquals(FILL, v, 0.0, "an accumulator was modified before the call was rejected: "
                        + Arrays.toString(a));
            }
        }
    }

    // ---------------------------------------------------------------- scalars(double x, double y)

    @Test
    void scalarAccumulatorTooLong() {
        double[] xAdj = filled(1);
        double[] yAdj = filled(2);
        rejects(() -> ShapesDerivatives.scalars_vjp(0.5, 2.0, 1.0, xAdj, yAdj), "y_adj", "2", "1");
        assertUntouched(xAdj, yAdj);
    }

    @Test
    void scalarAccumulatorEmpty() {
        double[] xAdj = filled(0);
        double[] yAdj = filled(1);
        rejects(() -> ShapesDerivatives.scalars_vjp(0.5, 2.0, 1.0, xAdj, yAdj), "x_adj", "0", "1");
        assertUntouched(xAdj, yAdj);
    }

    @Test
    void scalarAccumulatorNull() {
        double[] xAdj = filled(1);
        rejects(() -> ShapesDerivatives.scalars_vjp(0.5, 2.0, 1.0, xAdj, null), "y_adj", "null", "1");
        assertUntouched(xAdj);
        double[] yAdj = filled(1);
        rejects(() -> ShapesDerivatives.scalars_vjp(0.5, 2.0, 1.0, null, yAdj), "x_adj", "null", "1");
        assertUntouched(yAdj);
    }

    // ---------------------------------------------- mixed(double a, double[] v, double[][] m)

    private static final double[] V = {1.0, -2.0, 0.5};
    private static final double[][] M = {{1.0, 2.0}, {3.0, -1.0}, {0.25, 4.0}};

    @Test
    void vectorAccumulatorWrongLength() {
        double[] aAdj = filled(1);
        double[] vAdj = filled(4);
        double[][] mAdj = filled(3, 2);
        rejects(() -> ShapesDerivatives.mixed_vjp(1.5, V, M, 1.0, aAdj, vAdj, mAdj), "v_adj", "4", "3");
        assertUntouched(aAdj, vAdj);
        assertUntouched(mAdj);
    }

    @Test
    void matrixAccumulatorWrongRowCount() {
        double[] aAdj = filled(1);
        double[] vAdj = filled(3);
        double[][] mAdj = filled(2, 2);
        rejects(() -> ShapesDerivatives.mixed_vjp(1.5, V, M, 1.0, aAdj, vAdj, mAdj), "m_adj", "2", "3");
        assertUntouched(aAdj, vAdj);
        assertUntouched(mAdj);
    }

    @Test
    void matrixAccumulatorWrongRowLength() {
        double[] aAdj = filled(1);
        double[] vAdj = filled(3);
        double[][] mAdj = filled(3, 2);
        mAdj[2] = filled(5);
        rejects(() -> ShapesDerivatives.mixed_vjp(1.5, V, M, 1.0, aAdj, vAdj, mAdj), "m_adj[2]", "5", "2");
        assertUntouched(aAdj, vAdj);
        assertUntouched(mAdj);
    }

    @Test
    void matrixAccumulatorNullRow() {
        double[] aAdj = filled(1);
        double[] vAdj = filled(3);
        double[][] mAdj = filled(3, 2);
        mAdj[1] = null;
        rejects(() -> ShapesDerivatives.mixed_vjp(1.5, V, M, 1.0, aAdj, vAdj, mAdj), "m_adj[1]", "null", "2");
        assertUntouched(aAdj, vAdj);
        assertUntouched(mAdj);
    }

    @Test
    void matrixAccumulatorNull() {
        double[] aAdj = filled(1);
        double[] vAdj = filled(3);
        rejects(() -> ShapesDerivatives.mixed_vjp(1.5, V, M, 1.0, aAdj, vAdj, null), "m_adj", "null");
        assertUntouched(aAdj, vAdj);
    }

    @Test
    void vectorTangentWrongLengthOrNull() {
        rejects(() -> ShapesDerivatives.mixed_jvp(1.5, V, M, 1.0, new double[2], new double[3][2]), "v_dot", "2", "3");
        rejects(() -> ShapesDerivatives.mixed_jvp(1.5, V, M, 1.0, null, new double[3][2]), "v_dot", "null", "3");
    }

    @Test
    void matrixTangentWrongShapeOrNull() {
        rejects(() -> ShapesDerivatives.mixed_jvp(1.5, V, M, 1.0, new double[3], new double[3][1]), "m_dot[0]", "1", "2");
        rejects(() -> ShapesDerivatives.mixed_jvp(1.5, V, M, 1.0, new double[3], new double[4][2]), "m_dot", "4", "3");
        rejects(() -> ShapesDerivatives.mixed_jvp(1.5, V, M, 1.0, new double[3], null), "m_dot", "null");
    }

    @Test
    void inputsAreLeftAloneByARejectedCall() {
        double[] v = V.clone();
        double[][] m = {M[0].clone(), M[1].clone(), M[2].clone()};
        rejects(() -> ShapesDerivatives.mixed_vjp(1.5, v, m, 1.0, filled(1), filled(3), filled(3, 3)), "m_adj[0]");
        assertArrayEquals(V, v, 0.0);
        for (int i = 0; i < M.length; i++) {
            assertArrayEquals(M[i], m[i], 0.0);
        }
    }

    // ------------------------------------------------- vector(double k, double[] x) -> double[3]

    private static final double[] X = {1.0, 2.0, -0.5};

    @Test
    void seedWrongLength() {
        double[] kAdj = filled(1);
        double[] xAdj = filled(3);
        rejects(() -> ShapesDerivatives.vector_vjp(2.0, X, new double[2], kAdj, xAdj), "seed", "2", "3");
        rejects(() -> ShapesDerivatives.vector_vjp(2.0, X, new double[4], kAdj, xAdj), "seed", "4", "3");
        assertUntouched(kAdj, xAdj);
    }

    @Test
    void seedNull() {
        double[] kAdj = filled(1);
        double[] xAdj = filled(3);
        rejects(() -> ShapesDerivatives.vector_vjp(2.0, X, null, kAdj, xAdj), "seed", "null", "3");
        assertUntouched(kAdj, xAdj);
    }

    @Test
    void vectorValuedAccumulatorWrongLength() {
        double[] kAdj = filled(1);
        double[] xAdj = filled(2);
        rejects(() -> ShapesDerivatives.vector_vjp(2.0, X, new double[] {1, 1, 1}, kAdj, xAdj), "x_adj", "2", "3");
        assertUntouched(kAdj, xAdj);
    }

    @Test
    void vectorValuedTangentWrongLength() {
        rejects(() -> ShapesDerivatives.vector_jvp(2.0, X, 1.0, new double[5]), "x_dot", "5", "3");
        rejects(() -> ShapesDerivatives.vector_jvp(2.0, X, 1.0, null), "x_dot", "null", "3");
    }

    // ------------------------------------------- fill(double s, double[] x, double[] out), void

    @Test
    void outputAccumulatorWrongLength() {
        double[] out = filled(3);
        double[] sAdj = filled(1);
        double[] xAdj = filled(3);
        double[] outAdj = filled(2);
        rejects(() -> ShapesDerivatives.fill_vjp(2.0, X, out, sAdj, xAdj, outAdj), "out_adj", "2", "3");
        assertUntouched(sAdj, xAdj, outAdj);
        assertUntouched(out); // the output array is not written either
    }

    @Test
    void readAccumulatorOfVoidMethodWrongLengthOrNull() {
        double[] out = filled(3);
        double[] sAdj = filled(1);
        double[] outAdj = filled(3);
        rejects(() -> ShapesDerivatives.fill_vjp(2.0, X, out, sAdj, filled(4), outAdj), "x_adj", "4", "3");
        rejects(() -> ShapesDerivatives.fill_vjp(2.0, X, out, sAdj, null, outAdj), "x_adj", "null", "3");
        rejects(() -> ShapesDerivatives.fill_vjp(2.0, X, out, null, filled(3), outAdj), "s_adj", "null", "1");
        assertUntouched(sAdj, outAdj, out);
    }

    @Test
    void outputTangentWrongLengthOrNull() {
        double[] out = filled(3);
        double[] outDot = filled(1);
        rejects(() -> ShapesDerivatives.fill_jvp(2.0, X, out, 1.0, new double[3], outDot), "out_dot", "1", "3");
        rejects(() -> ShapesDerivatives.fill_jvp(2.0, X, out, 1.0, new double[3], null), "out_dot", "null", "3");
        double[] goodOutDot = filled(3);
        rejects(() -> ShapesDerivatives.fill_jvp(2.0, X, out, 1.0, new double[2], goodOutDot), "x_dot", "2", "3");
        assertUntouched(out, outDot, goodOutDot);
    }

    // ---------------------------------------------------------------- second order (_hvp, _vjpTangent)

    @Test
    void hvpTangentWrongLength() {
        rejects(() -> ShapesDerivatives.mixed_hvp(1.5, V, M, 1.0, new double[2], new double[3][2]), "v_dot", "2", "3");
    }

    @Test
    void hvpTangentNull() {
        rejects(() -> ShapesDerivatives.mixed_hvp(1.5, V, M, 1.0, new double[3], null), "m_dot", "null");
    }

    @Test
    void vjpTangentAccumulatorTangentWrongLength() {
        double[] aAdj = filled(1);
        double[] vAdj = filled(3);
        double[][] mAdj = filled(3, 2);
        double[] aAdjDot = filled(1);
        double[] vAdjDot = filled(2); // wrong: must have length 3
        double[][] mAdjDot = filled(3, 2);
        rejects(() -> ShapesDerivatives.mixed_vjpTangent(1.5, V, M, 1.0, new double[3], new double[3][2], 1.0, 0.0,
                aAdj, vAdj, mAdj, aAdjDot, vAdjDot, mAdjDot), "v_adj_dot", "2", "3");
        assertUntouched(aAdj, vAdj, aAdjDot, vAdjDot);
        assertUntouched(mAdj);
        assertUntouched(mAdjDot);
    }

    @Test
    void vjpTangentSeedTangentWrongLength() {
        double[] kAdj = filled(1);
        double[] xAdj = filled(3);
        double[] kAdjDot = filled(1);
        double[] xAdjDot = filled(3);
        rejects(() -> ShapesDerivatives.vector_vjpTangent(2.0, X, 1.0, new double[3], new double[] {1, 1, 1},
                new double[2], kAdj, xAdj, kAdjDot, xAdjDot), "seed_dot", "2", "3");
        assertUntouched(kAdj, xAdj, kAdjDot, xAdjDot);
    }

    @Test
    void vjpTangentNullAccumulatorTangentLeavesOthersUntouched() {
        double[] xAdj = filled(1);
        double[] yAdj = filled(1);
        double[] xAdjDot = filled(1);
        rejects(() -> ShapesDerivatives.scalars_vjpTangent(0.5, 2.0, 1.0, 0.0, 1.0, 0.0, xAdj, yAdj, xAdjDot, null),
                "y_adj_dot", "null");
        assertUntouched(xAdj, yAdj, xAdjDot);
    }

    @Test
    void vjpTangentInputTangentWrongLength() {
        double[] kAdj = filled(1);
        double[] xAdj = filled(3);
        double[] kAdjDot = filled(1);
        double[] xAdjDot = filled(3);
        rejects(() -> ShapesDerivatives.vector_vjpTangent(2.0, X, 1.0, new double[2], new double[] {1, 1, 1},
                new double[3], kAdj, xAdj, kAdjDot, xAdjDot), "x_dot", "2", "3");
        assertUntouched(kAdj, xAdj, kAdjDot, xAdjDot);
    }
}
