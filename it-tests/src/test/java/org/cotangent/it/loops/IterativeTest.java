package org.cotangent.it.loops;

import static org.cotangent.it.scalar.Check.Args.args;
import static org.cotangent.it.scalar.Check.arrays;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cotangent.it.scalar.Check.Args;
import org.junit.jupiter.api.Test;

class IterativeTest {
    @Test
    void newtonSqrt() {
        Args[] points = {args().d("a", 0.7), args().d("a", 2.0), args().d("a", 7.3)};
        List<double[]> gradients = arrays("newtonSqrt", "a",
                a -> Iterative.newtonSqrt(a.d(0)),
                a -> IterativeDerivatives.newtonSqrt_grad(a.d(0)),
                (a, s, acc) -> IterativeDerivatives.newtonSqrt_vjp(a.d(0), s, acc.v(0)),
                points);
        // the derivative of the converged iteration is that of sqrt: 1 / (2 sqrt a)
        double[] as = {0.7, 2.0, 7.3};
        for (int i = 0; i < as.length; i++) {
            double a = as[i];
            assertEquals(Math.sqrt(a), Iterative.newtonSqrt(a), 1e-15 * Math.sqrt(a));
            assertEquals(1 / (2 * Math.sqrt(a)), gradients.get(i)[0], 1e-10 / Math.sqrt(a), "a = " + a);
        }
    }

    @Test
    void halleyCbrt() {
        Args[] points = {args().d("a", 0.6), args().d("a", 3.0), args().d("a", 9.5)};
        List<double[]> gradients = arrays("halleyCbrt", "a",
                a -> Iterative.halleyCbrt(a.d(0)),
                a -> IterativeDerivatives.halleyCbrt_grad(a.d(0)),
                (a, s, acc) -> IterativeDerivatives.halleyCbrt_vjp(a.d(0), s, acc.v(0)),
                points);
        double[] as = {0.6, 3.0, 9.5};
        for (int i = 0; i < as.length; i++) {
            double expected = 1 / (3 * Math.cbrt(as[i]) * Math.cbrt(as[i]));
            assertEquals(expected, gradients.get(i)[0], 1e-10 * expected, "a = " + as[i]);
        }
    }

    @Test
    void fixedPointCos() {
        Args[] points = {args().d("c", 0.4), args().d("c", 0.6), args().d("c", 0.8)};
        List<double[]> gradients = arrays("fixedPointCos", "c",
                a -> Iterative.fixedPointCos(a.d(0)),
                a -> IterativeDerivatives.fixedPointCos_grad(a.d(0)),
                (a, s, acc) -> IterativeDerivatives.fixedPointCos_vjp(a.d(0), s, acc.v(0)),
                points);
        // implicit function theorem at x = c cos x: dx/dc = cos x / (1 + c sin x)
        double[] cs = {0.4, 0.6, 0.8};
        for (int i = 0; i < cs.length; i++) {
            double c = cs[i];
            double x = Iterative.fixedPointCos(c);
            assertEquals(Math.cos(x) / (1 + c * Math.sin(x)), gradients.get(i)[0], 1e-10, "c = " + c);
        }
    }

    @Test
    void gaussSeidel() {
        Args[] points = Inputs.points(401, 3, in -> args().m("a", in.diagonallyDominant(4)).v("b", in.vector(4, -1, 1)));
        arrays("gaussSeidel", "a b",
                a -> Iterative.gaussSeidel(a.m(0), a.v(1)),
                a -> IterativeDerivatives.gaussSeidel_grad(a.m(0), a.v(1)),
                (a, s, acc) -> IterativeDerivatives.gaussSeidel_vjp(a.m(0), a.v(1), s, acc.m(0), acc.v(1)),
                points);
    }

    @Test
    void jacobi() {
        Args[] points = Inputs.points(402, 3, in -> args().m("a", in.diagonallyDominant(4)).v("b", in.vector(4, -1, 1)));
        List<double[]> gradients = arrays("jacobi", "a b",
                a -> Iterative.jacobi(a.m(0), a.v(1)),
                a -> IterativeDerivatives.jacobi_grad(a.m(0), a.v(1)),
                (a, s, acc) -> IterativeDerivatives.jacobi_vjp(a.m(0), a.v(1), s, acc.m(0), acc.v(1)),
                points);
        assertEquals(20, gradients.get(0).length);
    }

    @Test
    void unrolledDescent() {
        Args[] points = Inputs.points(403, 3, in -> args().v("target", in.vector(4, -1, 1)).d("rate", in.uniform(0.05, 0.15)));
        arrays("unrolledDescent", "target rate",
                a -> Iterative.unrolledDescent(a.v(0), a.d(1)),
                a -> IterativeDerivatives.unrolledDescent_grad(a.v(0), a.d(1)),
                (a, s, acc) -> IterativeDerivatives.unrolledDescent_vjp(a.v(0), a.d(1), s, acc.v(0), acc.v(1)),
                points);
    }

    @Test
    void continuedFraction() {
        Args[] points = {args().d("x", 0.3).i("depth", 12), args().d("x", 1.1).i("depth", 12),
            args().d("x", 2.4).i("depth", 5)};
        arrays("continuedFraction", "x",
                a -> Iterative.continuedFraction(a.d(0), a.i(1)),
                a -> IterativeDerivatives.continuedFraction_grad(a.d(0), a.i(1)),
                (a, s, acc) -> IterativeDerivatives.continuedFraction_vjp(a.d(0), a.i(1), s, acc.v(0)),
                points);
        // depth 0: the loop does not run, t = 0
        var g = IterativeDerivatives.continuedFraction_grad(1.5, 0);
        assertEquals(0.0, g.value(), 0.0);
        assertEquals(0.0, g.x(), 0.0);
    }

    @Test
    void secantRoot() {
        Args[] points = {args().d("p", 1.5).d("q", 0.7), args().d("p", 2.2).d("q", -1.6),
            args().d("p", 1.1).d("q", 2.5)};
        List<double[]> gradients = arrays("secantRoot", "p q",
                a -> Iterative.secantRoot(a.d(0), a.d(1)),
                a -> IterativeDerivatives.secantRoot_grad(a.d(0), a.d(1)),
                (a, s, acc) -> IterativeDerivatives.secantRoot_vjp(a.d(0), a.d(1), s, acc.v(0), acc.v(1)),
                points);
        // implicit function theorem at x^3 + p x = q: dx/dp = -x / (3x^2 + p), dx/dq = 1 / (3x^2 + p)
        double[][] pq = {{1.5, 0.7}, {2.2, -1.6}, {1.1, 2.5}};
        for (int i = 0; i < pq.length; i++) {
            double x = Iterative.secantRoot(pq[i][0], pq[i][1]);
            double slope = 3 * x * x + pq[i][0];
            assertEquals(-x / slope, gradients.get(i)[0], 1e-8);
            assertEquals(1 / slope, gradients.get(i)[1], 1e-8);
        }
    }
}
