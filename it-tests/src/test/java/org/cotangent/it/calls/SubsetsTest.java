package org.cotangent.it.calls;

import org.cotangent.it.loops.Inputs;

import static org.cotangent.it.scalar.Check.Args.args;
import static org.cotangent.it.scalar.Check.arrays;

import org.junit.jupiter.api.Test;

class SubsetsTest {
    @Test
    void scaled() {
        arrays("scaled", "x", a -> Subsets.scaled(a.d(0), a.d(1)), a -> SubsetsDerivatives.scaled_grad(a.d(0), a.d(1)),
                (a, s, acc) -> SubsetsDerivatives.scaled_vjp(a.d(0), a.d(1), s, acc.v(0)),
                Inputs.points(7001, 3, in -> args().d("x", in.uniform(-2, 2)).d("k", in.uniform(-2, 2))));
    }

    @Test
    void useScaled() {
        arrays("useScaled", "x", a -> Subsets.useScaled(a.d(0), a.d(1)),
                a -> SubsetsDerivatives.useScaled_grad(a.d(0), a.d(1)),
                (a, s, acc) -> SubsetsDerivatives.useScaled_vjp(a.d(0), a.d(1), s, acc.v(0)),
                Inputs.points(7002, 3, in -> args().d("x", in.uniform(-2, 2)).d("k", in.uniform(-2, 2))));
    }

    @Test
    void onlyB() {
        arrays("onlyB", "b", a -> Subsets.onlyB(a.d(0), a.d(1)), a -> SubsetsDerivatives.onlyB_grad(a.d(0), a.d(1)),
                (a, s, acc) -> SubsetsDerivatives.onlyB_vjp(a.d(0), a.d(1), s, acc.v(0)),
                Inputs.points(7003, 3, in -> args().d("a", in.uniform(-2, 2)).d("b", in.uniform(-2, 2))));
    }

    @Test
    void onlyWeights() {
        arrays("onlyWeights", "w", a -> Subsets.onlyWeights(a.v(0), a.v(1)),
                a -> SubsetsDerivatives.onlyWeights_grad(a.v(0), a.v(1)),
                (a, s, acc) -> SubsetsDerivatives.onlyWeights_vjp(a.v(0), a.v(1), s, acc.v(0)),
                Inputs.points(7004, 3, in -> args().v("w", in.vector(4, 0.5, 2)).v("v", in.vector(4, -1, 1))));
    }

    @Test
    void normOfShift() {
        arrays("normOfShift", "x c", a -> Subsets.normOfShift(a.v(0), a.d(1), a.d(2), a.i(3)),
                a -> SubsetsDerivatives.normOfShift_grad(a.v(0), a.d(1), a.d(2), a.i(3)),
                (a, s, acc) -> SubsetsDerivatives.normOfShift_vjp(a.v(0), a.d(1), a.d(2), a.i(3), s, acc.v(0), acc.v(1)),
                Inputs.points(7005, 3, in -> args().v("x", in.vector(4, 1, 2)).d("c", in.uniform(-0.5, 0.5))
                        .d("p", in.uniform(0.5, 1.5)).i("n", 1 + in.nextInt(3))));
    }
}
