package org.cotangent.it.vector;

import static org.cotangent.it.vector.VectorCheck.at;
import static org.cotangent.it.vector.VectorCheck.checkAll;
import static org.cotangent.it.vector.VectorCheck.random;
import static org.cotangent.it.vector.VectorCheck.vec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.cotangent.runtime.DualVector;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class EdgeCasesTest {
    @Test
    void copy() {
        double[] x = {1.0, -2.0, 3.5};
        List<VectorCheck.Result> r = checkAll(EdgeCases.class, "copy", "x", at(x), at(random(5, -1, 1, 80)));
        assertArrayEquals(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, r.get(0).jacobian());
        // the value and the tangent are fresh arrays, not the arguments
        double[] u = {0.5, 0.25, -1};
        DualVector d = EdgeCasesDerivatives.copy_jvp(x, u);
        assertNotSame(x, d.value());
        assertNotSame(u, d.tangent());
        assertNotSame(x, EdgeCasesDerivatives.copy_vjp(x, new double[3], new double[3]));
    }

    @Test
    void transposeFlat() {
        List<VectorCheck.Result> r = checkAll(EdgeCases.class, "transposeFlat", "a",
                at((Object) new double[][] {{1, 2, 3}, {4, 5, 6}}),
                at((Object) new double[][] {random(2, -1, 1, 81), random(2, -1, 1, 82), random(2, -1, 1, 83)}));
        // out index j * rows + i reads a[i][j], flat input i * cols + j
        double[][] j = r.get(0).jacobian();
        assertEquals(1.0, j[1][3], 0.0); // out 1 = a[1][0], input 1 * 3 + 0
        assertEquals(1.0, j[4][2], 0.0); // out 4 = a[0][2]
    }

    @Test
    void aliased() {
        checkAll(EdgeCases.class, "aliased", "x y", at(1.5, -0.5), at(-0.3, 2.0));
    }

    @Test
    void earlyReturn() {
        checkAll(EdgeCases.class, "earlyReturn", "x",
                at(vec(0.5, 1.0, 3.5, 0.2)), // returns inside the loop at i = 2
                at(vec(-0.5, 1.0, 0.2)),     // returns z
                at(vec(0.5, -1.0, 0.2)));    // returns y at the end
    }

    @Test
    void overwrite() {
        checkAll(EdgeCases.class, "overwrite", "x", at(random(9, -1, 1, 84)), at(vec(0.3, -0.2, 0.9, 1.4)),
                at(random(40, -2, 2, 85)));
    }

    @Test
    void empty() {
        List<VectorCheck.Result> r = checkAll(EdgeCases.class, "empty", "x", at(vec(1.0, 2.0)), at(vec(3.0)));
        assertEquals(0, r.get(0).jacobian().length);
    }

    @Test
    void scaleBy() {
        List<VectorCheck.Result> r = checkAll(EdgeCases.class, "scaleBy", "s",
                at(vec(0.5, -1.5, 2.0), 1.3), at(random(6, -3, 3, 86), -0.7));
        assertEquals(1, r.get(0).jacobian()[0].length);
    }

    @Test
    void rbf() {
        checkAll(EdgeCases.class, "rbf", "p c", at(vec(0.1, 0.2, -0.5, 0.9, 1.2, -0.3), vec(0.3, 0.1)),
                at(random(10, -1, 1, 87), vec(-0.2, 0.4)));
    }

    @Test
    void misc() {
        checkAll(EdgeCases.class, "misc", "x", at(vec(0.5, -0.7, 0.1, 2.0, -3.0)), at(random(6, -2, 2, 88)));
        // at x_2 == 0 the loop skips y_2 (a discontinuity, so no finite differences): row 2 is zero and
        // row 3 sees no y_2
        double[] x = {0.5, -0.7, 0.0, 2.0, -3.0};
        double[][] j = EdgeCasesDerivatives.misc_jacobian(x);
        assertArrayEquals(new double[5], j[2], 0.0);
        assertArrayEquals(new double[] {0, 0, 0, 0.5 / Math.sqrt(2.0), 0}, j[3], 1e-16);
    }

    @Test
    void layerApply() {
        EdgeCases.Layer layer = new EdgeCases.Layer(
                new double[][] {random(3, -1, 1, 90), random(3, -1, 1, 91)}, vec(0.1, -0.2));
        checkAll(EdgeCases.Layer.class, "apply", "x", at(layer, vec(0.5, -0.3, 0.8)), at(layer, random(3, -2, 2, 92)));
    }

    @Test
    void squareInPlaceVjpAndJvp() {
        // the method modifies x; _vjp and _jvp modify it exactly as the primal does
        double[] x = {1.0, 2.0, 3.0};
        double[] acc = {0.25, 0.25, 0.25};
        double[] out = EdgeCasesDerivatives.squareInPlace_vjp(x, new double[] {1.0, -1.0, 0.5}, acc);
        assertArrayEquals(new double[] {1, 4, 9}, x, 0.0);
        assertArrayEquals(new double[] {1, 4, 9}, out, 0.0);
        assertArrayEquals(new double[] {2.25, -3.75, 3.25}, acc, 0.0);
        double[] w = {1.0, 2.0, 3.0};
        DualVector d = EdgeCasesDerivatives.squareInPlace_jvp(w, new double[] {1.0, 1.0, 1.0});
        assertArrayEquals(new double[] {1, 4, 9}, w, 0.0);
        assertArrayEquals(new double[] {2, 4, 6}, d.tangent(), 0.0);
    }

    @Test
    void squareInPlaceJacobian() {
        double[] x = {1.0, 2.0, 3.0};
        double[][] j = EdgeCasesDerivatives.squareInPlace_jacobian(x);
        assertArrayEquals(new double[][] {{2, 0, 0}, {0, 4, 0}, {0, 0, 6}}, j);
        assertArrayEquals(new double[] {1, 4, 9}, x, 0.0, "x modified exactly as the primal modifies it");
    }

    @Test
    void badArguments() {
        double[] x = random(9, -1, 1, 84);
        double[] acc = new double[9];
        // a seed of the wrong length, or an accumulator of the wrong length, throws before any accumulator changes
        assertThrows(IllegalArgumentException.class, () -> EdgeCasesDerivatives.overwrite_vjp(x, new double[3], acc));
        assertThrows(IllegalArgumentException.class,
                () -> EdgeCasesDerivatives.overwrite_vjp(x, new double[] {1, 1}, new double[8]));
        assertThrows(IllegalArgumentException.class,
                () -> EdgeCasesDerivatives.overwrite_vjp(x, new double[] {1, 1}, null));
        assertArrayEquals(new double[9], acc, 0.0);
        assertThrows(IllegalArgumentException.class, () -> EdgeCasesDerivatives.overwrite_jvp(x, new double[8]));
    }

    @Test
    void concurrentJacobians() throws Exception {
        // generated methods keep no static mutable state: the loop's tape is per thread
        double[][] expected = DynamicsDerivatives.lorenzRk4_jacobian(vec(1.0, 1.0, 1.0), 10.0, 28.0, 8.0 / 3);
        double[][] overwriteExpected = EdgeCasesDerivatives.overwrite_jacobian(random(40, -2, 2, 85));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    boolean same = true;
                    for (int k = 0; k < 50; k++) {
                        same &= java.util.Arrays.deepEquals(expected,
                                DynamicsDerivatives.lorenzRk4_jacobian(vec(1.0, 1.0, 1.0), 10.0, 28.0, 8.0 / 3));
                        same &= java.util.Arrays.deepEquals(overwriteExpected,
                                EdgeCasesDerivatives.overwrite_jacobian(random(40, -2, 2, 85)));
                    }
                    return same;
                }));
            }
            for (Future<Boolean> f : results) {
                assertEquals(true, f.get(), "a concurrent _jacobian differs");
            }
        } finally {
            pool.shutdown();
        }
    }
}
