package org.cotangent.it.loops;

import static org.cotangent.it.scalar.Check.Args.args;
import static org.cotangent.it.scalar.Check.arrays;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cotangent.it.scalar.Check.Args;
import org.junit.jupiter.api.Test;

/** Points are placed well away from the branch boundaries (the smoothness guard in Check verifies it). */
class ControlFlowTest {
    @Test
    void sumUntil() {
        Inputs in = new Inputs(501);
        Args[] points = new Args[3];
        for (int p = 0; p < 3; p++) {
            double[] x = in.vector(6, 0.3, 1.2);
            double[] partial = new double[7];
            for (int i = 0; i < 6; i++) {
                partial[i + 1] = partial[i] + x[i] * x[i] + x[i];
            }
            // break after 4 elements, after 2, or never
            double threshold = p == 0 ? (partial[3] + partial[4]) / 2 : p == 1 ? (partial[1] + partial[2]) / 2 : 100;
            points[p] = args().v("x", x).d("threshold", threshold);
        }
        List<double[]> gradients = arrays("sumUntil", "x threshold",
                a -> ControlFlow.sumUntil(a.v(0), a.d(1)),
                a -> ControlFlowDerivatives.sumUntil_grad(a.v(0), a.d(1)),
                (a, s, acc) -> ControlFlowDerivatives.sumUntil_vjp(a.v(0), a.d(1), s, acc.v(0), acc.v(1)),
                points);
        // elements after the break have no influence; the threshold only steers control flow
        double[] first = gradients.get(0);
        assertEquals(0.0, first[4], 0.0);
        assertEquals(0.0, first[5], 0.0);
        for (double[] g : gradients) {
            assertEquals(0.0, g[6], 0.0, "d/dthreshold");
        }
    }

    @Test
    void labelledContinue() {
        Args[] points = Inputs.points(502, 3, in -> {
            double[][] m = in.matrix(4, 5, 0.2, 1);
            for (int i = 0; i < 4; i++) {
                if (in.nextInt(2) == 0) {
                    m[i][in.nextInt(5)] = -in.uniform(0.3, 1);
                }
            }
            m[0][2] = -0.5;
            return args().m("m", m);
        });
        List<double[]> gradients = arrays("labelledContinue", "m",
                a -> ControlFlow.labelledContinue(a.m(0)),
                a -> ControlFlowDerivatives.labelledContinue_grad(a.m(0)),
                (a, s, acc) -> ControlFlowDerivatives.labelledContinue_vjp(a.m(0), s, acc.m(0)),
                points);
        // row 0 stops at column 2: columns 3 and 4 are never read
        for (double[] g : gradients) {
            assertEquals(0.0, g[3], 0.0);
            assertEquals(0.0, g[4], 0.0);
        }
    }

    @Test
    void labelledBreak() {
        Args[] points = Inputs.points(503, 3, in -> {
            double[][] m = in.matrix(4, 4, -1, 0.6);
            if (in.nextInt(3) > 0) {
                m[1 + in.nextInt(3)][in.nextInt(4)] = in.uniform(1.1, 1.5);
            }
            return args().m("m", m).d("limit", 0.85);
        });
        points[0] = points[0].copy();
        double[][] m = points[0].m(0);
        m[2][1] = 1.3;
        arrays("labelledBreak", "m limit",
                a -> ControlFlow.labelledBreak(a.m(0), a.d(1)),
                a -> ControlFlowDerivatives.labelledBreak_grad(a.m(0), a.d(1)),
                (a, s, acc) -> ControlFlowDerivatives.labelledBreak_vjp(a.m(0), a.d(1), s, acc.m(0), acc.v(1)),
                points);
        // the first point stops at [2][1] (or earlier): the last row is never read
        double[] g = ControlFlowDerivatives.labelledBreak_grad(m, 0.85).m()[3];
        assertEquals(0.0, g[0] * g[0] + g[1] * g[1] + g[2] * g[2] + g[3] * g[3], 0.0);
    }

    @Test
    void doWhileHalving() {
        // 5.3: three halvings; 0.7: the body runs once; 13.0: four halvings
        Args[] points = {args().d("x", 5.3), args().d("x", 0.7), args().d("x", 13.0)};
        arrays("doWhileHalving", "x",
                a -> ControlFlow.doWhileHalving(a.d(0)),
                a -> ControlFlowDerivatives.doWhileHalving_grad(a.d(0)),
                (a, s, acc) -> ControlFlowDerivatives.doWhileHalving_vjp(a.d(0), s, acc.v(0)),
                points);
        // x = 0.7: y = 0.35, f = (1 + x/2) x/2 + 1, f' = 1/2 + x/2
        assertEquals(0.5 + 0.35, ControlFlowDerivatives.doWhileHalving_grad(0.7).x(), 1e-15);
    }

    @Test
    void switchInLoop() {
        Args[] points = Inputs.points(504, 3, in -> args().v("x", in.vector(9, -1, 1)));
        arrays("switchInLoop", "x",
                a -> ControlFlow.switchInLoop(a.v(0)),
                a -> ControlFlowDerivatives.switchInLoop_grad(a.v(0)),
                (a, s, acc) -> ControlFlowDerivatives.switchInLoop_vjp(a.v(0), s, acc.v(0)),
                points);
    }

    @Test
    void switchArrow() {
        Inputs in = new Inputs(505);
        Args[] points = {args().v("x", in.vector(7, -1, 1)).i("mode", 0),
            args().v("x", in.vector(7, -1, 1)).i("mode", 1), args().v("x", in.vector(7, -1, 1)).i("mode", 2)};
        arrays("switchArrow", "x",
                a -> ControlFlow.switchArrow(a.v(0), a.i(1)),
                a -> ControlFlowDerivatives.switchArrow_grad(a.v(0), a.i(1)),
                (a, s, acc) -> ControlFlowDerivatives.switchArrow_vjp(a.v(0), a.i(1), s, acc.v(0)),
                points);
    }

    @Test
    void returnFromLoop() {
        Inputs in = new Inputs(506);
        double[] atThree = in.vector(6, -1, 0.5);
        atThree[3] = 1.5;
        double[] atZero = in.vector(6, -1, 0.5);
        atZero[0] = 1.4;
        double[] never = in.vector(6, -1, 0.5);
        Args[] points = {args().v("x", atThree).d("limit", 1.0), args().v("x", atZero).d("limit", 1.0),
            args().v("x", never).d("limit", 1.0)};
        List<double[]> gradients = arrays("returnFromLoop", "x limit",
                a -> ControlFlow.returnFromLoop(a.v(0), a.d(1)),
                a -> ControlFlowDerivatives.returnFromLoop_grad(a.v(0), a.d(1)),
                (a, s, acc) -> ControlFlowDerivatives.returnFromLoop_vjp(a.v(0), a.d(1), s, acc.v(0), acc.v(1)),
                points);
        // returned at i = 3: x[4], x[5] unread; at i = 0: only x[0] counts, d/dx0 = exp(x0)
        assertEquals(0.0, gradients.get(0)[4], 0.0);
        assertEquals(0.0, gradients.get(0)[5], 0.0);
        assertEquals(Math.exp(1.4), gradients.get(1)[0], 1e-15 * Math.exp(1.4));
        for (int i = 1; i < 6; i++) {
            assertEquals(0.0, gradients.get(1)[i], 0.0);
        }
        // never returned early: f = -sum x^2
        for (int i = 0; i < 6; i++) {
            assertEquals(-2 * never[i], gradients.get(2)[i], 1e-15);
        }
    }

    @Test
    void nestedThreeDeep() {
        Args[] points = Inputs.points(507, 3, in -> args().m("a", in.matrix(3, 3, -1, 1)).v("w", in.vector(4, -1, 1)));
        arrays("nestedThreeDeep", "a w",
                a -> ControlFlow.nestedThreeDeep(a.m(0), a.v(1)),
                a -> ControlFlowDerivatives.nestedThreeDeep_grad(a.m(0), a.v(1)),
                (a, s, acc) -> ControlFlowDerivatives.nestedThreeDeep_vjp(a.m(0), a.v(1), s, acc.m(0), acc.v(1)),
                points);
    }

    @Test
    void enhancedFor() {
        Args[] points = Inputs.points(508, 3, in -> args().v("x", in.vector(6, -1.5, 1.5)));
        List<double[]> gradients = arrays("enhancedFor", "x",
                a -> ControlFlow.enhancedFor(a.v(0)),
                a -> ControlFlowDerivatives.enhancedFor_grad(a.v(0)),
                (a, s, acc) -> ControlFlowDerivatives.enhancedFor_vjp(a.v(0), s, acc.v(0)),
                points);
        // elementwise: (1 - 2v^2) exp(-v^2) + v / sqrt(1 + v^2)
        double[] x = new Inputs(508).vector(6, -1.5, 1.5);
        for (int i = 0; i < 6; i++) {
            double v = x[i];
            assertEquals((1 - 2 * v * v) * Math.exp(-v * v) + v / Math.sqrt(1 + v * v), gradients.get(0)[i], 1e-14);
        }
    }

    @Test
    void whileContinue() {
        Args[] points = Inputs.points(509, 3, in -> args().v("x", in.vector(7, -1, 1)));
        List<double[]> gradients = arrays("whileContinue", "x",
                a -> ControlFlow.whileContinue(a.v(0)),
                a -> ControlFlowDerivatives.whileContinue_grad(a.v(0)),
                (a, s, acc) -> ControlFlowDerivatives.whileContinue_vjp(a.v(0), s, acc.v(0)),
                points);
        // odd positions are skipped
        for (double[] g : gradients) {
            assertEquals(0.0, g[1], 0.0);
            assertEquals(0.0, g[3], 0.0);
            assertEquals(0.0, g[5], 0.0);
        }
    }

    @Test
    void dataDependentWhile() {
        Args[] points = {args().d("x", 0.3), args().d("x", 1.1), args().d("x", 2.5)};
        arrays("dataDependentWhile", "x",
                a -> ControlFlow.dataDependentWhile(a.d(0)),
                a -> ControlFlowDerivatives.dataDependentWhile_grad(a.d(0)),
                (a, s, acc) -> ControlFlowDerivatives.dataDependentWhile_vjp(a.d(0), s, acc.v(0)),
                points);
        // x = 2.5: s = 1 -> 4 -> 8.5 -> 15.25 (k = 3), ds/dx = 1.5^2 + 1.5 + 1; f = s/3 + 3x
        assertEquals((2.25 + 1.5 + 1) / 3 + 3, ControlFlowDerivatives.dataDependentWhile_grad(2.5).x(), 1e-14);
    }

    @Test
    void countdown() {
        Args[] points = Inputs.points(510, 3, in -> args().d("x", in.uniform(-1, 1)).i("n", 5));
        arrays("countdown", "x",
                a -> ControlFlow.countdown(a.d(0), a.i(1)),
                a -> ControlFlowDerivatives.countdown_grad(a.d(0), a.i(1)),
                (a, s, acc) -> ControlFlowDerivatives.countdown_vjp(a.d(0), a.i(1), s, acc.v(0)),
                points);
        // n = 1: y = sin(x) + 0 * x
        assertEquals(Math.cos(0.4), ControlFlowDerivatives.countdown_grad(0.4, 1).x(), 1e-15);
    }

    @Test
    void piecewise() {
        Args[] points = Inputs.points(511, 3, in -> {
            double[] x = new double[8];
            for (int i = 0; i < 8; i++) {
                int piece = in.nextInt(3);
                x[i] = piece == 0 ? in.uniform(-2, -1.2) : piece == 1 ? in.uniform(-0.8, 0.8) : in.uniform(1.2, 2);
            }
            return args().v("x", x);
        });
        arrays("piecewise", "x",
                a -> ControlFlow.piecewise(a.v(0)),
                a -> ControlFlowDerivatives.piecewise_grad(a.v(0)),
                (a, s, acc) -> ControlFlowDerivatives.piecewise_vjp(a.v(0), s, acc.v(0)),
                points);
    }
}
