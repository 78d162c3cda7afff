package org.cotangent.it.loops;

import static org.cotangent.it.scalar.Check.Args.args;
import static org.cotangent.it.scalar.Check.arrays;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cotangent.it.scalar.Check.Args;
import org.junit.jupiter.api.Test;

class MatricesTest {
    @Test
    void scaleInPlace() {
        Args[] points = Inputs.points(701, 3, in -> args().m("a", in.matrix(3, 4, -2, 2)).v("s", in.vector(4, -1.5, 1.5)));
        arrays("scaleInPlace", "a s",
                a -> Matrices.scaleInPlace(a.m(0), a.v(1)),
                a -> MatricesDerivatives.scaleInPlace_grad(a.m(0), a.v(1)),
                (a, s, acc) -> MatricesDerivatives.scaleInPlace_vjp(a.m(0), a.v(1), s, acc.m(0), acc.v(1)),
                points);
    }

    @Test
    void newMatrix() {
        Args[] points = {args().d("x", 0.7).i("n", 3).i("m", 4), args().d("x", 1.3).i("n", 4).i("m", 2),
            args().d("x", -0.6).i("n", 3).i("m", 3)};
        arrays("newMatrix", "x",
                a -> Matrices.newMatrix(a.d(0), a.i(1), a.i(2)),
                a -> MatricesDerivatives.newMatrix_grad(a.d(0), a.i(1), a.i(2)),
                (a, s, acc) -> MatricesDerivatives.newMatrix_vjp(a.d(0), a.i(1), a.i(2), s, acc.v(0)),
                points);
        // n = 1, m = 2: f = 1 - cos x, f' = sin x
        assertEquals(Math.sin(0.9), MatricesDerivatives.newMatrix_grad(0.9, 1, 2).x(), 1e-15);
    }

    @Test
    void matrixPowerTrace() {
        Args[] points = Inputs.points(702, 3, in -> args().m("a", in.matrix(3, 3, -1, 1)).i("p", 2 + in.nextInt(3)));
        List<double[]> gradients = arrays("matrixPowerTrace", "a",
                a -> Matrices.matrixPowerTrace(a.m(0), a.i(1)),
                a -> MatricesDerivatives.matrixPowerTrace_grad(a.m(0), a.i(1)),
                (a, s, acc) -> MatricesDerivatives.matrixPowerTrace_vjp(a.m(0), a.i(1), s, acc.m(0)),
                points);
        // d trace(A^2) / dA = 2 A^T
        double[][] a = {{0.5, -1.0}, {2.0, 0.25}};
        var g = MatricesDerivatives.matrixPowerTrace_grad(a, 2);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(2 * a[j][i], g.a()[i][j], 1e-15);
            }
        }
        assertEquals(9, gradients.get(0).length);
    }

    @Test
    void rowSoftmax() {
        Args[] points = Inputs.points(703, 3, in -> args().m("a", in.matrix(3, 4, -2, 2)));
        List<double[]> gradients = arrays("rowSoftmax", "a",
                a -> Matrices.rowSoftmax(a.m(0)),
                a -> MatricesDerivatives.rowSoftmax_grad(a.m(0)),
                (a, s, acc) -> MatricesDerivatives.rowSoftmax_vjp(a.m(0), s, acc.m(0)),
                points);
        // adding a constant to a row changes nothing: each row of the gradient sums to 0
        for (double[] g : gradients) {
            for (int i = 0; i < 3; i++) {
                assertEquals(0.0, g[4 * i] + g[4 * i + 1] + g[4 * i + 2] + g[4 * i + 3], 1e-14);
            }
        }
    }

    @Test
    void outerProduct() {
        Args[] points = Inputs.points(704, 3, in -> args().v("u", in.vector(3, -1.5, 1.5)).v("v", in.vector(4, -1.5, 1.5)));
        arrays("outerProduct", "u v",
                a -> Matrices.outerProduct(a.v(0), a.v(1)),
                a -> MatricesDerivatives.outerProduct_grad(a.v(0), a.v(1)),
                (a, s, acc) -> MatricesDerivatives.outerProduct_vjp(a.v(0), a.v(1), s, acc.v(0), acc.v(1)),
                points);
    }

    @Test
    void raggedRows() {
        // rows of lengths 2, 4, 1, 3: the accumulator has the same ragged shape
        Args[] points = Inputs.points(705, 3, in -> args().m("a", new double[][] {in.vector(2, -1, 1),
            in.vector(4, -1, 1), in.vector(1, -1, 1), in.vector(3, -1, 1)}));
        arrays("raggedRows", "a",
                a -> Matrices.raggedRows(a.m(0)),
                a -> MatricesDerivatives.raggedRows_grad(a.m(0)),
                (a, s, acc) -> MatricesDerivatives.raggedRows_vjp(a.m(0), s, acc.m(0)),
                points);
    }

    @Test
    void kernelSum() {
        Args[] points = Inputs.points(706, 3, in -> args().m("points", in.matrix(5, 2, -1, 1))
                .d("bandwidth", in.uniform(0.5, 1.5)));
        arrays("kernelSum", "points bandwidth",
                a -> Matrices.kernelSum(a.m(0), a.d(1)),
                a -> MatricesDerivatives.kernelSum_grad(a.m(0), a.d(1)),
                (a, s, acc) -> MatricesDerivatives.kernelSum_vjp(a.m(0), a.d(1), s, acc.m(0), acc.v(1)),
                points);
    }

    @Test
    void transposeInPlace() {
        Args[] points = Inputs.points(707, 3, in -> args().m("a", in.matrix(3, 3, -2, 2)));
        arrays("transposeInPlace", "a",
                a -> Matrices.transposeInPlace(a.m(0)),
                a -> MatricesDerivatives.transposeInPlace_grad(a.m(0)),
                (a, s, acc) -> MatricesDerivatives.transposeInPlace_vjp(a.m(0), s, acc.m(0)),
                points);
    }
}
