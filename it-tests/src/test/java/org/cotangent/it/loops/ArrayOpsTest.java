package org.cotangent.it.loops;

import static org.cotangent.it.scalar.Check.Args.args;
import static org.cotangent.it.scalar.Check.arrays;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cotangent.it.scalar.Check.Args;
import org.junit.jupiter.api.Test;

class ArrayOpsTest {
    @Test
    void horner() {
        Args[] points = Inputs.points(601, 3, in -> args().v("coeffs", in.vector(6, -1, 1)).d("x", in.uniform(-1.5, 1.5)));
        List<double[]> gradients = arrays("horner", "coeffs x",
                a -> ArrayOps.horner(a.v(0), a.d(1)),
                a -> ArrayOpsDerivatives.horner_grad(a.v(0), a.d(1)),
                (a, s, acc) -> ArrayOpsDerivatives.horner_vjp(a.v(0), a.d(1), s, acc.v(0), acc.v(1)),
                points);
        // d/dc_i = x^i, d/dx = sum i c_i x^(i-1)
        Inputs in = new Inputs(601);
        double[] c = in.vector(6, -1, 1);
        double x = in.uniform(-1.5, 1.5);
        double dx = 0;
        for (int i = 0; i < 6; i++) {
            assertEquals(Math.pow(x, i), gradients.get(0)[i], 1e-14);
            dx += i * c[i] * Math.pow(x, i - 1);
        }
        assertEquals(dx, gradients.get(0)[6], 1e-13);
    }

    @Test
    void cumulativeProduct() {
        Args[] points = Inputs.points(602, 3, in -> args().v("x", in.awayFromZero(6, 0.5, 1.5)));
        List<double[]> gradients = arrays("cumulativeProduct", "x",
                a -> ArrayOps.cumulativeProduct(a.v(0)),
                a -> ArrayOpsDerivatives.cumulativeProduct_grad(a.v(0)),
                (a, s, acc) -> ArrayOpsDerivatives.cumulativeProduct_vjp(a.v(0), s, acc.v(0)),
                points);
        // f = x0 + x0 x1 + x0 x1 x2: at (2, 3, 5): d/dx0 = 1 + 3 + 15, d/dx1 = 2 + 10, d/dx2 = 6
        var g = ArrayOpsDerivatives.cumulativeProduct_grad(new double[] {2, 3, 5});
        assertEquals(2 + 6 + 30, g.value(), 0.0);
        assertArrayEquals(new double[] {19, 12, 6}, g.x(), 0.0);
        assertEquals(6, gradients.get(0).length);
    }

    @Test
    void bubbleSortWeighted() {
        Args[] points = Inputs.points(603, 3, in -> args().v("values", in.separated(7, -3, 0.3)));
        List<double[]> gradients = arrays("bubbleSortWeighted", "values",
                a -> ArrayOps.bubbleSortWeighted(a.v(0)),
                a -> ArrayOpsDerivatives.bubbleSortWeighted_grad(a.v(0)),
                (a, s, acc) -> ArrayOpsDerivatives.bubbleSortWeighted_vjp(a.v(0), s, acc.v(0)),
                points);
        // the derivative follows the permutation: d/dv_i = 1 + rank of v_i, exactly
        Inputs in = new Inputs(603);
        for (double[] g : gradients) {
            double[] v = in.separated(7, -3, 0.3);
            for (int i = 0; i < 7; i++) {
                int rank = 0;
                for (int j = 0; j < 7; j++) {
                    if (v[j] < v[i]) {
                        rank++;
                    }
                }
                assertEquals(rank + 1, g[i], 0.0, "d/dvalues[" + i + "]");
            }
        }
    }

    @Test
    void argsortWeighted() {
        // the method writes the permutation into the caller's int[]: generated code must too
        Args[] points = Inputs.points(604, 3, in -> args().v("values", in.separated(6, -2, 0.25))
                .ints("order", new int[6]).modified());
        List<double[]> gradients = arrays("argsortWeighted", "values",
                a -> ArrayOps.argsortWeighted(a.v(0), a.ints(1)),
                a -> ArrayOpsDerivatives.argsortWeighted_grad(a.v(0), a.ints(1)),
                (a, s, acc) -> ArrayOpsDerivatives.argsortWeighted_vjp(a.v(0), a.ints(1), s, acc.v(0)),
                points);
        double[] v = new Inputs(604).separated(6, -2, 0.25);
        int[] order = new int[6];
        ArrayOpsDerivatives.argsortWeighted_vjp(v, order, 1.0, new double[6]);
        for (int i = 0; i < 6; i++) {
            assertEquals(2 * (i + 1) * v[order[i]], gradients.get(0)[order[i]], 1e-15);
            if (i > 0) {
                assertTrue(v[order[i - 1]] < v[order[i]], "order after _vjp is sorted");
            }
        }
    }

    @Test
    void initialisers() {
        Args[] points = Inputs.points(605, 3, in -> args().d("x", in.uniform(-1.5, 1.5)).d("y", in.uniform(-1.5, 1.5)));
        List<double[]> gradients = arrays("initialisers", "x y",
                a -> ArrayOps.initialisers(a.d(0), a.d(1)),
                a -> ArrayOpsDerivatives.initialisers_grad(a.d(0), a.d(1)),
                (a, s, acc) -> ArrayOpsDerivatives.initialisers_vjp(a.d(0), a.d(1), s, acc.v(0), acc.v(1)),
                points);
        // s = x + 2y + 6x + 4 sin y + xy + y^2 + 3xy, f = 2x s
        Inputs in = new Inputs(605);
        double x = in.uniform(-1.5, 1.5);
        double y = in.uniform(-1.5, 1.5);
        double s = 7 * x + 2 * y + 4 * Math.sin(y) + 4 * x * y + y * y;
        assertEquals(2 * s + 2 * x * (7 + 4 * y), gradients.get(0)[0], 1e-13);
        assertEquals(2 * x * (2 + 4 * Math.cos(y) + 4 * x + 2 * y), gradients.get(0)[1], 1e-13);
    }

    @Test
    void overwriteElement() {
        Args[] points = Inputs.points(606, 3, in -> args().v("x", in.vector(8, -1.2, 1.2)));
        arrays("overwriteElement", "x",
                a -> ArrayOps.overwriteElement(a.v(0)),
                a -> ArrayOpsDerivatives.overwriteElement_grad(a.v(0)),
                (a, s, acc) -> ArrayOpsDerivatives.overwriteElement_vjp(a.v(0), s, acc.v(0)),
                points);
        // acc starts at 0, so f = ((0 x0 + 1) x1 + 1) x2 + 1: at (2, 3, 5) acc runs 1, 4, 21 and
        // d/dx0 = 0, d/dx1 = x2 = 5, d/dx2 = x1 + 1 = 4
        var g = ArrayOpsDerivatives.overwriteElement_grad(new double[] {2, 3, 5});
        assertEquals(21, g.value(), 0.0);
        assertArrayEquals(new double[] {0, 5, 4}, g.x(), 0.0);
    }

    @Test
    void gather() {
        int[] idx = {0, 3, 3, 1, 4, 0, 2};
        Args[] points = Inputs.points(607, 3, in -> args().v("x", in.vector(5, -2, 2)).ints("idx", idx));
        List<double[]> gradients = arrays("gather", "x",
                a -> ArrayOps.gather(a.v(0), a.ints(1)),
                a -> ArrayOpsDerivatives.gather_grad(a.v(0), a.ints(1)),
                (a, s, acc) -> ArrayOpsDerivatives.gather_vjp(a.v(0), a.ints(1), s, acc.v(0)),
                points);
        // pairs (0,3) (3,3) (3,1) (1,4) (4,0) (0,2) (2,0): d/dx3 = x0 + 2 x3 + x1
        double[] x = new Inputs(607).vector(5, -2, 2);
        assertEquals(x[0] + 2 * x[3] + x[1], gradients.get(0)[3], 1e-14);
        assertEquals(x[3] + x[4] + 2 * x[2], gradients.get(0)[0], 1e-14);
    }

    @Test
    void scatterAdd() {
        Args[] points = Inputs.points(608, 3, in -> {
            int[] bucket = new int[8];
            for (int k = 0; k < 8; k++) {
                bucket[k] = in.nextInt(3);
            }
            return args().v("x", in.vector(8, -1.5, 1.5)).ints("bucket", bucket).i("buckets", 3);
        });
        arrays("scatterAdd", "x",
                a -> ArrayOps.scatterAdd(a.v(0), a.ints(1), a.i(2)),
                a -> ArrayOpsDerivatives.scatterAdd_grad(a.v(0), a.ints(1), a.i(2)),
                (a, s, acc) -> ArrayOpsDerivatives.scatterAdd_vjp(a.v(0), a.ints(1), a.i(2), s, acc.v(0)),
                points);
    }

    @Test
    void prefixSums() {
        Args[] points = Inputs.points(609, 3, in -> args().v("x", in.vector(7, -1, 1)));
        arrays("prefixSums", "x",
                a -> ArrayOps.prefixSums(a.v(0)),
                a -> ArrayOpsDerivatives.prefixSums_grad(a.v(0)),
                (a, s, acc) -> ArrayOpsDerivatives.prefixSums_vjp(a.v(0), s, acc.v(0)),
                points);
        // f = sin(x0) + sin(x0 + x1): d/dx1 = cos(x0 + x1)
        var g = ArrayOpsDerivatives.prefixSums_grad(new double[] {0.3, 0.4});
        assertEquals(Math.cos(0.3) + Math.cos(0.7), g.x()[0], 1e-15);
        assertEquals(Math.cos(0.7), g.x()[1], 1e-15);
    }

    @Test
    void reverseInPlace() {
        Args[] points = Inputs.points(610, 3, in -> args().v("x", in.vector(7, -2, 2)));
        arrays("reverseInPlace", "x",
                a -> ArrayOps.reverseInPlace(a.v(0)),
                a -> ArrayOpsDerivatives.reverseInPlace_grad(a.v(0)),
                (a, s, acc) -> ArrayOpsDerivatives.reverseInPlace_vjp(a.v(0), s, acc.v(0)),
                points);
    }

    @Test
    void cloneAndLength() {
        Args[] points = Inputs.points(611, 3, in -> args().v("x", in.vector(5, -2, 2)));
        arrays("cloneAndLength", "x",
                a -> ArrayOps.cloneAndLength(a.v(0)),
                a -> ArrayOpsDerivatives.cloneAndLength_grad(a.v(0)),
                (a, s, acc) -> ArrayOpsDerivatives.cloneAndLength_vjp(a.v(0), s, acc.v(0)),
                points);
        // x = (a, b): c = (2b, 2b^2); f = 2 + 2ab + 2b^3: d/da = 2b, d/db = 2a + 6b^2
        var g = ArrayOpsDerivatives.cloneAndLength_grad(new double[] {1.5, -0.5});
        assertEquals(2 + 2 * 1.5 * -0.5 + 2 * -0.125, g.value(), 0.0);
        assertArrayEquals(new double[] {-1.0, 3.0 + 1.5}, g.x(), 1e-15);
    }

    @Test
    void movingAverage() {
        Args[] points = Inputs.points(612, 3, in -> args().v("x", in.vector(9, -2, 2)).i("w", 2 + in.nextInt(3)));
        arrays("movingAverage", "x",
                a -> ArrayOps.movingAverage(a.v(0), a.i(1)),
                a -> ArrayOpsDerivatives.movingAverage_grad(a.v(0), a.i(1)),
                (a, s, acc) -> ArrayOpsDerivatives.movingAverage_vjp(a.v(0), a.i(1), s, acc.v(0)),
                points);
    }

    @Test
    void reassignLocalArray() {
        Args[] points = Inputs.points(613, 3, in -> args().v("x", in.vector(6, -1, 1)));
        arrays("reassignLocalArray", "x",
                a -> ArrayOps.reassignLocalArray(a.v(0)),
                a -> ArrayOpsDerivatives.reassignLocalArray_grad(a.v(0)),
                (a, s, acc) -> ArrayOpsDerivatives.reassignLocalArray_vjp(a.v(0), s, acc.v(0)),
                points);
    }
}
