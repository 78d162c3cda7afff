package org.cotangent.it.calls;

import org.cotangent.it.loops.Inputs;

import static org.cotangent.it.scalar.Check.Args.args;
import static org.cotangent.it.scalar.Check.arrays;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.cotangent.runtime.GradCheck;
import org.junit.jupiter.api.Test;

class ReadWriteTest {
    @Test
    void smoothOutputArraySemantics() {
        Inputs in = new Inputs(10001);
        for (int p = 0; p < 3; p++) {
            Object[] point = {in.vector(5, -1, 1), in.uniform(-0.5, 0.5)};
            OutputCheck.check("smooth", "v c", point, "v c", "v", 1e-6, 81 + p,
                    a -> ReadWrite.smooth((double[]) a[0], (Double) a[1]),
                    (a, c) -> ReadWriteDerivatives.smooth_vjp((double[]) a[0], (Double) a[1], (double[]) c[0],
                            (double[]) c[1]));
        }
    }

    @Test
    void normalizeOutputArraySemantics() {
        Inputs in = new Inputs(10002);
        for (int p = 0; p < 3; p++) {
            Object[] point = {in.vector(4, -1, 1)};
            OutputCheck.check("normalize", "v", point, "v", "v", 1e-6, 91 + p,
                    a -> ReadWrite.normalize((double[]) a[0]),
                    (a, c) -> ReadWriteDerivatives.normalize_vjp((double[]) a[0], (double[]) c[0]));
        }
    }

    @Test
    void rotateOutputArraySemantics() {
        Inputs in = new Inputs(10003);
        for (int p = 0; p < 3; p++) {
            Object[] point = {in.vector(2, -1, 1), in.uniform(-3, 3)};
            OutputCheck.check("rotate", "p theta", point, "p theta", "p", 1e-6, 101 + p,
                    a -> ReadWrite.rotate((double[]) a[0], (Double) a[1]),
                    (a, c) -> ReadWriteDerivatives.rotate_vjp((double[]) a[0], (Double) a[1], (double[]) c[0],
                            (double[]) c[1]));
        }
    }

    @Test
    void outerOutputArraySemantics() {
        Inputs in = new Inputs(10004);
        for (int p = 0; p < 3; p++) {
            Object[] point = {in.vector(3, -1, 1), in.vector(2, -1, 1), in.matrix(3, 2, -1, 1)};
            Object[] acc = OutputCheck.check("outer", "a b m", point, "a b m", "m", 1e-6, 111 + p,
                    a -> ReadWrite.outer((double[]) a[0], (double[]) a[1], (double[][]) a[2]),
                    (a, c) -> ReadWriteDerivatives.outer_vjp((double[]) a[0], (double[]) a[1], (double[][]) a[2],
                            (double[]) c[0], (double[]) c[1], (double[][]) c[2]));
            for (double[] row : (double[][]) acc[2]) {
                assertArrayEquals(new double[2], row, 0.0);
            }
        }
    }

    @Test
    void smoothTwice() {
        arrays("smoothTwice", "x c", a -> ReadWrite.smoothTwice(a.v(0), a.d(1)),
                a -> ReadWriteDerivatives.smoothTwice_grad(a.v(0), a.d(1)),
                (a, s, acc) -> ReadWriteDerivatives.smoothTwice_vjp(a.v(0), a.d(1), s, acc.v(0), acc.v(1)),
                Inputs.points(10005, 3, in -> args().v("x", in.vector(5, 0.2, 1)).d("c", in.uniform(-0.5, 0.5))));
    }

    @Test
    void modifiesInput() {
        arrays("modifiesInput", "x c", a -> ReadWrite.modifiesInput(a.v(0), a.d(1)),
                a -> ReadWriteDerivatives.modifiesInput_grad(a.v(0), a.d(1)),
                (a, s, acc) -> ReadWriteDerivatives.modifiesInput_vjp(a.v(0), a.d(1), s, acc.v(0), acc.v(1)),
                Inputs.points(10006, 3, in -> args().v("x", in.vector(4, 0.2, 1)).modified()
                        .d("c", in.uniform(-0.5, 0.5))));
    }

    /** The gradient alone (the arguments' final state is what {@link #modifiesInput} checks). */
    @Test
    void modifiesInputGradient() {
        Inputs in = new Inputs(10016);
        for (int p = 0; p < 3; p++) {
            double[] x = in.vector(4, 0.2, 1);
            double c = in.uniform(-0.5, 0.5);
            var g = ReadWriteDerivatives.modifiesInput_grad(x.clone(), c);
            double[] point = {x[0], x[1], x[2], x[3], c};
            GradCheck.assertGradient(v -> ReadWrite.modifiesInput(new double[] {v[0], v[1], v[2], v[3]}, v[4]), point,
                    new double[] {g.x()[0], g.x()[1], g.x()[2], g.x()[3], g.c()});
        }
    }

    @Test
    void rotations() {
        arrays("rotations", "x y theta", a -> ReadWrite.rotations(a.d(0), a.d(1), a.d(2)),
                a -> ReadWriteDerivatives.rotations_grad(a.d(0), a.d(1), a.d(2)),
                (a, s, acc) -> ReadWriteDerivatives.rotations_vjp(a.d(0), a.d(1), a.d(2), s, acc.v(0), acc.v(1),
                        acc.v(2)),
                Inputs.points(10007, 3, in -> args().d("x", in.uniform(-1, 1)).d("y", in.uniform(-1, 1))
                        .d("theta", in.uniform(-1, 1))));
    }

    @Test
    void outerSum() {
        arrays("outerSum", "a b", a -> ReadWrite.outerSum(a.v(0), a.v(1)),
                a -> ReadWriteDerivatives.outerSum_grad(a.v(0), a.v(1)),
                (a, s, acc) -> ReadWriteDerivatives.outerSum_vjp(a.v(0), a.v(1), s, acc.v(0), acc.v(1)),
                Inputs.points(10008, 3, in -> args().v("a", in.vector(3, -1, 1)).v("b", in.vector(3, -1, 1))));
    }
}
