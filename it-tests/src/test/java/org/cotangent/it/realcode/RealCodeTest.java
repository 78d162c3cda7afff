package org.cotangent.it.realcode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Supplier;
import org.cotangent.runtime.GradCheck;
import org.cotangent.runtime.Tape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Code as libraries write it. throw and assert pass through every generated method: a check that
 * fails throws the original's exception with the original's message, touches no accumulator, and
 * leaves the tape clean; a check that passes changes nothing, and the derivatives are checked
 * against finite differences and the dot-product test.
 */
class RealCodeTest {
    @Test
    void derivativesThroughPassingChecks() {
        for (double x : new double[] {0.3, 1.0, 4.5}) {
            var g = ArgumentChecksDerivatives.xLogX_grad(x);
            assertEquals(ArgumentChecks.xLogX(x), g.value(), 0.0);
            GradCheck.assertGradient(p -> ArgumentChecks.xLogX(p[0]), new double[] {x}, new double[] {g.x()});
            assertEquals(g.x(), ArgumentChecksDerivatives.xLogX_jvp(x, 1.0).tangent(), 1e-15);
            // the second derivative 1/x, through the hessian that runs the same checks
            assertEquals(1 / x, ArgumentChecksDerivatives.xLogX_hessian(x)[0][0], 1e-12);
        }
        double[] v = {0.5, -1.5, 2.0};
        var g = ArgumentChecksDerivatives.norm_grad(v);
        GradCheck.assertGradient(ArgumentChecks::norm, v, g.v());
        double[] u = {0.3, 0.1, -0.7};
        double jvp = ArgumentChecksDerivatives.norm_jvp(v, u).tangent();
        double dot = 0;
        for (int i = 0; i < v.length; i++) {
            dot += g.v()[i] * u[i];
        }
        assertEquals(dot, jvp, 1e-12, "<J u, 1> = <u, J^T 1>");
        var h = ArgumentChecksDerivatives.hypotenuse_grad(3.0, 4.0);
        assertEquals(0.6, h.a(), 1e-15);
        assertEquals(0.8, h.b(), 1e-15);
    }

    @Test
    void failingChecksThrowTheOriginalsExceptionAndTouchNothing() {
        sameFailure(() -> ArgumentChecks.xLogX(-2.0), () -> ArgumentChecksDerivatives.xLogX_grad(-2.0));
        double[] acc = {7.0};
        sameFailure(() -> ArgumentChecks.xLogX(-2.0), () -> ArgumentChecksDerivatives.xLogX_vjp(-2.0, 1.0, acc));
        assertArrayEquals(new double[] {7.0}, acc, "no accumulator is touched before the check");
        sameFailure(() -> ArgumentChecks.xLogX(0.0), () -> ArgumentChecksDerivatives.xLogX_jvp(0.0, 1.0));
        sameFailure(() -> ArgumentChecks.xLogX(-1.0), () -> ArgumentChecksDerivatives.xLogX_hessian(-1.0));

        double[] nan = {1.0, Double.NaN, 2.0};
        double[] vAdj = {1.0, 2.0, 3.0};
        sameFailure(() -> ArgumentChecks.norm(nan), () -> ArgumentChecksDerivatives.norm_vjp(nan, 1.0, vAdj));
        assertArrayEquals(new double[] {1.0, 2.0, 3.0}, vAdj, "a throw mid-loop leaves the accumulator as it was");
        assertTrue(Tape.get().isEmpty(), "the tape is clean after a throw");
        sameFailure(() -> ArgumentChecks.norm(new double[0]), () -> ArgumentChecksDerivatives.norm_grad(new double[0]));
        sameFailure(() -> ArgumentChecks.checkedSqrt(-1.0), () -> ArgumentChecksDerivatives.checkedSqrt_grad(-1.0));

        double[] pv = {1.5, 2.0};
        sameFailure(() -> ArgumentChecks.probed(pv, 2), () -> ArgumentChecksDerivatives.probed_grad(pv, 2));
        sameFailure(() -> ArgumentChecks.probed(pv, 2), () -> ArgumentChecksDerivatives.probed_jvp(pv, 2, pv).tangent());
        assertEquals(3.0, ArgumentChecksDerivatives.probed_grad(pv, 1).v()[0], 0.0);

        double[] x = {1, 2};
        double[] out = new double[3];
        double[] xAdj = new double[2];
        double[] fAdj = new double[1];
        double[] outAdj = {1, 1, 1};
        sameFailure(() -> {
            ArgumentChecks.scaleInto(x, 2.0, out);
            return null;
        }, () -> {
            ArgumentChecksDerivatives.scaleInto_vjp(x, 2.0, out, xAdj, fAdj, outAdj);
            return null;
        });
        assertArrayEquals(new double[] {1, 1, 1}, outAdj);
        assertArrayEquals(new double[3], out, "the output array is not written");
    }

    @Test
    void assertionsRunWhereTheOriginalsRun() {
        double[] tooLong = new double[ArgumentChecks.LIMIT];
        boolean enabled = false;
        assert enabled = true;
        if (enabled) {
            sameFailure(() -> ArgumentChecks.norm(tooLong), () -> ArgumentChecksDerivatives.norm_grad(tooLong));
        } else {
            assertEquals(0.0, ArgumentChecksDerivatives.norm_grad(tooLong).value(), 0.0);
        }
    }

    @Test
    void aParameterNamedValueHasTheComponentValueUnderscore() {
        var g = NamedValueDerivatives.softClamp_grad(0.7, 2.0);
        assertEquals(NamedValue.softClamp(0.7, 2.0), g.value(), 0.0);
        GradCheck.assertGradient(p -> NamedValue.softClamp(p[0], p[1]), new double[] {0.7, 2.0},
                new double[] {g.value_(), g.scale()});
        var b = NamedValueDerivatives.both_grad(1.5, -2.0);
        // value_ is taken by the parameter of that name, so value gets value__
        assertEquals(4.0, b.value__(), 1e-15, "d/dvalue of value * w^2 = w^2");
        assertEquals(2 * 1.5 * -2.0, b.value_(), 1e-15, "the parameter value_ keeps its name");
        assertArrayEquals(new double[] {b.value__(), b.value_()}, NamedValueDerivatives.both_jacobian(1.5, -2.0)[0]);
    }

    @Test
    void pureJdkCallsMayReadActiveArrays() {
        double[] grid = {0.0, 0.5, 1.5, 3.0};
        double[] values = {1.0, -0.5, 2.0, 0.25};
        for (double x : new double[] {0.2, 0.9, 2.1}) {
            var g = PureCallsDerivatives.lerp_grad(grid, values, x);
            assertEquals(PureCalls.lerp(grid, values, x), g.value(), 0.0);
            double[] flat = new double[9];
            System.arraycopy(grid, 0, flat, 0, 4);
            System.arraycopy(values, 0, flat, 4, 4);
            flat[8] = x;
            double[] expected = new double[9];
            System.arraycopy(g.grid(), 0, expected, 0, 4);
            System.arraycopy(g.values(), 0, expected, 4, 4);
            expected[8] = g.x();
            GradCheck.assertGradient(p -> PureCalls.lerp(java.util.Arrays.copyOfRange(p, 0, 4),
                    java.util.Arrays.copyOfRange(p, 4, 8), p[8]), flat, expected);
            double[] gridDot = {0.1, -0.2, 0.3, 0.05};
            double[] valuesDot = {0.4, 0.1, -0.3, 0.2};
            double xDot = 0.7;
            double tangent = PureCallsDerivatives.lerp_jvp(grid, values, x, gridDot, valuesDot, xDot).tangent();
            double dot = g.x() * xDot;
            for (int i = 0; i < 4; i++) {
                dot += g.grid()[i] * gridDot[i] + g.values()[i] * valuesDot[i];
            }
            assertEquals(dot, tangent, 1e-12, "dot-product test at x = " + x);
        }
        double[] a = {0.3, -1.7, 5.0, 12.5};
        var s = PureCallsDerivatives.finiteSum_grad(a);
        GradCheck.assertGradient(PureCalls::finiteSum, a, s.a());
    }

    @Test
    void sideEffectsInsideExpressionsRunInJavasOrder() {
        double[] x = {0.4, -1.1, 2.3};
        var p = SideEffectsDerivatives.packed_grad(x);
        assertEquals(SideEffects.packed(x), p.value(), 0.0);
        GradCheck.assertGradient(SideEffects::packed, x, p.x());
        for (double[] at : new double[][] {{0.7, -1.3}, {2.0, 0.5}}) {
            var c = SideEffectsDerivatives.chained_grad(at[0], at[1]);
            assertEquals(SideEffects.chained(at[0], at[1]), c.value(), 0.0);
            GradCheck.assertGradient(q -> SideEffects.chained(q[0], q[1]), at, new double[] {c.x(), c.y()});
            double jvp = SideEffectsDerivatives.chained_jvp(at[0], at[1], 0.3, -0.8).tangent();
            assertEquals(c.x() * 0.3 + c.y() * -0.8, jvp, 1e-12, "dot-product test");
        }
        for (double v : new double[] {0.4, 1.7}) {
            var a = SideEffectsDerivatives.assignInCondition_grad(v);
            assertEquals(SideEffects.assignInCondition(v), a.value(), 0.0);
            GradCheck.assertGradient(q -> SideEffects.assignInCondition(q[0]), new double[] {v}, new double[] {a.x()});
        }
        var byIndex = SideEffectsDerivatives.sumByIndex_grad(x);
        assertEquals(SideEffects.sumByIndex(x), byIndex.value(), 0.0);
        GradCheck.assertGradient(SideEffects::sumByIndex, x, byIndex.a());
        for (double v : new double[] {-0.6, 1.3}) {
            var r = SideEffectsDerivatives.postIncrement_grad(v);
            assertEquals(SideEffects.postIncrement(v), r.value(), 0.0);
            GradCheck.assertGradient(w -> SideEffects.postIncrement(w[0]), new double[] {v}, new double[] {r.x()});
            assertEquals(r.x(), SideEffectsDerivatives.postIncrement_jvp(v, 1.0).tangent(), 1e-12);
        }
        double[] f = {0.5, -1.25, 2.0, 0.75};
        var fc = SideEffectsDerivatives.forCondition_grad(f);
        assertEquals(SideEffects.forCondition(f), fc.value(), 0.0, "continue goes through the update and the condition");
        GradCheck.assertGradient(SideEffects::forCondition, f, fc.a());
        double[] olds = {0.3, 1.7, -0.4};
        var ov = SideEffectsDerivatives.oldValues_grad(1.3, olds);
        assertEquals(SideEffects.oldValues(1.3, olds), ov.value(), 0.0,
                "the target's index and old value are read before the value's side effects, as in Java");
        GradCheck.assertGradient(q -> SideEffects.oldValues(q[0], java.util.Arrays.copyOfRange(q, 1, 4)),
                new double[] {1.3, 0.3, 1.7, -0.4}, new double[] {ov.x(), ov.a()[0], ov.a()[1], ov.a()[2]});
        for (int n : new int[] {0, 1, 4}) {
            var d = SideEffectsDerivatives.countdown_grad(0.9, n);
            assertEquals(SideEffects.countdown(0.9, n), d.value(), 0.0, "n = " + n);
            GradCheck.assertGradient(q -> SideEffects.countdown(q[0], n), new double[] {0.9}, new double[] {d.x()});
        }
    }

    /** Both throw the same exception type with the same message. */
    private static void sameFailure(Supplier<Object> original, Supplier<Object> generated) {
        Throwable expected = capture(original::get);
        Throwable actual = capture(generated::get);
        assertEquals(expected.getClass(), actual.getClass(), "exception type");
        assertEquals(expected.getMessage(), actual.getMessage(), "exception message");
    }

    private static Throwable capture(Executable e) {
        return assertThrows(Throwable.class, e);
    }
}
