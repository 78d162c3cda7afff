package org.cotangent.it.loops;

import static org.cotangent.it.scalar.Check.Args.args;
import static org.cotangent.it.scalar.Check.arrays;

import org.cotangent.it.scalar.Check.Args;
import org.junit.jupiter.api.Test;

class RecomputationTest {
    @Test
    void wrapAroundRead() {
        Args[] points = Inputs.points(21, 3, in -> args().v("x", in.vector(5, -1, 1)));
        arrays("wrapAroundRead", "x", a -> Recomputation.wrapAroundRead(a.v(0)),
                a -> RecomputationDerivatives.wrapAroundRead_grad(a.v(0)),
                (a, s, acc) -> RecomputationDerivatives.wrapAroundRead_vjp(a.v(0), s, acc.v(0)), points);
    }

    @Test
    void localBeforeOverwrite() {
        Args[] points = Inputs.points(22, 3, in -> args().v("x", in.vector(6, -1, 1)));
        arrays("localBeforeOverwrite", "x", a -> Recomputation.localBeforeOverwrite(a.v(0)),
                a -> RecomputationDerivatives.localBeforeOverwrite_grad(a.v(0)),
                (a, s, acc) -> RecomputationDerivatives.localBeforeOverwrite_vjp(a.v(0), s, acc.v(0)), points);
    }

    @Test
    void localThenElementOverwrite() {
        Args[] points = Inputs.points(23, 3, in -> args().v("x", in.vector(4, -1, 1)).v("y", in.vector(4, -1, 1)));
        arrays("localThenElementOverwrite", "x y", a -> Recomputation.localThenElementOverwrite(a.v(0), a.v(1)),
                a -> RecomputationDerivatives.localThenElementOverwrite_grad(a.v(0), a.v(1)),
                (a, s, acc) -> RecomputationDerivatives.localThenElementOverwrite_vjp(a.v(0), a.v(1), s, acc.v(0), acc.v(1)),
                points);
    }

    @Test
    void pingPong() {
        Args[] points = Inputs.points(24, 3, in -> args().v("x", in.vector(5, -1, 1)));
        arrays("pingPong", "x", a -> Recomputation.pingPong(a.v(0)),
                a -> RecomputationDerivatives.pingPong_grad(a.v(0)),
                (a, s, acc) -> RecomputationDerivatives.pingPong_vjp(a.v(0), s, acc.v(0)), points);
    }

    @Test
    void writesParameter() {
        // the method overwrites x: generated code must leave x exactly as the primal does, and the
        // gradient is with respect to the values x holds on entry
        Args[] points = Inputs.points(25, 3, in -> args().v("x", in.vector(4, -1.5, 1.5)).modified());
        arrays("writesParameter", "x", a -> Recomputation.writesParameter(a.v(0)),
                a -> RecomputationDerivatives.writesParameter_grad(a.v(0)),
                (a, s, acc) -> RecomputationDerivatives.writesParameter_vjp(a.v(0), s, acc.v(0)), points);
    }

    @Test
    void nestedWhileBreak() {
        Args[] points = Inputs.points(26, 3, in -> args().v("x", in.vector(5, -1, 1)));
        arrays("nestedWhileBreak", "x", a -> Recomputation.nestedWhileBreak(a.v(0)),
                a -> RecomputationDerivatives.nestedWhileBreak_grad(a.v(0)),
                (a, s, acc) -> RecomputationDerivatives.nestedWhileBreak_vjp(a.v(0), s, acc.v(0)), points);
    }

    @Test
    void countFromData() {
        Inputs in = new Inputs(27);
        Args[] points = {args().d("x", 2.5).v("w", in.vector(4, -1, 1)), args().d("x", 3.4).v("w", in.vector(4, -1, 1)),
            args().d("x", 5.6).v("w", in.vector(4, -1, 1))};
        arrays("countFromData", "x w", a -> Recomputation.countFromData(a.d(0), a.v(1)),
                a -> RecomputationDerivatives.countFromData_grad(a.d(0), a.v(1)),
                (a, s, acc) -> RecomputationDerivatives.countFromData_vjp(a.d(0), a.v(1), s, acc.v(0), acc.v(1)), points);
    }
}
