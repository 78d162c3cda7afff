package org.cotangent.runtime;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JacobiansTest {
    @Test
    void smallDeterminantsByHand() {
        assertEquals(-2.0, Jacobians.det(new double[][] {{1, 2}, {3, 4}}), 1e-15);
        assertEquals(Math.log(2.0), Jacobians.logAbsDet(new double[][] {{1, 2}, {3, 4}}), 1e-15);
        // a permutation needs a row swap: det = -1
        assertEquals(-1.0, Jacobians.det(new double[][] {{0, 1}, {1, 0}}), 0.0);
        assertEquals(24.0, Jacobians.det(new double[][] {{2, 0, 0}, {0, 3, 0}, {0, 0, 4}}), 1e-13);
    }

    @Test
    void singularMatrices() {
        assertEquals(0.0, Jacobians.det(new double[][] {{1, 2}, {2, 4}}));
        assertEquals(Double.NEGATIVE_INFINITY, Jacobians.logAbsDet(new double[][] {{1, 2}, {2, 4}}));
    }

    @Test
    void productRuleOnRandomMatrices() {
        Random random = new Random(3);
        int n = 6;
        double[][] a = new double[n][n];
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = random.nextGaussian();
                b[i][j] = random.nextGaussian();
            }
        }
        double[][] ab = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    ab[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        assertEquals(Jacobians.det(a) * Jacobians.det(b), Jacobians.det(ab), 1e-10 * Math.abs(Jacobians.det(ab)));
        assertEquals(Jacobians.logAbsDet(a) + Jacobians.logAbsDet(b), Jacobians.logAbsDet(ab), 1e-11);
    }

    @Test
    void logAbsDetSurvivesWhatOverflowsTheDeterminant() {
        int n = 400;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = 1e3;
            if (i + 1 < n) {
                a[i][i + 1] = 0.5;
            }
        }
        assertEquals(Double.POSITIVE_INFINITY, Jacobians.det(a));
        assertEquals(n * Math.log(1e3), Jacobians.logAbsDet(a), 1e-9);
    }

    @Test
    void ill_conditioned_needs_pivoting() {
        // without pivoting the tiny pivot 1e-20 would destroy the answer (-1)
        assertEquals(-1.0, Jacobians.det(new double[][] {{1e-20, 1}, {1, 1}}), 1e-15);
    }

    @Test
    void rejectsNonSquare() {
        assertThrows(IllegalArgumentException.class, () -> Jacobians.det(new double[][] {{1, 2}}));
    }
}
