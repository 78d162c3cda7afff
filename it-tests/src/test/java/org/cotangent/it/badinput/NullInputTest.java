package org.cotangent.it.badinput;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * A null array in place of an input the derivative is taken with respect to: every generated method
 * throws {@link NullPointerException} naming the parameter (or the null row of a matrix) before it
 * touches any accumulator.
 */
class NullInputTest {
    private static void rejects(Executable call, String name) {
        NullPointerException e = assertThrows(NullPointerException.class, call);
        assertTrue(e.getMessage() != null && e.getMessage().startsWith(name + " must not be null"),
                "message names " + name + ": " + e.getMessage());
    }

    @Test
    void nullVectorInputIsNamedByEveryGeneratedMethod() {
        double[][] m = {{1, 2}, {3, 4}, {5, 6}};
        rejects(() -> ShapesDerivatives.mixed_grad(0.5, null, m), "v");
        rejects(() -> ShapesDerivatives.mixed_jacobian(0.5, null, m), "v");
        rejects(() -> ShapesDerivatives.mixed_jvp(0.5, null, m, 1.0, new double[3], new double[3][2]), "v");
        rejects(() -> ShapesDerivatives.mixed_hessian(0.5, null, m), "v");
        double[] a = {7.25};
        double[][] macc = {{7.25, 7.25}, {7.25, 7.25}, {7.25, 7.25}};
        rejects(() -> ShapesDerivatives.mixed_vjp(0.5, null, m, 1.0, a, new double[3], macc), "v");
        assertArrayEquals(new double[] {7.25}, a, 0.0, "the accumulator before the bad input is untouched");
        rejects(() -> ShapesDerivatives.vector_vjp(2.0, null, new double[2], new double[1], new double[2]), "x");
        rejects(() -> ShapesDerivatives.fill_jvp(0.5, null, new double[2], 1.0, new double[2], new double[2]), "x");
    }

    @Test
    void nullMatrixOrRowIsNamed() {
        double[] v = {0.1, 0.2, 0.3};
        rejects(() -> ShapesDerivatives.mixed_grad(0.5, v, null), "m");
        rejects(() -> ShapesDerivatives.mixed_grad(0.5, v, new double[][] {{1, 2}, null, {5, 6}}), "m[1]");
    }
}
