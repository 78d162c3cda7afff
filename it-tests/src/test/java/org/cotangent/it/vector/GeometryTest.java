package org.cotangent.it.vector;

import static org.cotangent.it.vector.VectorCheck.at;
import static org.cotangent.it.vector.VectorCheck.checkAll;
import static org.cotangent.it.vector.VectorCheck.random;
import static org.cotangent.it.vector.VectorCheck.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cotangent.runtime.Jacobians;
import org.junit.jupiter.api.Test;

class GeometryTest {
    @Test
    void rotate() {
        List<VectorCheck.Result> r = checkAll(Geometry.class, "rotate", "p theta",
                at(vec(1.0, 0.5), 0.3), at(vec(-2.0, 1.5), 2.5), at(vec(0.1, -0.7), -1.2));
        // d q / d p is the rotation matrix (det 1); d q / d theta is the point rotated by a further 90 degrees
        double c = Math.cos(0.3);
        double s = Math.sin(0.3);
        double[][] j = r.get(0).jacobian();
        assertArrayEquals(new double[] {c, -s}, new double[] {j[0][0], j[0][1]}, 1e-15);
        assertArrayEquals(new double[] {s, c}, new double[] {j[1][0], j[1][1]}, 1e-15);
        double[] q = r.get(0).value();
        assertEquals(-q[1], j[0][2], 1e-15);
        assertEquals(q[0], j[1][2], 1e-15);
        assertEquals(1.0, Jacobians.det(new double[][] {{j[0][0], j[0][1]}, {j[1][0], j[1][1]}}), 1e-15);
    }

    @Test
    void polarToCartesian() {
        List<VectorCheck.Result> r = checkAll(Geometry.class, "polarToCartesian", "r phi",
                at(2.0, 0.7), at(0.5, -2.4), at(3.0, 4.0));
        // |det J| = r
        assertEquals(2.0, Jacobians.det(r.get(0).jacobian()), 1e-14);
        assertEquals(Math.log(0.5), Jacobians.logAbsDet(r.get(1).jacobian()), 1e-14);
    }

    @Test
    void spherical() {
        checkAll(Geometry.class, "spherical", "r theta phi", at(1.5, 0.8, 2.2), at(0.7, 2.0, -0.4));
    }

    @Test
    void matVec() {
        double[][] a = {{1.0, 2.0, -1.0}, {0.5, -3.0, 2.0}};
        double[] x = {0.2, -0.4, 1.3};
        List<VectorCheck.Result> r = checkAll(Geometry.class, "matVec", "a x",
                at(a, x), at(new double[][] {random(4, -1, 1, 11), random(4, -1, 1, 12), random(4, -1, 1, 13),
                        random(4, -1, 1, 14), random(4, -1, 1, 15)}, random(4, -2, 2, 16)));
        // d y_i / d a_ik = x_k, d y_i / d x_k = a_ik, exactly
        double[][] j = r.get(0).jacobian();
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 3; k++) {
                for (int i2 = 0; i2 < 2; i2++) {
                    assertEquals(i == i2 ? x[k] : 0.0, j[i][i2 * 3 + k], 0.0);
                }
                assertEquals(a[i][k], j[i][6 + k], 0.0);
            }
        }
    }

    @Test
    void matVecSquareAndOnlyX() {
        // a square A, 16 + 4 inputs, 4 outputs
        double[][] a = new double[4][];
        for (int i = 0; i < 4; i++) {
            a[i] = random(4, -1, 1, 20 + i);
        }
        checkAll(Geometry.class, "matVec", "a x", at(a, random(4, -1, 1, 30)), at(a, random(4, -5, 5, 31)));
    }

    @Test
    void outer() {
        List<VectorCheck.Result> r = checkAll(Geometry.class, "outer", "a b",
                at(vec(1.0, 2.0), vec(3.0, -1.0, 0.5)), at(random(4, -1, 1, 40), random(2, -1, 1, 41)));
        double[][] j = r.get(0).jacobian();
        assertEquals(6, j.length);
        assertEquals(5, j[0].length);
        // y_{i*3+k} = a_i b_k
        assertArrayEquals(new double[] {0, -1.0, 0, 2.0, 0}, j[4], 0.0);
    }
}
