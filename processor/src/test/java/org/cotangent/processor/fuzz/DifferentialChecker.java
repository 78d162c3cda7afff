package org.cotangent.processor.fuzz;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.cotangent.processor.fuzz.ProgramGenerator.Kind;
import org.cotangent.processor.fuzz.ProgramGenerator.Param;
import org.cotangent.runtime.Dual;

/**
 * Checks the derivatives generated for one top-level method {@code f} against independent
 * oracles, at random points:
 *
 * <ol>
 *   <li>(a) Richardson-extrapolated central finite differences of the primal against
 *       {@code f_grad} (relative 1e-5 with an absolute floor); a component where two step sizes
 *       disagree (a kink or jump of the primal near the point), or where the primal's value at the
 *       point differs from its values a tiny step either side, is skipped and counted;</li>
 *   <li>(b) the dot-product test: {@code s * (J u)} from {@code f_jvp} equals
 *       {@code <s J, u>} from {@code f_vjp} (relative 1e-10), and both return the primal value;</li>
 *   <li>(c) {@code f_vjp} adds into pre-filled accumulators (0.25) and is linear in the seed (1, 2.5);
 *       {@code f_jacobian} equals the gradient;</li>
 *   <li>(d) no generated method modifies its inputs or tangents, and each leaves the thread's tape
 *       empty;</li>
 *   <li>(f) with array inputs cut to length 1 (so that a sweep may throw part-way), every generated
 *       method leaves the thread's tape empty, whether it throws or returns;</li>
 *   <li>(e) optionally {@code f_hessian} is symmetric, equals finite differences of {@code f_grad}
 *       (relative 1e-4) and {@code f_hvp} equals {@code H u}.</li>
 * </ol>
 */
final class DifferentialChecker extends CheckerBase {
    private final Method grad;
    private final Method vjp;
    private final Method jvp;
    private final Method jacobian;
    private final Method hessian;
    private final Method hvp;

    DifferentialChecker(Class<?> program, Class<?> derivatives, List<Param> params) throws ReflectiveOperationException {
        this(program, derivatives, params, false);
    }

    DifferentialChecker(Class<?> program, Class<?> derivatives, List<Param> params, boolean instance)
            throws ReflectiveOperationException {
        super(program, params, instance);
        Class<?>[] t = signature(layout.types());
        grad = derivatives.getMethod("f_grad", t);
        jacobian = derivatives.getMethod("f_jacobian", t);
        // second order is absent where a callee has only a user's rule
        hessian = optional(derivatives, "f_hessian", t);
        List<Class<?>> v = new ArrayList<>(layout.types());
        v.add(double.class);
        v.addAll(layout.accumulatorTypes());
        vjp = derivatives.getMethod("f_vjp", signature(v));
        List<Class<?>> j = new ArrayList<>(layout.types());
        j.addAll(layout.tangentTypes());
        jvp = derivatives.getMethod("f_jvp", signature(j));
        hvp = optional(derivatives, "f_hvp", signature(j));
    }

    /**
     * Whether the primal jumps at {@code x} along coordinate {@code i}: its value there differs from
     * the mean of its values a tiny step either side (a branch whose condition holds only at the
     * point itself). Differences then measure the neighbouring branch, not the one taken at x.
     */
    private boolean jumpsAt(double[] x, int i, double value) throws ReflectiveOperationException {
        double h = 1e-7 * Math.max(1, Math.abs(x[i]));
        double[] up = x.clone();
        up[i] += h;
        double[] down = x.clone();
        down[i] -= h;
        double mean = 0.5 * (primal(up) + primal(down));
        return !(Math.abs(mean - value) <= 1e-5 * (1 + Math.abs(value)));
    }

    /** Checks at one point {@code x} (flattened over the active parameters). */
    @Override
    void checkAt(double[] x, Random r, boolean withHessian) {
        stats.points++;
        String at = " at x = " + Arrays.toString(x);
        try {
            double value = primal(x);
            if (!Double.isFinite(value)) {
                stats.skipped++;
                return;
            }
            Object[] args = layout.args(x);
            Object[] before = Layout.deepCopy(args);
            Object g = call(grad, args);
            unchanged("f_grad", args, before, at);
            RecordComponent[] comps = g.getClass().getRecordComponents();
            double gValue = (double) comps[0].getAccessor().invoke(g);
            close("f_grad value", gValue, value, 1e-13, 1e-15, at);
            double[] gradient = flattenRecord(g);
            if (gradient.length != n) {
                fail("f_grad has " + gradient.length + " gradient entries, expected " + n);
                return;
            }
            double gmax = maxAbs(gradient);

            // (a) finite differences
            double[][] fd = richardson(this::primalVector, x);
            for (int i = 0; i < n; i++) {
                double d1 = fd[0][i];
                double d2 = fd[1][i];
                if (!Double.isFinite(d1) || !Double.isFinite(d2)
                        || Math.abs(d1 - d2) > 1e-6 * (Math.abs(d1) + Math.abs(d2)) + 1e-9 * (1 + Math.abs(value))
                        || jumpsAt(x, i, value)) {
                    stats.skipped++;
                    continue;
                }
                double tol = 1e-5 * Math.max(Math.abs(d2), Math.abs(gradient[i])) + 1e-8 * (1 + Math.abs(value) + gmax);
                stats.checks++;
                if (!(Math.abs(d2 - gradient[i]) <= tol)) {
                    fail(String.format(Locale.ROOT,
                            "(a) f_grad component %d (%s) = %.17g but Richardson finite differences give %.17g "
                                    + "(coarser %.17g)%s",
                            i, layout.name(i), gradient[i], d2, d1, at));
                }
            }

            // (c) jacobian equals gradient
            double[][] jac = (double[][]) call(jacobian, args);
            unchanged("f_jacobian", args, before, at);
            if (jac.length != 1 || jac[0].length != n) {
                fail("(c) f_jacobian has shape " + jac.length + "x" + (jac.length > 0 ? jac[0].length : 0)
                        + ", expected 1x" + n);
            } else {
                for (int i = 0; i < n; i++) {
                    close("(c) f_jacobian[0][" + i + "] (" + layout.name(i) + ") vs f_grad", jac[0][i], gradient[i], 1e-12,
                            1e-13 * gmax + 1e-15 * (1 + Math.abs(value)), at);
                }
            }

            // (c) accumulation and seed linearity
            double[] acc1 = vjpInto(args, before, 1.0, 0.25, value, at);
            double[] acc2 = vjpInto(args, before, 2.5, 0.25, value, at);
            for (int i = 0; i < n; i++) {
                close("(c) f_vjp seed 1 into accumulators holding 0.25, component " + i + " (" + layout.name(i) + ")",
                        acc1[i] - 0.25, gradient[i], 1e-12, 1e-12 * gmax + 1e-15, at);
                close("(c) f_vjp seed 2.5 into accumulators holding 0.25, component " + i + " (" + layout.name(i) + ")",
                        acc2[i] - 0.25, 2.5 * gradient[i], 1e-12, 1e-12 * gmax + 1e-15, at);
            }

            // (b) dot-product test
            double s = r.nextDouble() * 4 - 2;
            if (Math.abs(s) < 0.1) {
                s = 0.7;
            }
            double[] u = new double[n];
            for (int i = 0; i < n; i++) {
                u[i] = r.nextGaussian();
            }
            double[] a = vjpInto(args, before, s, 0.0, value, at);
            Object[] dots = layout.tangents(u);
            Object[] dotsBefore = Layout.deepCopy(dots);
            Dual dual = (Dual) call(jvp, concat(args, dots));
            unchanged("f_jvp", args, before, at);
            unchanged("f_jvp (tangents)", dots, dotsBefore, at);
            close("(b) f_jvp value", dual.value(), value, 1e-13, 1e-15, at);
            double lhs = s * dual.tangent();
            double rhs = 0;
            double scale = Math.abs(lhs);
            for (int i = 0; i < n; i++) {
                rhs += a[i] * u[i];
                scale += Math.abs(a[i] * u[i]);
            }
            // an absolute floor scaled by the problem's magnitudes: derivatives that are 0 up to
            // rounding come out of the two modes as different noise of about 1e-16 of those
            double floor = 1e-13 * n * Math.abs(s) * maxAbs(u) * (1 + Math.abs(value) + gmax);
            stats.checks++;
            if (!(Math.abs(lhs - rhs) <= 1e-10 * scale + floor)) {
                fail(String.format(Locale.ROOT,
                        "(b) dot-product test: seed * f_jvp tangent = %.17g but <f_vjp accumulators, u> = %.17g "
                                + "(seed %s, u %s)%s",
                        lhs, rhs, s, Arrays.toString(u), at));
            }

            // (f) the tape after an exception
            if (withHessian) {
                ArgumentsForm plain = Layout::args;
                ArgumentsForm reverse = (l, p) -> concat(concat(l.args(p), new Object[] {1.0}),
                        l.accumulators(0).toArray());
                ArgumentsForm forward = (l, p) -> concat(l.args(p), l.tangents(p));
                tapeAfterThrow(r, at, new Method[] {grad, jacobian, vjp, jvp, hessian, hvp},
                        new ArgumentsForm[] {plain, plain, reverse, forward, plain, forward});
            }

            // (e) Hessian
            if (withHessian && hessian != null && hvp != null) {
                stats.hessians++;
                checkHessian(x, args, before, gradient, u, value, at);
            }
        } catch (InvocationTargetException e) {
            fail("a generated method threw " + stackTrace(e.getCause()) + at);
        } catch (ReflectiveOperationException | RuntimeException e) {
            fail("checker error " + stackTrace(e) + at);
        }
    }

    private void checkHessian(double[] x, Object[] args, Object[] before, double[] gradient, double[] u, double value,
                              String at)
            throws ReflectiveOperationException {
        double[][] h = (double[][]) call(hessian, args);
        unchanged("f_hessian", args, before, at);
        if (h.length != n || Arrays.stream(h).anyMatch(row -> row.length != n)) {
            fail("(e) f_hessian has the wrong shape, expected " + n + "x" + n);
            return;
        }
        double hmax = 0;
        for (double[] row : h) {
            hmax = Math.max(hmax, maxAbs(row));
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                close("(e) f_hessian symmetry [" + i + "][" + j + "] vs [" + j + "][" + i + "]", h[i][j], h[j][i],
                        1e-8, 1e-10 * hmax + 1e-14 * (1 + Math.abs(value)), at);
            }
        }
        // f_hvp(u) == H u
        Object[] dots = layout.tangents(u);
        Object g = call(hvp, concat(args, dots));
        unchanged("f_hvp", args, before, at);
        double[] hu = flattenRecord(g);
        // one forward-over-reverse sweep against n of them: the same numbers up to rounding, which
        // cancellation inside the sweeps can lift to about 1e-12 of the size of the first and second
        // derivatives (a Hessian that is exactly 0 comes out as noise of that size)
        double hsize = 0;
        for (double[] row : h) {
            hsize = Math.max(hsize, maxAbs(row));
        }
        // the absolute floor scales with the problem too: second derivatives that are 0 up to rounding
        // (1e-60 in seed 6002482) come out of the two computations as different noise
        double floor = 1e-12 * (hsize + maxAbs(gradient) + 1e-2 * (1 + Math.abs(value))) * maxAbs(u) * n;
        for (int i = 0; i < n; i++) {
            double expect = 0;
            double scale = 0;
            for (int j = 0; j < n; j++) {
                expect += h[i][j] * u[j];
                scale += Math.abs(h[i][j] * u[j]);
            }
            close("(e) f_hvp component " + i + " (" + layout.name(i) + ") vs f_hessian times u", hu[i], expect, 1e-10,
                    1e-10 * scale + floor, at);
        }
        // finite differences of f_grad
        double gmax = maxAbs(gradient);
        double[][] fd = richardson(this::gradientVector, x);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double d1 = fd[0][j * n + i];
                double d2 = fd[1][j * n + i];
                if (!Double.isFinite(d1) || !Double.isFinite(d2)
                        || Math.abs(d1 - d2) > 1e-5 * (Math.abs(d1) + Math.abs(d2)) + 1e-8 * (1 + gmax)) {
                    stats.skipped++;
                    continue;
                }
                double tol = 1e-4 * Math.max(Math.abs(d2), Math.abs(h[i][j])) + 1e-6 * (1 + gmax + hmax);
                stats.checks++;
                if (!(Math.abs(d2 - h[i][j]) <= tol)) {
                    fail(String.format(Locale.ROOT,
                            "(e) f_hessian[%d][%d] (d/d %s of d/d %s) = %.17g but finite differences of f_grad give "
                                    + "%.17g (coarser %.17g)%s",
                            i, j, layout.name(j), layout.name(i), h[i][j], d2, d1, at));
                }
            }
        }
    }

    /** Calls f_vjp with accumulators pre-filled with {@code fill}; returns the flattened accumulators. */
    private double[] vjpInto(Object[] args, Object[] before, double seed, double fill, double value, String at)
            throws ReflectiveOperationException {
        List<Object> accs = layout.accumulators(fill);
        double v = (double) call(vjp, concat(concat(args, new Object[] {seed}), accs.toArray()));
        unchanged("f_vjp", args, before, at);
        close("f_vjp return value (seed " + seed + ")", v, value, 1e-13, 1e-15, at);
        return Layout.flatten(accs);
    }

    // ------------------------------------------------------------------------------------------

    private double primal(double[] x) throws ReflectiveOperationException {
        return (double) primalCall(layout.args(x));
    }

    private double[] primalVector(double[] x) throws ReflectiveOperationException {
        return new double[] {primal(x)};
    }

    private double[] gradientVector(double[] x) throws ReflectiveOperationException {
        return flattenRecord(call(grad, layout.args(x)));
    }

    /** The gradient components of a record (after its value), flattened. */
    private static double[] flattenRecord(Object g) throws ReflectiveOperationException {
        RecordComponent[] comps = g.getClass().getRecordComponents();
        List<Object> values = new ArrayList<>();
        for (int c = 1; c < comps.length; c++) {
            values.add(comps[c].getAccessor().invoke(g));
        }
        return Layout.flatten(values);
    }
}
