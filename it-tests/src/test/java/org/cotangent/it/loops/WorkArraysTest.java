package org.cotangent.it.loops;

import static org.cotangent.it.scalar.Check.Args.args;
import static org.cotangent.it.scalar.Check.arrays;

import org.cotangent.it.scalar.Check.Args;
import org.junit.jupiter.api.Test;

/** Work-array loops, kept or replayed (see {@link WorkArrays}), against finite differences and {@code _jvp}. */
class WorkArraysTest {
    @Test
    void quadraticForms() {
        // d = 3, k = 4 components, 5 points: the log-sum-exp's maximum moves between components
        Args[] points = Inputs.points(41, 3, in -> args().v("means", in.vector(12, -1, 1))
                .v("l", in.vector(16, -0.8, 0.8)).v("x", in.vector(15, -1.5, 1.5)).i("d", 3).i("k", 4));
        arrays("quadraticForms", "means l", a -> WorkArrays.quadraticForms(a.v(0), a.v(1), a.v(2), a.i(3), a.i(4)),
                a -> WorkArraysDerivatives.quadraticForms_grad(a.v(0), a.v(1), a.v(2), a.i(3), a.i(4)),
                (a, s, acc) -> WorkArraysDerivatives.quadraticForms_vjp(a.v(0), a.v(1), a.v(2), a.i(3), a.i(4), s,
                        acc.v(0), acc.v(1)), points);
    }

    @Test
    void quadraticFormsOfOneDimension() {
        // d = 1: the triangle is empty, the stepped index never moves
        Args[] points = Inputs.points(42, 3, in -> args().v("means", in.vector(3, -1, 1))
                .v("l", in.vector(3, 0.5, 1.5)).v("x", in.vector(4, -1.5, 1.5)).i("d", 1).i("k", 3));
        arrays("quadraticForms", "means l", a -> WorkArrays.quadraticForms(a.v(0), a.v(1), a.v(2), a.i(3), a.i(4)),
                a -> WorkArraysDerivatives.quadraticForms_grad(a.v(0), a.v(1), a.v(2), a.i(3), a.i(4)),
                (a, s, acc) -> WorkArraysDerivatives.quadraticForms_vjp(a.v(0), a.v(1), a.v(2), a.i(3), a.i(4), s,
                        acc.v(0), acc.v(1)), points);
    }

    @Test
    void topLevel() {
        Args[] points = Inputs.points(43, 3, in -> args().v("w", in.vector(12, -1, 1)).v("x", in.vector(4, -1, 1))
                .i("k", 3));
        arrays("topLevel", "w", a -> WorkArrays.topLevel(a.v(0), a.v(1), a.i(2)),
                a -> WorkArraysDerivatives.topLevel_grad(a.v(0), a.v(1), a.i(2)),
                (a, s, acc) -> WorkArraysDerivatives.topLevel_vjp(a.v(0), a.v(1), a.i(2), s, acc.v(0)), points);
    }

    @Test
    void overwrittenWithin() {
        Args[] points = Inputs.points(44, 3, in -> args().v("w", in.vector(9, -1, 1)).v("x", in.vector(3, -1, 1))
                .i("k", 3));
        arrays("overwrittenWithin", "w", a -> WorkArrays.overwrittenWithin(a.v(0), a.v(1), a.i(2)),
                a -> WorkArraysDerivatives.overwrittenWithin_grad(a.v(0), a.v(1), a.i(2)),
                (a, s, acc) -> WorkArraysDerivatives.overwrittenWithin_vjp(a.v(0), a.v(1), a.i(2), s, acc.v(0)),
                points);
    }

    @Test
    void overwrittenInOuterLoop() {
        Args[] points = Inputs.points(45, 3, in -> args().v("w", in.vector(9, -0.8, 0.8)).v("x", in.vector(3, -1, 1))
                .i("k", 3));
        arrays("overwrittenInOuterLoop", "w", a -> WorkArrays.overwrittenInOuterLoop(a.v(0), a.v(1), a.i(2)),
                a -> WorkArraysDerivatives.overwrittenInOuterLoop_grad(a.v(0), a.v(1), a.i(2)),
                (a, s, acc) -> WorkArraysDerivatives.overwrittenInOuterLoop_vjp(a.v(0), a.v(1), a.i(2), s, acc.v(0)),
                points);
    }
}
