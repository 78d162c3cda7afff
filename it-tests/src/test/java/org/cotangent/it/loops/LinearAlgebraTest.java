package org.cotangent.it.loops;

import static org.cotangent.it.scalar.Check.Args.args;
import static org.cotangent.it.scalar.Check.arrays;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cotangent.it.scalar.Check.Args;
import org.junit.jupiter.api.Test;

class LinearAlgebraTest {
    @Test
    void rosenbrock() {
        Args[] points = Inputs.points(101, 3, in -> args().v("x", in.vector(6, -1.5, 1.5)));
        arrays("rosenbrock", "x",
                a -> LinearAlgebra.rosenbrock(a.v(0)),
                a -> LinearAlgebraDerivatives.rosenbrock_grad(a.v(0)),
                (a, s, acc) -> LinearAlgebraDerivatives.rosenbrock_vjp(a.v(0), s, acc.v(0)),
                points);
    }

    @Test
    void rosenbrockByHand() {
        // minimum at (1, ..., 1): value and gradient exactly 0
        var atMinimum = LinearAlgebraDerivatives.rosenbrock_grad(new double[] {1, 1, 1, 1, 1});
        assertEquals(0.0, atMinimum.value(), 0.0);
        assertArrayEquals(new double[5], atMinimum.x(), 0.0);
        // n = 2 is the banana: d/dx0 = -2(1 - x0) - 400 x0 (x1 - x0^2), d/dx1 = 200 (x1 - x0^2)
        var banana = LinearAlgebraDerivatives.rosenbrock_grad(new double[] {-1.2, 1.0});
        assertEquals(-2 * 2.2 - 400 * -1.2 * (1.0 - 1.44), banana.x()[0], 1e-12);
        assertEquals(200 * (1.0 - 1.44), banana.x()[1], 1e-12);
    }

    @Test
    void dot() {
        Args[] points = Inputs.points(102, 3, in -> args().v("x", in.vector(5, -2, 2)).v("y", in.vector(5, -2, 2)));
        List<double[]> gradients = arrays("dot", "x y",
                a -> LinearAlgebra.dot(a.v(0), a.v(1)),
                a -> LinearAlgebraDerivatives.dot_grad(a.v(0), a.v(1)),
                (a, s, acc) -> LinearAlgebraDerivatives.dot_vjp(a.v(0), a.v(1), s, acc.v(0), acc.v(1)),
                points);
        // d(x.y)/dx = y and d/dy = x, exactly
        var g = LinearAlgebraDerivatives.dot_grad(new double[] {1, 2, 3}, new double[] {-4, 0.5, 7});
        assertArrayEquals(new double[] {-4, 0.5, 7}, g.x(), 0.0);
        assertArrayEquals(new double[] {1, 2, 3}, g.y(), 0.0);
        assertEquals(10, gradients.get(0).length);
    }

    @Test
    void leastSquares() {
        Args[] points = Inputs.points(103, 3, in -> args()
                .m("a", in.matrix(4, 3, -1, 1)).v("x", in.vector(3, -1, 1)).v("b", in.vector(4, -1, 1)));
        List<double[]> gradients = arrays("leastSquares", "a x b",
                a -> LinearAlgebra.leastSquares(a.m(0), a.v(1), a.v(2)),
                a -> LinearAlgebraDerivatives.leastSquares_grad(a.m(0), a.v(1), a.v(2)),
                (a, s, acc) -> LinearAlgebraDerivatives.leastSquares_vjp(a.m(0), a.v(1), a.v(2), s,
                        acc.m(0), acc.v(1), acc.v(2)),
                points);
        // by hand: d/dx = 2 A^T r, d/db = -2 r, d/dA = 2 r x^T (flattened: A row-major, then x, then b)
        Inputs in = new Inputs(103);
        double[][] a = in.matrix(4, 3, -1, 1);
        double[] x = in.vector(3, -1, 1);
        double[] b = in.vector(4, -1, 1);
        double[] r = new double[4];
        for (int i = 0; i < 4; i++) {
            r[i] = a[i][0] * x[0] + a[i][1] * x[1] + a[i][2] * x[2] - b[i];
        }
        double[] g = gradients.get(0);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(2 * r[i] * x[j], g[3 * i + j], 1e-12, "dA");
            }
            assertEquals(-2 * r[i], g[15 + i], 1e-12, "db");
        }
        for (int j = 0; j < 3; j++) {
            double expected = 0;
            for (int i = 0; i < 4; i++) {
                expected += 2 * a[i][j] * r[i];
            }
            assertEquals(expected, g[12 + j], 1e-12, "dx");
        }
    }

    @Test
    void productFrobenius() {
        Args[] points = Inputs.points(104, 3, in -> args()
                .m("a", in.matrix(3, 4, -1, 1)).m("b", in.matrix(4, 2, -1, 1)));
        arrays("productFrobenius", "a b",
                a -> LinearAlgebra.productFrobenius(a.m(0), a.m(1)),
                a -> LinearAlgebraDerivatives.productFrobenius_grad(a.m(0), a.m(1)),
                (a, s, acc) -> LinearAlgebraDerivatives.productFrobenius_vjp(a.m(0), a.m(1), s, acc.m(0), acc.m(1)),
                points);
    }

    @Test
    void quadraticForm() {
        Args[] points = Inputs.points(105, 3, in -> args()
                .m("a", in.matrix(4, 4, -1, 1)).v("x", in.vector(4, -1.5, 1.5)));
        List<double[]> gradients = arrays("quadraticForm", "a x",
                a -> LinearAlgebra.quadraticForm(a.m(0), a.v(1)),
                a -> LinearAlgebraDerivatives.quadraticForm_grad(a.m(0), a.v(1)),
                (a, s, acc) -> LinearAlgebraDerivatives.quadraticForm_vjp(a.m(0), a.v(1), s, acc.m(0), acc.v(1)),
                points);
        // d/dx = (A + A^T) x
        Inputs in = new Inputs(105);
        double[][] a = in.matrix(4, 4, -1, 1);
        double[] x = in.vector(4, -1.5, 1.5);
        for (int i = 0; i < 4; i++) {
            double expected = 0;
            for (int j = 0; j < 4; j++) {
                expected += (a[i][j] + a[j][i]) * x[j];
            }
            assertEquals(expected, gradients.get(0)[16 + i], 1e-12);
        }
    }

    @Test
    void forwardSubstitution() {
        Args[] points = Inputs.points(106, 3, in -> args().m("l", in.lowerTriangular(5)).v("b", in.vector(5, -1, 1)));
        List<double[]> gradients = arrays("forwardSubstitution", "l b",
                a -> LinearAlgebra.forwardSubstitution(a.m(0), a.v(1)),
                a -> LinearAlgebraDerivatives.forwardSubstitution_grad(a.m(0), a.v(1)),
                (a, s, acc) -> LinearAlgebraDerivatives.forwardSubstitution_vjp(a.m(0), a.v(1), s, acc.m(0), acc.v(1)),
                points);
        // the strictly upper triangle of L is never read: its adjoint is exactly 0
        for (double[] g : gradients) {
            for (int i = 0; i < 5; i++) {
                for (int j = i + 1; j < 5; j++) {
                    assertEquals(0.0, g[5 * i + j], 0.0, "dL[" + i + "][" + j + "]");
                }
            }
        }
    }

    @Test
    void powerIteration() {
        Args[] points = Inputs.points(107, 3, in -> args().m("a", in.matrix(4, 4, 0.1, 1)).i("steps", 15));
        arrays("powerIteration", "a",
                a -> LinearAlgebra.powerIteration(a.m(0), a.i(1)),
                a -> LinearAlgebraDerivatives.powerIteration_grad(a.m(0), a.i(1)),
                (a, s, acc) -> LinearAlgebraDerivatives.powerIteration_vjp(a.m(0), a.i(1), s, acc.m(0)),
                points);
    }

    @Test
    void cosineSimilarity() {
        Args[] points = Inputs.points(108, 3, in -> args().v("x", in.vector(5, -2, 2)).v("y", in.vector(5, -2, 2)));
        List<double[]> gradients = arrays("cosineSimilarity", "x y",
                a -> LinearAlgebra.cosineSimilarity(a.v(0), a.v(1)),
                a -> LinearAlgebraDerivatives.cosineSimilarity_grad(a.v(0), a.v(1)),
                (a, s, acc) -> LinearAlgebraDerivatives.cosineSimilarity_vjp(a.v(0), a.v(1), s, acc.v(0), acc.v(1)),
                points);
        // scale invariance: x . d/dx = 0
        Inputs in = new Inputs(108);
        double[] x = in.vector(5, -2, 2);
        double radial = 0;
        for (int i = 0; i < 5; i++) {
            radial += x[i] * gradients.get(0)[i];
        }
        assertEquals(0.0, radial, 1e-12);
    }

    @Test
    void logDetLu() {
        Args[] points = Inputs.points(109, 3, in -> args().m("a", in.diagonallyDominant(4)));
        List<double[]> gradients = arrays("logDetLu", "a",
                a -> LinearAlgebra.logDetLu(a.m(0)),
                a -> LinearAlgebraDerivatives.logDetLu_grad(a.m(0)),
                (a, s, acc) -> LinearAlgebraDerivatives.logDetLu_vjp(a.m(0), s, acc.m(0)),
                points);
        // d log|det A| / dA = A^{-T}, so A^T G = I
        Inputs in = new Inputs(109);
        double[][] a = in.diagonallyDominant(4);
        double[] g = gradients.get(0);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double p = 0;
                for (int k = 0; k < 4; k++) {
                    p += a[k][i] * g[4 * k + j];
                }
                assertEquals(i == j ? 1.0 : 0.0, p, 1e-12, "(A^T G)[" + i + "][" + j + "]");
            }
        }
    }
}
