package org.cotangent.it.calls;

import org.cotangent.it.loops.Inputs;

import static org.cotangent.it.scalar.Check.Args.args;
import static org.cotangent.it.scalar.Check.arrays;

import org.cotangent.it.scalar.Check.Args;
import org.junit.jupiter.api.Test;

class NestedTest {
    private static Args[] xy(long seed) {
        return Inputs.points(seed, 3, in -> args().d("x", in.uniform(-1.5, 1.5)).d("y", in.uniform(-1.5, 1.5)));
    }

    @Test
    void f() {
        arrays("f", "a b", a -> Nested.f(a.d(0), a.d(1)), a -> NestedDerivatives.f_grad(a.d(0), a.d(1)),
                (a, s, acc) -> NestedDerivatives.f_vjp(a.d(0), a.d(1), s, acc.v(0), acc.v(1)),
                Inputs.points(4001, 3, in -> args().d("a", in.uniform(-2, 2)).d("b", in.uniform(-2, 2))));
    }

    @Test
    void g() {
        arrays("g", "x", a -> Nested.g(a.d(0)), a -> NestedDerivatives.g_grad(a.d(0)),
                (a, s, acc) -> NestedDerivatives.g_vjp(a.d(0), s, acc.v(0)),
                Inputs.points(4002, 3, in -> args().d("x", in.uniform(-2, 2))));
    }

    @Test
    void nested() {
        arrays("nested", "a x y", a -> Nested.nested(a.d(0), a.d(1), a.d(2)),
                a -> NestedDerivatives.nested_grad(a.d(0), a.d(1), a.d(2)),
                (a, s, acc) -> NestedDerivatives.nested_vjp(a.d(0), a.d(1), a.d(2), s, acc.v(0), acc.v(1), acc.v(2)),
                Inputs.points(4003, 3, in -> args().d("a", in.uniform(-2, 2)).d("x", in.uniform(-1.5, 1.5))
                        .d("y", in.uniform(-1.5, 1.5))));
    }

    @Test
    void deepNest() {
        arrays("deepNest", "x y", a -> Nested.deepNest(a.d(0), a.d(1)),
                a -> NestedDerivatives.deepNest_grad(a.d(0), a.d(1)),
                (a, s, acc) -> NestedDerivatives.deepNest_vjp(a.d(0), a.d(1), s, acc.v(0), acc.v(1)), xy(4004));
    }

    @Test
    void callInConditionBothBranches() {
        // g is decreasing then increasing with its minimum near 0.567: pick points clearly on each side
        Args[] points = {args().d("x", 1.5).d("y", 0.3), args().d("x", 0.2).d("y", 1.8),
            args().d("x", -1.0).d("y", 0.6), args().d("x", 0.6).d("y", -1.2)};
        arrays("callInCondition", "x y", a -> Nested.callInCondition(a.d(0), a.d(1)),
                a -> NestedDerivatives.callInCondition_grad(a.d(0), a.d(1)),
                (a, s, acc) -> NestedDerivatives.callInCondition_vjp(a.d(0), a.d(1), s, acc.v(0), acc.v(1)), points);
    }

    @Test
    void callInTernary() {
        Args[] points = {args().d("x", 0.8).d("y", 0.3), args().d("x", -0.7).d("y", 1.1),
            args().d("x", 1.3).d("y", -0.9), args().d("x", -1.4).d("y", -0.5)};
        arrays("callInTernary", "x y", a -> Nested.callInTernary(a.d(0), a.d(1)),
                a -> NestedDerivatives.callInTernary_grad(a.d(0), a.d(1)),
                (a, s, acc) -> NestedDerivatives.callInTernary_vjp(a.d(0), a.d(1), s, acc.v(0), acc.v(1)), points);
    }

    @Test
    void callInLoop() {
        arrays("callInLoop", "xs a", a -> Nested.callInLoop(a.v(0), a.d(1)),
                a -> NestedDerivatives.callInLoop_grad(a.v(0), a.d(1)),
                (a, s, acc) -> NestedDerivatives.callInLoop_vjp(a.v(0), a.d(1), s, acc.v(0), acc.v(1)),
                Inputs.points(4005, 3, in -> args().v("xs", in.vector(8, -1, 1)).d("a", in.uniform(-0.5, 0.5))));
    }

    @Test
    void callWithConstants() {
        arrays("callWithConstants", "x", a -> Nested.callWithConstants(a.d(0)),
                a -> NestedDerivatives.callWithConstants_grad(a.d(0)),
                (a, s, acc) -> NestedDerivatives.callWithConstants_vjp(a.d(0), s, acc.v(0)),
                Inputs.points(4006, 3, in -> args().d("x", in.uniform(-2, 2))));
    }

    @Test
    void callChain() {
        arrays("callChain", "x", a -> Nested.callChain(a.d(0)), a -> NestedDerivatives.callChain_grad(a.d(0)),
                (a, s, acc) -> NestedDerivatives.callChain_vjp(a.d(0), s, acc.v(0)),
                Inputs.points(4007, 3, in -> args().d("x", in.uniform(-1, 1))));
    }

    @Test
    void mathOfCall() {
        arrays("mathOfCall", "x y", a -> Nested.mathOfCall(a.d(0), a.d(1)),
                a -> NestedDerivatives.mathOfCall_grad(a.d(0), a.d(1)),
                (a, s, acc) -> NestedDerivatives.mathOfCall_vjp(a.d(0), a.d(1), s, acc.v(0), acc.v(1)), xy(4008));
    }

    @Test
    void mapInPlace() {
        arrays("mapInPlace", "x c", a -> Nested.mapInPlace(a.v(0), a.d(1)),
                a -> NestedDerivatives.mapInPlace_grad(a.v(0), a.d(1)),
                (a, s, acc) -> NestedDerivatives.mapInPlace_vjp(a.v(0), a.d(1), s, acc.v(0), acc.v(1)),
                Inputs.points(4009, 3, in -> args().v("x", in.vector(5, -1, 1)).d("c", in.uniform(0.5, 1))));
    }

    @Test
    void earlyReturnBothExits() {
        Args[] points = {args().v("x", 0.3, -0.4, 0.8, 1.1).d("limit", 100.0),
            args().v("x", 0.3, -0.4, 0.8, 1.1).d("limit", 1.9),
            args().v("x", -0.9, 0.2, 0.5, 0.1).d("limit", 2.5)};
        arrays("earlyReturn", "x limit", a -> Nested.earlyReturn(a.v(0), a.d(1)),
                a -> NestedDerivatives.earlyReturn_grad(a.v(0), a.d(1)),
                (a, s, acc) -> NestedDerivatives.earlyReturn_vjp(a.v(0), a.d(1), s, acc.v(0), acc.v(1)), points);
    }
}
