package org.cotangent.it.calls;

import org.cotangent.it.loops.Inputs;

import static org.cotangent.it.scalar.Check.Args.args;
import static org.cotangent.it.scalar.Check.arrays;

import org.cotangent.it.scalar.Check.Args;
import org.junit.jupiter.api.Test;

class InactiveTest {
    @Test
    void cyclic() {
        arrays("cyclic", "x a", a -> Inactive.cyclic(a.v(0), a.d(1)),
                a -> InactiveDerivatives.cyclic_grad(a.v(0), a.d(1)),
                (a, s, acc) -> InactiveDerivatives.cyclic_vjp(a.v(0), a.d(1), s, acc.v(0), acc.v(1)),
                Inputs.points(8001, 3, in -> args().v("x", in.vector(6, -1, 1)).d("a", in.uniform(-1, 1))));
    }

    @Test
    void filled() {
        arrays("filled", "x c", a -> Inactive.filled(a.v(0), a.d(1)),
                a -> InactiveDerivatives.filled_grad(a.v(0), a.d(1)),
                (a, s, acc) -> InactiveDerivatives.filled_vjp(a.v(0), a.d(1), s, acc.v(0), acc.v(1)),
                Inputs.points(8002, 3, in -> args().v("x", in.vector(5, -1, 1)).d("c", in.uniform(-1, 1))));
    }

    @Test
    void counted() {
        Args[] points = {args().v("x", 0.5, -0.7, 0.9, 1.2, -0.3).d("t", 0.4),
            args().v("x", -0.5, 0.7, -0.9, 0.2, 0.3, 0.8).d("t", -1.1),
            args().v("x", 0.25, 0.6).d("t", 2.0)};
        arrays("counted", "x t", a -> Inactive.counted(a.v(0), a.d(1)),
                a -> InactiveDerivatives.counted_grad(a.v(0), a.d(1)),
                (a, s, acc) -> InactiveDerivatives.counted_vjp(a.v(0), a.d(1), s, acc.v(0), acc.v(1)), points);
    }
}
