package org.cotangent.it.loops;

import static org.cotangent.it.scalar.Check.Args.args;
import static org.cotangent.it.scalar.Check.arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cotangent.it.scalar.Check.Args;
import org.cotangent.runtime.Tape;
import org.junit.jupiter.api.Test;

/**
 * Loop shapes whose reverse mode may be checkpointed, against finite differences and the
 * dot-product test ({@code Check.arrays}); .ci/run compiles them with checkpointing by cost,
 * always and never.
 */
class CheckpointedTest {
    @Test
    void heun() {
        Args[] points = Inputs.points(1401, 3, in -> args().v("rates", in.vector(3, 0.5, 1.5))
                .v("y0", in.vector(3, -1, 1)).d("dt", 0.05).i("steps", 40));
        arrays("heun", "rates y0", 1e-5,
                a -> Checkpointed.heun(a.v(0), a.v(1), a.d(2), a.i(3)),
                a -> CheckpointedDerivatives.heun_grad(a.v(0), a.v(1), a.d(2), a.i(3)),
                (a, s, acc) -> CheckpointedDerivatives.heun_vjp(a.v(0), a.v(1), a.d(2), a.i(3), s, acc.v(0), acc.v(1)),
                points);
    }

    @Test
    void kicked() {
        Args[] points = Inputs.points(1402, 3, in -> args().d("x0", in.uniform(-1, 1)).d("v0", in.uniform(-1, 1))
                .d("k", in.uniform(0.5, 2)));
        arrays("kicked", "x0 v0 k", 1e-5,
                a -> Checkpointed.kicked(a.d(0), a.d(1), a.d(2)),
                a -> CheckpointedDerivatives.kicked_grad(a.d(0), a.d(1), a.d(2)),
                (a, s, acc) -> CheckpointedDerivatives.kicked_vjp(a.d(0), a.d(1), a.d(2), s, acc.v(0), acc.v(1),
                        acc.v(2)),
                points);
    }

    @Test
    void beforeAndAfter() {
        Args[] points = Inputs.points(1403, 3, in -> args().d("x", in.uniform(0.2, 1)).d("c", in.uniform(0.8, 1.05)));
        arrays("beforeAndAfter", "x c",
                a -> Checkpointed.beforeAndAfter(a.d(0), a.d(1)),
                a -> CheckpointedDerivatives.beforeAndAfter_grad(a.d(0), a.d(1)),
                (a, s, acc) -> CheckpointedDerivatives.beforeAndAfter_vjp(a.d(0), a.d(1), s, acc.v(0), acc.v(1)),
                points);
    }

    @Test
    void nestedInWhile() {
        Args[] points = Inputs.points(1404, 3, in -> args().v("x", in.vector(4, -1, 1)).d("c", in.uniform(0.8, 1.1)));
        arrays("nestedInWhile", "x c",
                a -> Checkpointed.nestedInWhile(a.v(0), a.d(1)),
                a -> CheckpointedDerivatives.nestedInWhile_grad(a.v(0), a.d(1)),
                (a, s, acc) -> CheckpointedDerivatives.nestedInWhile_vjp(a.v(0), a.d(1), s, acc.v(0), acc.v(1)),
                points);
    }

    @Test
    void sometimes() {
        Args[] points = Inputs.points(1405, 3, in -> args().v("x", in.vector(2, -1, 1)).d("c", in.uniform(0.5, 1)));
        arrays("sometimes", "x c",
                a -> Checkpointed.sometimes(a.v(0), a.d(1)),
                a -> CheckpointedDerivatives.sometimes_grad(a.v(0), a.d(1)),
                (a, s, acc) -> CheckpointedDerivatives.sometimes_vjp(a.v(0), a.d(1), s, acc.v(0), acc.v(1)),
                points);
    }

    @Test
    void intState() {
        Args[] points = Inputs.points(1406, 3, in -> args().v("x", in.vector(5, -1, 1)));
        arrays("intState", "x",
                a -> Checkpointed.intState(a.v(0)),
                a -> CheckpointedDerivatives.intState_grad(a.v(0)),
                (a, s, acc) -> CheckpointedDerivatives.intState_vjp(a.v(0), s, acc.v(0)),
                points);
    }

    @Test
    void matrixPower() {
        Args[] points = Inputs.points(1407, 3, in -> args().m("a", in.matrix(2, 2, -1, 1)));
        arrays("matrixPower", "a",
                a -> Checkpointed.matrixPower(a.m(0)),
                a -> CheckpointedDerivatives.matrixPower_grad(a.m(0)),
                (a, s, acc) -> CheckpointedDerivatives.matrixPower_vjp(a.m(0), s, acc.m(0)),
                points);
    }

    @Test
    void overwrittenAfter() {
        Args[] points = Inputs.points(1408, 3, in -> args().d("x", in.uniform(0.2, 0.8)).d("c", in.uniform(0.4, 0.6)));
        arrays("overwrittenAfter", "x c",
                a -> Checkpointed.overwrittenAfter(a.d(0), a.d(1)),
                a -> CheckpointedDerivatives.overwrittenAfter_grad(a.d(0), a.d(1)),
                (a, s, acc) -> CheckpointedDerivatives.overwrittenAfter_vjp(a.d(0), a.d(1), s, acc.v(0), acc.v(1)),
                points);
    }

    @Test
    void inPlace() {
        Args[] points = Inputs.points(1409, 3, in -> args().v("y", in.vector(4, -1, 1)).modified()
                .d("c", in.uniform(0.8, 1.1)));
        arrays("inPlace", "y c",
                a -> Checkpointed.inPlace(a.v(0), a.d(1)),
                a -> CheckpointedDerivatives.inPlace_grad(a.v(0), a.d(1)),
                (a, s, acc) -> CheckpointedDerivatives.inPlace_vjp(a.v(0), a.d(1), s, acc.v(0), acc.v(1)),
                points);
    }

    @Test
    void heunWithFewKeptStates() {
        // room for 4 kept states of 3 doubles over 400 steps: binomial checkpointing runs iterations
        // forward again instead of keeping them; the same arithmetic, so the same gradient, bit for bit
        double[] rates = {0.7, 1.1, 0.9};
        double[] y0 = {0.5, -0.3, 0.8};
        double[] ratesAdj = new double[3];
        double[] y0Adj = new double[3];
        double value = CheckpointedDerivatives.heun_vjp(rates, y0, 0.01, 400, 1.0, ratesAdj, y0Adj);
        Tape.setCheckpointMemory(4 * 3 * 8);
        try {
            double[] fewRates = new double[3];
            double[] fewY0 = new double[3];
            assertEquals(value, CheckpointedDerivatives.heun_vjp(rates, y0, 0.01, 400, 1.0, fewRates, fewY0), 0.0);
            assertArrayEquals(ratesAdj, fewRates, 0.0);
            assertArrayEquals(y0Adj, fewY0, 0.0);
            Args[] points = Inputs.points(1410, 2, in -> args().v("rates", in.vector(3, 0.5, 1.5))
                    .v("y0", in.vector(3, -1, 1)).d("dt", 0.01).i("steps", 400));
            arrays("heun", "rates y0", 1e-5,
                    a -> Checkpointed.heun(a.v(0), a.v(1), a.d(2), a.i(3)),
                    a -> CheckpointedDerivatives.heun_grad(a.v(0), a.v(1), a.d(2), a.i(3)),
                    (a, s, acc) -> CheckpointedDerivatives.heun_vjp(a.v(0), a.v(1), a.d(2), a.i(3), s, acc.v(0),
                            acc.v(1)),
                    points);
        } finally {
            Tape.setCheckpointMemory(0);
        }
        assertEquals(true, Tape.get().isEmpty());
    }
}
