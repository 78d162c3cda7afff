package org.cotangent.it.vector;

import static org.cotangent.it.vector.VectorCheck.at;
import static org.cotangent.it.vector.VectorCheck.checkAll;
import static org.cotangent.it.vector.VectorCheck.random;
import static org.cotangent.it.vector.VectorCheck.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MapsTest {
    @Test
    void square() {
        List<VectorCheck.Result> r = checkAll(Maps.class, "square", "x",
                at(vec(1.5, -2.0, 0.25)), at(random(7, -3, 3, 1)), at(vec(4.0)));
        // diagonal 2 x, exactly
        double[][] j = r.get(0).jacobian();
        assertArrayEquals(new double[] {3.0, 0, 0}, j[0], 0.0);
        assertArrayEquals(new double[] {0, -4.0, 0}, j[1], 0.0);
        assertArrayEquals(new double[] {0, 0, 0.5}, j[2], 0.0);
    }

    @Test
    void bump() {
        checkAll(Maps.class, "bump", "x", at(vec(0.7, -1.3, 2.1, -0.4)), at(random(9, 0.1, 3, 2)));
    }

    @Test
    void initialiserCalls() {
        checkAll(Maps.class, "initialiserCalls", "x", at(vec(0.7, -1.3)), at(vec(-0.2, 0.9)));
    }

    @Test
    void normalize() {
        List<VectorCheck.Result> r = checkAll(Maps.class, "normalize", "x",
                at(vec(3.0, 4.0)), at(vec(0.3, -1.2, 2.5, 0.7)), at(random(6, -2, 2, 3)));
        // J x = 0 (scaling x does not change x / |x|)
        double[][] j = r.get(0).jacobian();
        assertEquals(0.0, j[0][0] * 3 + j[0][1] * 4, 1e-15);
        assertEquals(0.0, j[1][0] * 3 + j[1][1] * 4, 1e-15);
    }

    @Test
    void softmax() {
        List<VectorCheck.Result> r = checkAll(Maps.class, "softmax", "x",
                at(vec(0.5, -1.0, 2.0)), at(random(8, -4, 4, 4)), at(vec(10.0, 11.5, 9.0, -3.0)));
        // columns sum to 0 (the outputs sum to 1); J = diag(p) - p p^T
        for (VectorCheck.Result res : r) {
            double[] p = res.value();
            double[][] j = res.jacobian();
            for (int c = 0; c < p.length; c++) {
                double sum = 0;
                for (int i = 0; i < p.length; i++) {
                    sum += j[i][c];
                    double expected = (i == c ? p[i] : 0) - p[i] * p[c];
                    assertEquals(expected, j[i][c], 1e-15);
                }
                assertEquals(0.0, sum, 1e-15);
            }
        }
    }

    @Test
    void cumsum() {
        List<VectorCheck.Result> r = checkAll(Maps.class, "cumsum", "x",
                at(vec(1.0, 2.0, 3.0, 4.0, 5.0)), at(random(12, -1, 1, 5)));
        double[][] j = r.get(0).jacobian();
        for (int i = 0; i < 5; i++) {
            for (int c = 0; c < 5; c++) {
                assertEquals(c <= i ? 1.0 : 0.0, j[i][c], 0.0, "J[" + i + "][" + c + "]");
            }
        }
    }

    @Test
    void minMax() {
        List<VectorCheck.Result> r = checkAll(Maps.class, "minMax", "a b", at(1.0, 2.5), at(3.0, -0.5));
        assertArrayEquals(new double[][] {{1, 0}, {0, 1}, {-1, 1}}, r.get(0).jacobian());
        assertArrayEquals(new double[][] {{0, 1}, {1, 0}, {1, -1}}, r.get(1).jacobian());
    }

    @Test
    void newtonSqrt() {
        List<VectorCheck.Result> r = checkAll(Maps.class, "newtonSqrt", "x",
                at(vec(2.0, 0.5, 9.0, 100.0)), at(random(5, 0.2, 50, 6)));
        // the iteration converged, so J is close to diag(1 / (2 sqrt x))
        double[][] j = r.get(0).jacobian();
        double[] x = {2.0, 0.5, 9.0, 100.0};
        for (int i = 0; i < 4; i++) {
            assertEquals(0.5 / Math.sqrt(x[i]), j[i][i], 1e-12 / Math.sqrt(x[i]));
        }
    }

    @Test
    void mixed() {
        checkAll(Maps.class, "mixed", "x", at(random(7, -2, 2, 7), 0), at(random(7, -2, 2, 8), 2),
                at(vec(0.3, -0.8), 1));
    }
}
