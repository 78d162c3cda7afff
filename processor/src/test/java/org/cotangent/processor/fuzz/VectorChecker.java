package org.cotangent.processor.fuzz;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.cotangent.processor.fuzz.ProgramGenerator.Output;
import org.cotangent.processor.fuzz.ProgramGenerator.Param;
import org.cotangent.runtime.DualVector;

/**
 * Checks the derivatives of a top-level {@code f} that returns a {@code double[]} or fills its
 * array parameter {@code out} ({@code void}), as a map from the flattened wrt values (for a void
 * method {@code out}'s entry contents among them) to the output:
 *
 * <ol>
 *   <li>(a) the Jacobian from {@code f_vjp} with each unit seed against Richardson-extrapolated
 *       central differences; {@code f_jacobian} (vector-valued) against it;</li>
 *   <li>(b) the dot-product test {@code <s, J u>} from {@code f_jvp} against {@code <J^T s, u>}
 *       from {@code f_vjp}, and both give the primal output;</li>
 *   <li>(c) {@code f_vjp} adds into accumulators that hold 0.25; for a void method, {@code out}'s
 *       accumulator is the seed on entry and the adjoint of {@code out}'s entry contents on exit;</li>
 *   <li>(d) inputs unchanged ({@code out} left as {@code f} leaves it) and the tape empty;</li>
 *   <li>(f) with arrays cut to length 1, the tape empty whether a method throws or returns.</li>
 * </ol>
 */
final class VectorChecker extends CheckerBase {
    private final Output output;
    private final Method vjp;
    private final Method jvp;
    private final Method jacobian;
    /** For a void method: the index of {@code out} among the parameters and the wrt accumulators, and its offset. */
    private final int outParam;
    private final int outAccumulator;
    private final int outOffset;

    VectorChecker(Class<?> program, Class<?> derivatives, List<Param> params, Output output, boolean instance)
            throws ReflectiveOperationException {
        super(program, params, instance);
        this.output = output;
        List<Class<?>> v = new ArrayList<>(layout.types());
        if (output == Output.VECTOR) {
            v.add(double[].class);
        }
        v.addAll(layout.accumulatorTypes());
        vjp = derivatives.getMethod("f_vjp", signature(v));
        List<Class<?>> j = new ArrayList<>(layout.types());
        j.addAll(layout.tangentTypes());
        jvp = derivatives.getMethod("f_jvp", signature(j));
        jacobian = output == Output.VECTOR ? derivatives.getMethod("f_jacobian", signature(layout.types())) : null;
        int param = -1;
        int acc = -1;
        int offset = 0;
        int a = 0;
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            if (p.name().equals("out")) {
                param = i;
                acc = a;
                break;
            }
            offset += Layout.width(p);
            if (Layout.isWrt(p)) {
                a++;
            }
        }
        outParam = param;
        outAccumulator = acc;
        outOffset = offset;
        if (output == Output.VOID && param < 0) {
            throw new IllegalArgumentException("a void program needs a parameter out");
        }
    }

    @Override
    void checkAt(double[] x, Random r, boolean withSecondOrder) {
        stats.points++;
        String at = " at x = " + Arrays.toString(x);
        try {
            double[] y = primal(x);
            if (Arrays.stream(y).anyMatch(e -> !Double.isFinite(e))) {
                stats.skipped++;
                return;
            }
            int m = y.length;
            double ymax = maxAbs(y);
            // the Jacobian by reverse mode, one unit seed per output
            double[][] jac = new double[m][];
            for (int i = 0; i < m; i++) {
                double[] s = new double[m];
                s[i] = 1;
                jac[i] = vjpInto(x, s, 0.0, y, at);
            }
            double jmax = 0;
            for (double[] row : jac) {
                jmax = Math.max(jmax, maxAbs(row));
            }

            // (a) finite differences
            double[][] fd = richardson(this::primal, x);
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < m; i++) {
                    double d1 = fd[0][j * m + i];
                    double d2 = fd[1][j * m + i];
                    if (!Double.isFinite(d1) || !Double.isFinite(d2)
                            || Math.abs(d1 - d2) > 1e-6 * (Math.abs(d1) + Math.abs(d2)) + 1e-9 * (1 + ymax)) {
                        stats.skipped++;
                        continue;
                    }
                    double tol = 1e-5 * Math.max(Math.abs(d2), Math.abs(jac[i][j])) + 1e-8 * (1 + ymax + jmax);
                    stats.checks++;
                    if (!(Math.abs(d2 - jac[i][j]) <= tol)) {
                        fail(String.format(Locale.ROOT, "(a) d out[%d] / d %s from f_vjp = %.17g but Richardson "
                                + "finite differences give %.17g (coarser %.17g)%s", i, layout.name(j), jac[i][j], d2,
                                d1, at));
                    }
                }
            }
            if (jacobian != null) {
                Object[] args = layout.args(x);
                Object[] before = Layout.deepCopy(args);
                double[][] jm = (double[][]) call(jacobian, args);
                unchanged("f_jacobian", args, before, at);
                if (jm.length != m || Arrays.stream(jm).anyMatch(row -> row.length != n)) {
                    fail("(a) f_jacobian has the wrong shape, expected " + m + "x" + n + at);
                } else {
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            close("(a) f_jacobian[" + i + "][" + j + "] vs f_vjp", jm[i][j], jac[i][j], 1e-12,
                                    1e-13 * jmax + 1e-15 * (1 + ymax), at);
                        }
                    }
                }
            }

            // (c) accumulation into pre-filled accumulators, (b) the dot-product test
            double[] s = new double[m];
            for (int i = 0; i < m; i++) {
                s[i] = r.nextGaussian();
            }
            double[] a = vjpInto(x, s, 0.25, y, at);
            double[] expected = new double[n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    expected[j] += s[i] * jac[i][j];
                }
            }
            for (int j = 0; j < n; j++) {
                boolean ofOut = output == Output.VOID && j >= outOffset && j < outOffset + m;
                close("(c) f_vjp into accumulators holding 0.25, component " + j + " (" + layout.name(j) + ")",
                        ofOut ? a[j] : a[j] - 0.25, expected[j], 1e-11, 1e-12 * (jmax + 1) * maxAbs(s) * m, at);
            }
            double[] u = new double[n];
            for (int j = 0; j < n; j++) {
                u[j] = r.nextGaussian();
            }
            double[] t = jvp(x, u, y, at);
            double lhs = 0;
            double scale = 0;
            for (int i = 0; i < m; i++) {
                lhs += s[i] * t[i];
                scale += Math.abs(s[i] * t[i]);
            }
            double rhs = 0;
            for (int j = 0; j < n; j++) {
                rhs += expected[j] * u[j];
                scale += Math.abs(expected[j] * u[j]);
            }
            double floor = 1e-13 * n * m * maxAbs(s) * maxAbs(u) * (1 + ymax + jmax);
            stats.checks++;
            if (!(Math.abs(lhs - rhs) <= 1e-10 * scale + floor)) {
                fail(String.format(Locale.ROOT, "(b) dot-product test: <s, f_jvp tangent> = %.17g but "
                        + "<f_vjp accumulators, u> = %.17g (s %s, u %s)%s", lhs, rhs, Arrays.toString(s),
                        Arrays.toString(u), at));
            }

            // (f) the tape after an exception
            if (withSecondOrder) {
                ArgumentsForm reverse = (l, p) -> {
                    Object[] base = l.args(p);
                    if (output == Output.VECTOR) {
                        base = concat(base, new Object[] {new double[] {1.0}});
                    }
                    return concat(base, l.accumulators(0).toArray());
                };
                ArgumentsForm forward = (l, p) -> concat(l.args(p), l.tangents(p));
                tapeAfterThrow(r, at, new Method[] {vjp, jvp, jacobian},
                        new ArgumentsForm[] {reverse, forward, Layout::args});
            }
        } catch (InvocationTargetException e) {
            fail("a generated method threw " + stackTrace(e.getCause()) + at);
        } catch (ReflectiveOperationException | RuntimeException e) {
            fail("checker error " + stackTrace(e) + at);
        }
    }

    /** The output of {@code f} at the flattened point: what it returns, or {@code out} after it. */
    private double[] primal(double[] x) throws ReflectiveOperationException {
        Object[] args = layout.args(x);
        Object result = primalCall(args);
        return output == Output.VECTOR ? ((double[]) result).clone() : ((double[]) args[outParam]).clone();
    }

    /**
     * {@code f_vjp} with seed {@code s}, accumulators pre-filled with {@code fill} (for a void
     * method {@code out}'s holds {@code s}); returns the flattened accumulators after it, having
     * checked its output against the primal's {@code y}.
     */
    private double[] vjpInto(double[] x, double[] s, double fill, double[] y, String at)
            throws ReflectiveOperationException {
        Object[] args = layout.args(x);
        Object[] before = Layout.deepCopy(args);
        List<Object> accs = layout.accumulators(fill);
        Object[] all;
        if (output == Output.VECTOR) {
            all = concat(concat(args, new Object[] {s.clone()}), accs.toArray());
        } else {
            accs.set(outAccumulator, s.clone());
            all = concat(args, accs.toArray());
        }
        Object result = call(vjp, all);
        unchanged("f_vjp", args, before, at, output == Output.VOID ? outParam : -1);
        double[] out = output == Output.VECTOR ? (double[]) result : (double[]) args[outParam];
        sameOutput("f_vjp", out, y, at);
        return Layout.flatten(accs);
    }

    /** The tangent of the output along {@code u}, from {@code f_jvp}. */
    private double[] jvp(double[] x, double[] u, double[] y, String at) throws ReflectiveOperationException {
        Object[] args = layout.args(x);
        Object[] before = Layout.deepCopy(args);
        Object[] dots = layout.tangents(u);
        Object result = call(jvp, concat(args, dots));
        unchanged("f_jvp", args, before, at, output == Output.VOID ? outParam : -1);
        if (output == Output.VECTOR) {
            DualVector d = (DualVector) result;
            sameOutput("f_jvp", d.value(), y, at);
            return d.tangent();
        }
        sameOutput("f_jvp", (double[]) args[outParam], y, at);
        return (double[]) dots[outAccumulator];
    }

    private void sameOutput(String method, double[] out, double[] y, String at) {
        if (out.length != y.length) {
            fail("(d) " + method + " gives an output of length " + out.length + ", f one of " + y.length + at);
            return;
        }
        for (int i = 0; i < y.length; i++) {
            close("(d) " + method + " output[" + i + "] vs f", out[i], y[i], 1e-13, 1e-15, at);
        }
    }
}
