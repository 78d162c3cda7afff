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
final class DifferentialChecker {
    /** Counters over a whole run. */
    static final class Stats {
        long programs;
        long checks;
        long skipped;
        long points;
        long hessians;

        synchronized void add(Stats s) {
            programs += s.programs;
            checks += s.checks;
            skipped += s.skipped;
            points += s.points;
            hessians += s.hessians;
        }
    }

    private static final double H = 1e-3;
    /** The value of every double parameter outside wrt ({@link Kind#FIXED}). */
    static final double FIXED_VALUE = 0.37;

    private final List<Param> params;
    private final Method f;
    private final Method grad;
    private final Method vjp;
    private final Method jvp;
    private final Method jacobian;
    private final Method hessian;
    private final Method hvp;
    private final int n;
    private final List<String> failures = new ArrayList<>();
    private final Stats stats = new Stats();

    DifferentialChecker(Class<?> program, Class<?> derivatives, List<Param> params) throws NoSuchMethodException {
        this.params = params;
        List<Class<?>> types = new ArrayList<>();
        List<Class<?>> accs = new ArrayList<>();
        List<Class<?>> dots = new ArrayList<>();
        int size = 0;
        for (Param p : params) {
            switch (p.kind()) {
                case SCALAR -> {
                    types.add(double.class);
                    accs.add(double[].class);
                    dots.add(double.class);
                    size++;
                }
                case ARRAY -> {
                    types.add(double[].class);
                    accs.add(double[].class);
                    dots.add(double[].class);
                    size += p.length();
                }
                case FIXED -> types.add(double.class);
                default -> types.add(int.class);
            }
        }
        n = size;
        Class<?>[] t = types.toArray(new Class<?>[0]);
        f = program.getDeclaredMethod("f", t);
        f.setAccessible(true);
        grad = derivatives.getMethod("f_grad", t);
        jacobian = derivatives.getMethod("f_jacobian", t);
        hessian = derivatives.getMethod("f_hessian", t);
        List<Class<?>> v = new ArrayList<>(types);
        v.add(double.class);
        v.addAll(accs);
        vjp = derivatives.getMethod("f_vjp", v.toArray(new Class<?>[0]));
        List<Class<?>> j = new ArrayList<>(types);
        j.addAll(dots);
        jvp = derivatives.getMethod("f_jvp", j.toArray(new Class<?>[0]));
        hvp = derivatives.getMethod("f_hvp", j.toArray(new Class<?>[0]));
    }

    List<String> failures() {
        return failures;
    }

    Stats stats() {
        return stats;
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
    void checkAt(double[] x, Random r, boolean withHessian) {
        stats.points++;
        String at = " at x = " + Arrays.toString(x);
        try {
            double value = primal(x);
            if (!Double.isFinite(value)) {
                stats.skipped++;
                return;
            }
            Object[] args = args(x);
            Object[] before = deepCopy(args);
            Object g = grad.invoke(null, args);
            unchanged("f_grad", args, before, at);
            RecordComponent[] comps = g.getClass().getRecordComponents();
            double gValue = (double) comps[0].getAccessor().invoke(g);
            close("f_grad value", gValue, value, 1e-13, 1e-15, at);
            double[] gradient = new double[n];
            int k = 0;
            for (int c = 1; c < comps.length; c++) {
                Object comp = comps[c].getAccessor().invoke(g);
                if (comp instanceof Double d) {
                    gradient[k++] = d;
                } else {
                    for (double e : (double[]) comp) {
                        gradient[k++] = e;
                    }
                }
            }
            if (k != n) {
                fail("f_grad has " + k + " gradient entries, expected " + n);
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
                            i, name(i), gradient[i], d2, d1, at));
                }
            }

            // (c) jacobian equals gradient
            double[][] jac = (double[][]) jacobian.invoke(null, args);
            unchanged("f_jacobian", args, before, at);
            if (jac.length != 1 || jac[0].length != n) {
                fail("(c) f_jacobian has shape " + jac.length + "x" + (jac.length > 0 ? jac[0].length : 0)
                        + ", expected 1x" + n);
            } else {
                for (int i = 0; i < n; i++) {
                    close("(c) f_jacobian[0][" + i + "] (" + name(i) + ") vs f_grad", jac[0][i], gradient[i], 1e-12,
                            1e-13 * gmax + 1e-15 * (1 + Math.abs(value)), at);
                }
            }

            // (c) accumulation and seed linearity
            double[] acc1 = vjpInto(args, before, 1.0, 0.25, value, at);
            double[] acc2 = vjpInto(args, before, 2.5, 0.25, value, at);
            for (int i = 0; i < n; i++) {
                close("(c) f_vjp seed 1 into accumulators holding 0.25, component " + i + " (" + name(i) + ")",
                        acc1[i] - 0.25, gradient[i], 1e-12, 1e-12 * gmax + 1e-15, at);
                close("(c) f_vjp seed 2.5 into accumulators holding 0.25, component " + i + " (" + name(i) + ")",
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
            Object[] dots = tangents(u);
            Object[] dotsBefore = deepCopy(dots);
            Dual dual = (Dual) jvp.invoke(null, concat(args, dots));
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
                tapeAfterThrow(r, at);
            }

            // (e) Hessian
            if (withHessian) {
                stats.hessians++;
                checkHessian(x, args, before, gradient, u, at);
            }
        } catch (InvocationTargetException e) {
            fail("a generated method threw " + stackTrace(e.getCause()) + at);
        } catch (ReflectiveOperationException | RuntimeException e) {
            fail("checker error " + stackTrace(e) + at);
        }
    }

    private void checkHessian(double[] x, Object[] args, Object[] before, double[] gradient, double[] u, String at)
            throws ReflectiveOperationException {
        double[][] h = (double[][]) hessian.invoke(null, args);
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
                        1e-8, 1e-10 * hmax + 1e-300, at);
            }
        }
        // f_hvp(u) == H u
        Object[] dots = tangents(u);
        Object g = hvp.invoke(null, concat(args, dots));
        unchanged("f_hvp", args, before, at);
        double[] hu = flattenRecord(g);
        // one forward-over-reverse sweep against n of them: the same numbers up to rounding, which
        // cancellation inside the sweeps can lift to about 1e-12 of the size of the first and second
        // derivatives (a Hessian that is exactly 0 comes out as noise of that size)
        double hsize = 0;
        for (double[] row : h) {
            hsize = Math.max(hsize, maxAbs(row));
        }
        double floor = 1e-12 * (hsize + maxAbs(gradient)) * maxAbs(u) * n + 1e-300;
        for (int i = 0; i < n; i++) {
            double expect = 0;
            double scale = 0;
            for (int j = 0; j < n; j++) {
                expect += h[i][j] * u[j];
                scale += Math.abs(h[i][j] * u[j]);
            }
            close("(e) f_hvp component " + i + " (" + name(i) + ") vs f_hessian times u", hu[i], expect, 1e-10,
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
                            i, j, name(j), name(i), h[i][j], d2, d1, at));
                }
            }
        }
    }

    /**
     * Every generated method called with its array inputs (and their accumulators and tangents)
     * cut to length 1, so that code indexing them past 0 throws part-way through a sweep: whether it
     * throws or returns, the thread's tape must be empty afterwards.
     */
    private void tapeAfterThrow(Random r, String at) throws ReflectiveOperationException {
        if (params.stream().noneMatch(p -> p.kind() == Kind.ARRAY)) {
            return;
        }
        Object[] args = new Object[params.size()];
        List<Object> accs = new ArrayList<>();
        List<Object> dots = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            switch (p.kind()) {
                case SCALAR -> {
                    args[i] = r.nextDouble();
                    accs.add(new double[1]);
                    dots.add(1.0);
                }
                case ARRAY -> {
                    args[i] = new double[] {r.nextDouble()};
                    accs.add(new double[1]);
                    dots.add(new double[] {1.0});
                }
                case FIXED -> args[i] = FIXED_VALUE;
                default -> args[i] = p.intValue();
            }
        }
        Object[] vjpArgs = concat(concat(args, new Object[] {1.0}), accs.toArray());
        Object[] jvpArgs = concat(args, dots.toArray());
        Object[][] calls = {args, args, vjpArgs, jvpArgs, args, jvpArgs};
        Method[] methods = {grad, jacobian, vjp, jvp, hessian, hvp};
        for (int k = 0; k < methods.length; k++) {
            stats.checks++;
            try {
                methods[k].invoke(null, calls[k]);
            } catch (InvocationTargetException e) {
                if (!(e.getCause() instanceof RuntimeException)) {
                    fail("(f) " + methods[k].getName() + " with length-1 arrays threw " + stackTrace(e.getCause()) + at);
                }
            }
            if (!org.cotangent.runtime.Tape.get().isEmpty()) {
                fail("(f) " + methods[k].getName() + " left entries on the thread's tape after it returned or threw"
                        + " (array inputs of length 1)" + at);
                org.cotangent.runtime.Tape.get().clear();
            }
        }
    }

    /** Calls f_vjp with accumulators pre-filled with {@code fill}; returns the flattened accumulators. */
    private double[] vjpInto(Object[] args, Object[] before, double seed, double fill, double value, String at)
            throws ReflectiveOperationException {
        List<double[]> accs = new ArrayList<>();
        for (Param p : params) {
            if (p.kind() == Kind.SCALAR) {
                accs.add(new double[] {fill});
            } else if (p.kind() == Kind.ARRAY) {
                double[] a = new double[p.length()];
                Arrays.fill(a, fill);
                accs.add(a);
            }
        }
        Object[] all = new Object[args.length + 1 + accs.size()];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = seed;
        for (int i = 0; i < accs.size(); i++) {
            all[args.length + 1 + i] = accs.get(i);
        }
        double v = (double) vjp.invoke(null, all);
        unchanged("f_vjp", args, before, at);
        close("f_vjp return value (seed " + seed + ")", v, value, 1e-13, 1e-15, at);
        double[] flat = new double[n];
        int k = 0;
        for (double[] a : accs) {
            for (double e : a) {
                flat[k++] = e;
            }
        }
        return flat;
    }

    // ------------------------------------------------------------------------------------------

    private interface VectorFunction {
        double[] apply(double[] x) throws ReflectiveOperationException;
    }

    /**
     * Central differences of {@code F} along each coordinate, Richardson-extrapolated, at steps
     * {@code H} (index 0) and {@code H/2} (index 1): {@code result[level][j * m + i] = d F_i / d x_j}.
     */
    private double[][] richardson(VectorFunction fn, double[] x) throws ReflectiveOperationException {
        int m = -1;
        double[][] out = new double[2][];
        for (int j = 0; j < n; j++) {
            double[][] c = new double[3][];
            for (int level = 0; level < 3; level++) {
                double h = H / (1 << level);
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[j] += h;
                xm[j] -= h;
                double[] fp = fn.apply(xp);
                double[] fm = fn.apply(xm);
                c[level] = new double[fp.length];
                for (int i = 0; i < fp.length; i++) {
                    c[level][i] = (fp[i] - fm[i]) / (xp[j] - xm[j]);
                }
            }
            if (m < 0) {
                m = c[0].length;
                out[0] = new double[n * m];
                out[1] = new double[n * m];
            }
            for (int i = 0; i < m; i++) {
                out[0][j * m + i] = (4 * c[1][i] - c[0][i]) / 3;
                out[1][j * m + i] = (4 * c[2][i] - c[1][i]) / 3;
            }
        }
        return out;
    }

    private double primal(double[] x) throws ReflectiveOperationException {
        return (double) f.invoke(null, args(x));
    }

    private double[] primalVector(double[] x) throws ReflectiveOperationException {
        return new double[] {primal(x)};
    }

    private double[] gradientVector(double[] x) throws ReflectiveOperationException {
        return flattenRecord(grad.invoke(null, args(x)));
    }

    private double[] flattenRecord(Object g) throws ReflectiveOperationException {
        RecordComponent[] comps = g.getClass().getRecordComponents();
        double[] out = new double[n];
        int k = 0;
        for (int c = 1; c < comps.length; c++) {
            Object comp = comps[c].getAccessor().invoke(g);
            if (comp instanceof Double d) {
                out[k++] = d;
            } else {
                for (double e : (double[]) comp) {
                    out[k++] = e;
                }
            }
        }
        return out;
    }

    /** Fresh argument objects for the flattened point. */
    private Object[] args(double[] x) {
        Object[] a = new Object[params.size()];
        int k = 0;
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            switch (p.kind()) {
                case SCALAR -> a[i] = x[k++];
                case ARRAY -> {
                    a[i] = Arrays.copyOfRange(x, k, k + p.length());
                    k += p.length();
                }
                case FIXED -> a[i] = FIXED_VALUE;
                default -> a[i] = p.intValue();
            }
        }
        return a;
    }

    private Object[] tangents(double[] u) {
        List<Object> t = new ArrayList<>();
        int k = 0;
        for (Param p : params) {
            if (p.kind() == Kind.SCALAR) {
                t.add(u[k++]);
            } else if (p.kind() == Kind.ARRAY) {
                t.add(Arrays.copyOfRange(u, k, k + p.length()));
                k += p.length();
            }
        }
        return t.toArray();
    }

    /** The name of flattened component i: {@code y} or {@code x[2]}. */
    private String name(int i) {
        int k = 0;
        for (Param p : params) {
            if (p.kind() == Kind.SCALAR) {
                if (k == i) {
                    return p.name();
                }
                k++;
            } else if (p.kind() == Kind.ARRAY) {
                if (i < k + p.length()) {
                    return p.name() + "[" + (i - k) + "]";
                }
                k += p.length();
            }
        }
        return "?";
    }

    private void unchanged(String method, Object[] args, Object[] before, String at) {
        stats.checks++;
        if (!org.cotangent.runtime.Tape.get().isEmpty()) {
            fail("(d) " + method + " left entries on the thread's tape" + at);
            org.cotangent.runtime.Tape.get().clear();
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof double[] a && !Arrays.equals(a, (double[]) before[i])) {
                fail("(d) " + method + " modified its input " + i + ": " + Arrays.toString((double[]) before[i])
                        + " became " + Arrays.toString(a) + at);
            }
        }
    }

    private void close(String what, double actual, double expected, double rel, double abs, String at) {
        stats.checks++;
        double tol = rel * Math.max(Math.abs(actual), Math.abs(expected)) + abs;
        boolean ok = Math.abs(actual - expected) <= tol
                || Double.doubleToLongBits(actual) == Double.doubleToLongBits(expected);
        if (!ok) {
            fail(String.format(Locale.ROOT, "%s: got %.17g, expected %.17g%s", what, actual, expected, at));
        }
    }

    private void fail(String message) {
        if (failures.size() < 20) {
            failures.add(message);
        }
    }

    private static Object[] deepCopy(Object[] args) {
        Object[] c = args.clone();
        for (int i = 0; i < c.length; i++) {
            if (c[i] instanceof double[] a) {
                c[i] = a.clone();
            }
        }
        return c;
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double e : v) {
            m = Math.max(m, Math.abs(e));
        }
        return m;
    }

    private static String stackTrace(Throwable t) {
        StringBuilder sb = new StringBuilder(String.valueOf(t));
        StackTraceElement[] st = t.getStackTrace();
        for (int i = 0; i < Math.min(st.length, 8); i++) {
            sb.append("\n        at ").append(st[i]);
        }
        return sb.toString();
    }
}
