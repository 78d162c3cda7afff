package org.cotangent.it.calls;

import org.cotangent.it.loops.Inputs;

import static org.cotangent.it.scalar.Check.Args.args;
import static org.cotangent.it.scalar.Check.arrays;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cotangent.it.scalar.Check.Args;
import org.junit.jupiter.api.Test;

class RecursionTest {
    @Test
    void power() {
        for (int n : new int[] {0, 1, 2, 7, 13}) {
            Args[] points = Inputs.points(3001 + n, 3, in -> args().d("x", in.uniform(0.5, 1.5)).i("n", n));
            arrays("power", "x",
                    a -> Recursion.power(a.d(0), a.i(1)),
                    a -> RecursionDerivatives.power_grad(a.d(0), a.i(1)),
                    (a, s, acc) -> RecursionDerivatives.power_vjp(a.d(0), a.i(1), s, acc.v(0)),
                    points);
        }
        assertEquals(13 * Math.pow(1.1, 12), RecursionDerivatives.power_grad(1.1, 13).x(), 1e-12);
        assertEquals(0.0, RecursionDerivatives.power_grad(1.1, 0).x(), 0.0);
    }

    @Test
    void horner() {
        Args[] points = Inputs.points(3020, 3, in -> args().v("c", in.vector(6, -1, 1)).d("x", in.uniform(-1.2, 1.2))
                .i("i", 0));
        arrays("horner", "c x",
                a -> Recursion.horner(a.v(0), a.d(1), a.i(2)),
                a -> RecursionDerivatives.horner_grad(a.v(0), a.d(1), a.i(2)),
                (a, s, acc) -> RecursionDerivatives.horner_vjp(a.v(0), a.d(1), a.i(2), s, acc.v(0), acc.v(1)),
                points);
        // starting at i = 2: the first two coefficients do not count
        Args[] from2 = Inputs.points(3021, 3, in -> args().v("c", in.vector(6, -1, 1)).d("x", in.uniform(-1.2, 1.2))
                .i("i", 2));
        arrays("horner", "c x",
                a -> Recursion.horner(a.v(0), a.d(1), a.i(2)),
                a -> RecursionDerivatives.horner_grad(a.v(0), a.d(1), a.i(2)),
                (a, s, acc) -> RecursionDerivatives.horner_vjp(a.v(0), a.d(1), a.i(2), s, acc.v(0), acc.v(1)),
                from2);
    }

    @Test
    void continuedFraction() {
        Args[] points = Inputs.points(3030, 3, in -> args().d("x", in.uniform(0.2, 2)).i("depth", 8));
        arrays("continuedFraction", "x",
                a -> Recursion.continuedFraction(a.d(0), a.i(1)),
                a -> RecursionDerivatives.continuedFraction_grad(a.d(0), a.i(1)),
                (a, s, acc) -> RecursionDerivatives.continuedFraction_vjp(a.d(0), a.i(1), s, acc.v(0)),
                points);
    }

    @Test
    void evenChainMutual() {
        for (int n : new int[] {0, 1, 6}) {
            Args[] points = Inputs.points(3040 + n, 3, in -> args().d("x", in.uniform(-1, 1)).d("a", in.uniform(-1, 1))
                    .i("n", n));
            arrays("evenChain", "x a",
                    a -> Recursion.evenChain(a.d(0), a.d(1), a.i(2)),
                    a -> RecursionDerivatives.evenChain_grad(a.d(0), a.d(1), a.i(2)),
                    (a, s, acc) -> RecursionDerivatives.evenChain_vjp(a.d(0), a.d(1), a.i(2), s, acc.v(0), acc.v(1)),
                    points);
        }
    }

    @Test
    void oddChainMutual() {
        Args[] points = Inputs.points(3050, 3, in -> args().d("x", in.uniform(-1, 1)).d("a", in.uniform(-1, 1))
                .i("n", 7));
        arrays("oddChain", "x a",
                a -> Recursion.oddChain(a.d(0), a.d(1), a.i(2)),
                a -> RecursionDerivatives.oddChain_grad(a.d(0), a.d(1), a.i(2)),
                (a, s, acc) -> RecursionDerivatives.oddChain_vjp(a.d(0), a.d(1), a.i(2), s, acc.v(0), acc.v(1)),
                points);
    }

    @Test
    void fillPowersOutputArraySemantics() {
        Inputs in = new Inputs(3060);
        for (int from : new int[] {0, 2}) {
            Object[] point = {in.uniform(0.5, 1.5), in.vector(6, -1, 1), from};
            OutputCheck.check("fillPowers from " + from, "x out from", point, "x out", "out", 1e-6, 61 + from,
                    a -> Recursion.fillPowers((Double) a[0], (double[]) a[1], (Integer) a[2]),
                    (a, c) -> RecursionDerivatives.fillPowers_vjp((Double) a[0], (double[]) a[1], (Integer) a[2],
                            (double[]) c[0], (double[]) c[1]));
        }
    }

    @Test
    void powerSeries() {
        Args[] points = Inputs.points(3070, 3, in -> args().v("c", in.vector(7, -1, 1)).d("x", in.uniform(-1.2, 1.2)));
        arrays("powerSeries", "c x",
                a -> Recursion.powerSeries(a.v(0), a.d(1)),
                a -> RecursionDerivatives.powerSeries_grad(a.v(0), a.d(1)),
                (a, s, acc) -> RecursionDerivatives.powerSeries_vjp(a.v(0), a.d(1), s, acc.v(0), acc.v(1)),
                points);
    }

    @Test
    void recursiveMix() {
        Args[] points = Inputs.points(3080, 3, in -> args().d("x", in.uniform(0.5, 1.2)).d("y", in.uniform(0.3, 1.5)));
        arrays("recursiveMix", "x y",
                a -> Recursion.recursiveMix(a.d(0), a.d(1)),
                a -> RecursionDerivatives.recursiveMix_grad(a.d(0), a.d(1)),
                (a, s, acc) -> RecursionDerivatives.recursiveMix_vjp(a.d(0), a.d(1), s, acc.v(0), acc.v(1)),
                points);
    }

    @Test
    void pingPongAcrossClasses() {
        for (int n : new int[] {0, 3, 8}) {
            Args[] points = Inputs.points(3090 + n, 3, in -> args().d("x", in.uniform(-1, 1)).i("n", n));
            arrays("ping", "x",
                    a -> Ping.ping(a.d(0), a.i(1)),
                    a -> PingDerivatives.ping_grad(a.d(0), a.i(1)),
                    (a, s, acc) -> PingDerivatives.ping_vjp(a.d(0), a.i(1), s, acc.v(0)),
                    points);
            arrays("pong", "x",
                    a -> Pong.pong(a.d(0), a.i(1)),
                    a -> PongDerivatives.pong_grad(a.d(0), a.i(1)),
                    (a, s, acc) -> PongDerivatives.pong_vjp(a.d(0), a.i(1), s, acc.v(0)),
                    points);
        }
    }
}
