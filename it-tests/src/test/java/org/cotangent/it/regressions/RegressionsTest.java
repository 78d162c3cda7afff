package org.cotangent.it.regressions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.cotangent.runtime.Dual;
import org.cotangent.runtime.GradCheck;
import org.junit.jupiter.api.Test;

/**
 * The reported bugs of shared/repro, built as a user builds: each must give the right derivative
 * (against finite differences, the dot-product test or a closed form) or a clean next call.
 * The ones that must be compile errors are in the processor's diagnostics corpus.
 */
class RegressionsTest {
    @Test
    void intConstantDivisionIsIntegerDivision() {
        for (double x : new double[] {2.0, -0.7, 13.5}) {
            assertEquals(1.0, IntDivConstDerivatives.f_grad(x).x(), 0.0, "f = x + 1 / 2 * x = x");
            assertEquals(1.0, IntDivConstDerivatives.f_jvp(x, 1.0).tangent(), 0.0);
            assertEquals(3.5, IntDivConstDerivatives.g_grad(x).x(), 0.0, "g = 3x + x / 2");
            assertEquals(3.5, IntDivConstDerivatives.g_jacobian(x)[0][0], 0.0);
            GradCheck.assertGradient(p -> IntDivConst.g(p[0]), new double[] {x},
                    new double[] {IntDivConstDerivatives.g_grad(x).x()});
        }
    }

    @Test
    void callInLabelledLoopOfPrivateHelper() {
        Random r = new Random(3010980);
        for (int k = 0; k < 6; k++) {
            double a = r.nextDouble() * 2 - 1;
            double b = r.nextDouble() * 2 - 1;
            var g = LabelledLoopDerivatives.f_grad(a, b);
            assertEquals(LabelledLoop.f(a, b), g.value(), 0.0);
            GradCheck.assertGradient(p -> LabelledLoop.f(p[0], p[1]), new double[] {a, b}, new double[] {g.a(), g.b()});
            dotProduct(p -> LabelledLoop.f(p[0], p[1]), new double[] {a, b}, new double[] {g.a(), g.b()},
                    (p, u) -> LabelledLoopDerivatives.f_jvp(p[0], p[1], u[0], u[1]));
        }
    }

    @Test
    void hessianThroughHypotAtTheOrigin() {
        double x = 0.7;
        double y = 1.3;
        double[][] expected = {{0, 2 * y}, {2 * y, 2 * x}};
        assertDeepEquals(expected, HypotHessianDerivatives.f_hessian(x, y), 1e-12, "f_hessian(0.7, 1.3)");
        // hypot(x - 1, y - 2) at the origin: its first partials are 0 there, and so its second
        assertDeepEquals(new double[][] {{0, 4}, {4, 2}}, HypotHessianDerivatives.h_hessian(1, 2), 1e-12,
                "h_hessian(1, 2)");
        assertDeepEquals(new double[][] {{2 * y, 2 * x}, {2 * x, 0}}, HypotHessianDerivatives.a_hessian(x, y), 1e-12,
                "a_hessian(0.7, 1.3)");
        // away from the origin, h's Hessian against differences of its gradient
        double[] p = {1.4, 2.5};
        double[][] h = HypotHessianDerivatives.h_hessian(p[0], p[1]);
        for (int j = 0; j < 2; j++) {
            double step = 1e-5;
            double[] up = p.clone();
            double[] down = p.clone();
            up[j] += step;
            down[j] -= step;
            var gu = HypotHessianDerivatives.h_grad(up[0], up[1]);
            var gd = HypotHessianDerivatives.h_grad(down[0], down[1]);
            assertEquals((gu.x() - gd.x()) / (2 * step), h[0][j], 1e-6);
            assertEquals((gu.y() - gd.y()) / (2 * step), h[1][j], 1e-6);
        }
    }

    @Test
    void userClassNamedTape() {
        for (double k : new double[] {1.5, -2.0}) {
            Tape tape = new Tape(k);
            double x = 0.7;
            var g = TapeDerivatives.f_grad(tape, x);
            assertEquals(tape.f(x), g.value(), 0.0);
            assertEquals(k * (2 * x + 1), g.x(), 1e-12, "d/dx of k x^2 + k x + k");
            GradCheck.assertGradient(p -> tape.f(p[0]), new double[] {x}, new double[] {g.x()});
        }
    }

    @Test
    void parametersNamedAsRuntimeClassesAndGeneratedNames() {
        double[] checks = {0.5, -0.3};
        var g = RuntimeNamedParametersDerivatives.f_grad(1.3, 0.7, -0.5, checks);
        ToDoubleFunction<double[]> f = p -> RuntimeNamedParameters.f(p[0], p[1], p[2], new double[] {p[3], p[4]});
        GradCheck.assertGradient(f, new double[] {1.3, 0.7, -0.5, 0.5, -0.3},
                new double[] {g.at(), g.row(), g.gradient(), g.Checks()[0], g.Checks()[1]});
        double[] dual = {0.2, -0.9, 0.4};
        var h = RuntimeNamedParametersDerivatives.g_grad(0.3, 1.1, -0.6, dual);
        ToDoubleFunction<double[]> gf = p -> RuntimeNamedParameters.g(p[0], p[1], p[2], new double[] {p[3], p[4], p[5]});
        GradCheck.assertGradient(gf, new double[] {0.3, 1.1, -0.6, 0.2, -0.9, 0.4},
                new double[] {h.seed(), h.tape(), h.result(), h.Dual()[0], h.Dual()[1], h.Dual()[2]});
    }

    @Test
    void anExceptionMidSweepLeavesTheTapeClean() {
        var before = UnwindingDerivatives.caller_grad(0.4, 0);
        assertTrue(org.cotangent.runtime.Tape.get().isEmpty());
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> UnwindingDerivatives.caller_grad(0.4, 95));
        assertTrue(org.cotangent.runtime.Tape.get().isEmpty(), "the abandoned call left entries on the tape");
        assertThrows(ArrayIndexOutOfBoundsException.class,
                () -> UnwindingDerivatives.caller_vjp(0.4, 95, 1.0, new double[1]));
        assertThrows(ArrayIndexOutOfBoundsException.class,
                () -> UnwindingDerivatives.caller_hessian(0.4, 95));
        assertThrows(ArrayIndexOutOfBoundsException.class,
                () -> UnwindingDerivatives.caller_jvp(0.4, 95, 1.0));
        assertTrue(org.cotangent.runtime.Tape.get().isEmpty());
        assertEquals(before, UnwindingDerivatives.caller_grad(0.4, 0));

        int[] ones = new int[100_000];
        java.util.Arrays.fill(ones, 1);
        var full = UnwindingDerivatives.iterate_grad(0.7, ones, ones.length);
        // the loop throws at i = 100000 after taping 100000 iterations
        assertThrows(ArrayIndexOutOfBoundsException.class,
                () -> UnwindingDerivatives.iterate_grad(0.7, ones, ones.length + 1));
        assertTrue(org.cotangent.runtime.Tape.get().isEmpty());
        assertEquals(full, UnwindingDerivatives.iterate_grad(0.7, ones, ones.length));
    }

    @Test
    void arraysHeldByFieldsAreConstants() {
        FieldArrays model = new FieldArrays();
        Random r = new Random(257);
        for (int k = 0; k < 4; k++) {
            double[] m = {r.nextDouble() * 2 - 1, r.nextDouble() * 2 - 1};
            double y = r.nextDouble() * 2 - 1;
            var g = FieldArraysDerivatives.f_grad(model, m, y);
            ToDoubleFunction<double[]> f = p -> model.f(new double[] {p[0], p[1]}, p[2]);
            double[] point = {m[0], m[1], y};
            double[] gradient = {g.m()[0], g.m()[1], g.y()};
            GradCheck.assertGradient(f, point, gradient);
            dotProduct(f, point, gradient, (p, u) -> FieldArraysDerivatives.f_jvp(model, new double[] {p[0], p[1]},
                    p[2], new double[] {u[0], u[1]}, u[2]));
            double[][] h = FieldArraysDerivatives.f_hessian(model, m, y);
            assertEquals(3, h.length);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    assertEquals(h[i][j], h[j][i], 1e-9 * (1 + Math.abs(h[i][j])), "Hessian symmetric");
                }
            }
        }
    }

    @Test
    void customRulesBelowACallee() throws Exception {
        Random r = new Random(35);
        for (int k = 0; k < 4; k++) {
            double x = r.nextDouble() * 2 - 1;
            double y = r.nextDouble() * 2 - 1;
            var g = CustomRuleBelowDerivatives.f_grad(x, y);
            ToDoubleFunction<double[]> f = p -> CustomRuleBelow.f(p[0], p[1]);
            GradCheck.assertGradient(f, new double[] {x, y}, new double[] {g.x(), g.y()});
            dotProduct(f, new double[] {x, y}, new double[] {g.x(), g.y()},
                    (p, u) -> CustomRuleBelowDerivatives.f_jvp(p[0], p[1], u[0], u[1]));
            GradCheck.assertGradient(p -> CustomRuleBelow.g(p[0]), new double[] {x},
                    new double[] {CustomRuleBelowDerivatives.g_grad(x).x()});
        }
        // what is not generated, because a rule of the user's below has no second order or no forward mode
        java.util.Set<String> generated = new java.util.HashSet<>();
        for (java.lang.reflect.Method m : CustomRuleBelowDerivatives.class.getMethods()) {
            generated.add(m.getName());
        }
        assertTrue(generated.containsAll(java.util.List.of("f_vjp", "f_jvp", "middle_jvp", "g_vjp", "lower_vjp")));
        for (String absent : new String[] {"f_hessian", "f_vjpTangent", "middle_vjpTangent", "g_jvp", "lower_jvp"}) {
            assertTrue(!generated.contains(absent), absent + " should not be generated");
        }
    }

    // ------------------------------------------------------------------------------------------

    private interface Jvp {
        Dual at(double[] x, double[] u);
    }

    /** {@code <grad, u>} from reverse mode equals the forward-mode tangent along random directions. */
    private static void dotProduct(ToDoubleFunction<double[]> f, double[] x, double[] gradient, Jvp jvp) {
        Random r = new Random(7);
        for (int k = 0; k < 3; k++) {
            double[] u = new double[x.length];
            double expected = 0;
            double scale = 0;
            for (int i = 0; i < u.length; i++) {
                u[i] = r.nextGaussian();
                expected += gradient[i] * u[i];
                scale += Math.abs(gradient[i] * u[i]);
            }
            Dual d = jvp.at(x.clone(), u);
            assertEquals(f.applyAsDouble(x), d.value(), 0.0);
            assertEquals(expected, d.tangent(), 1e-12 * scale + 1e-300, "dot-product test");
        }
    }

    private static void assertDeepEquals(double[][] expected, double[][] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual[i], tol, what + " row " + i);
        }
    }
}
