package org.cotangent.it.loops;

import org.cotangent.runtime.GradCheck;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RowAssignmentTest {
    @Test
    void clonedRowCarriesTheDerivativeOfItsSource() {
        double[][] m = {{1.5, 2}, {3, 4}};
        RowAssignmentDerivatives.FGradient g = RowAssignmentDerivatives.f_grad(m);
        assertArrayEquals(new double[] {1, 0}, g.m()[0]);
        assertArrayEquals(new double[] {0, 0}, g.m()[1]);
    }

    @Test
    void aliasedAndFreshRows() {
        double[][] m = {{1.5, 2}, {3, 4}};
        double x = 0.7;
        RowAssignmentDerivatives.GGradient g = RowAssignmentDerivatives.g_grad(m, x);
        assertEquals(RowAssignment.g(m, x), g.value());
        // d/dx x^2 = 2x; d/dm00 (m01 m00) = m01; d/dm01 = m00
        assertEquals(2 * x, g.x(), 1e-15);
        assertArrayEquals(new double[] {2, 1.5}, g.m()[0]);
        assertArrayEquals(new double[] {0, 0}, g.m()[1]);
    }

    @Test
    void jaggedRowsBuiltInALoop() {
        double[] x = {0.3, -0.4, 1.1, 0.9};
        RowAssignmentDerivatives.JagGradient g = RowAssignmentDerivatives.jag_grad(x);
        GradCheck.Result r = GradCheck.check(RowAssignment::jag, x, g.x());
        assertEquals(true, r.passed(), r.toString());
    }
}
