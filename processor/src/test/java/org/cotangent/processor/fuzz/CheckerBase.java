package org.cotangent.processor.fuzz;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.cotangent.processor.fuzz.ProgramGenerator.Kind;
import org.cotangent.runtime.Tape;

/**
 * What the checkers of scalar and of vector-valued or void methods share: the receiver of an
 * instance method, the flattening of parameters, Richardson-extrapolated differences, tolerant
 * comparisons, the tape and input checks, and the collected failures.
 */
abstract class CheckerBase {
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

    static final double H = 1e-3;
    /** The value of every double parameter outside wrt ({@link Kind#FIXED}). */
    static final double FIXED_VALUE = 0.37;

    final Layout layout;
    final int n;
    /** The receiver of an instance method {@code f}, or null: generated methods take it first. */
    final Object receiver;
    final Method f;
    final List<String> failures = new ArrayList<>();
    final Stats stats = new Stats();

    CheckerBase(Class<?> program, List<ProgramGenerator.Param> params, boolean instance)
            throws ReflectiveOperationException {
        this.layout = new Layout(params, program);
        this.n = layout.size();
        this.f = program.getDeclaredMethod("f", layout.types().toArray(new Class<?>[0]));
        this.f.setAccessible(true);
        if (instance) {
            java.lang.reflect.Constructor<?> c = program.getDeclaredConstructor();
            c.setAccessible(true);
            this.receiver = c.newInstance();
        } else {
            this.receiver = null;
        }
    }

    List<String> failures() {
        return failures;
    }

    Stats stats() {
        return stats;
    }

    abstract void checkAt(double[] x, Random r, boolean withSecondOrder);

    /** A generated method's parameter types: the receiver first for an instance method. */
    Class<?>[] signature(List<Class<?>> types) {
        List<Class<?>> all = new ArrayList<>();
        if (receiver != null) {
            all.add(receiver.getClass());
        }
        all.addAll(types);
        return all.toArray(new Class<?>[0]);
    }

    /** A generated method, or null if the class has none of that signature. */
    static Method optional(Class<?> derivatives, String name, Class<?>[] types) {
        try {
            return derivatives.getMethod(name, types);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** Calls a generated (static) method, with the receiver first for an instance method. */
    Object call(Method m, Object... args) throws ReflectiveOperationException {
        if (receiver == null) {
            return m.invoke(null, args);
        }
        Object[] all = new Object[args.length + 1];
        all[0] = receiver;
        System.arraycopy(args, 0, all, 1, args.length);
        return m.invoke(null, all);
    }

    /** Calls the user's {@code f}. */
    Object primalCall(Object[] args) throws ReflectiveOperationException {
        return f.invoke(receiver, args);
    }

    interface VectorFunction {
        double[] apply(double[] x) throws ReflectiveOperationException;
    }

    /**
     * Central differences of {@code F} along each coordinate, Richardson-extrapolated, at steps
     * {@code H} (index 0) and {@code H/2} (index 1): {@code result[level][j * m + i] = d F_i / d x_j}.
     */
    double[][] richardson(VectorFunction fn, double[] x) throws ReflectiveOperationException {
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

    /**
     * Inputs unchanged by a generated method (except {@code writtenIndex}, or -1), and the thread's
     * tape left empty.
     */
    void unchanged(String method, Object[] args, Object[] before, String at, int writtenIndex) {
        stats.checks++;
        if (!Tape.get().isEmpty()) {
            fail("(d) " + method + " left entries on the thread's tape" + at);
            Tape.get().clear();
        }
        for (int i = 0; i < args.length; i++) {
            if (i != writtenIndex && !Layout.same(args[i], before[i])) {
                fail("(d) " + method + " modified its input " + i + ": " + Arrays.deepToString(new Object[] {before[i]})
                        + " became " + Arrays.deepToString(new Object[] {args[i]}) + at);
            }
        }
    }

    void unchanged(String method, Object[] args, Object[] before, String at) {
        unchanged(method, args, before, at, -1);
    }

    /**
     * Every given generated method called with its array inputs (and their accumulators and
     * tangents) cut to length 1, so that code indexing them past 0 throws part-way through a sweep:
     * whether it throws or returns, the thread's tape must be empty afterwards.
     */
    void tapeAfterThrow(Random r, String at, Method[] methods, ArgumentsForm[] forms)
            throws ReflectiveOperationException {
        if (layout.params().stream().noneMatch(p -> p.kind() == Kind.ARRAY || p.kind() == Kind.MATRIX)) {
            return;
        }
        List<ProgramGenerator.Param> cut = new ArrayList<>();
        for (ProgramGenerator.Param p : layout.params()) {
            cut.add(p.kind() == Kind.ARRAY || p.kind() == Kind.MATRIX
                    ? new ProgramGenerator.Param(p.name(), p.kind(), 1, 1) : p);
        }
        Layout small = layout.with(cut);
        double[] x = new double[small.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble();
        }
        for (int k = 0; k < methods.length; k++) {
            if (methods[k] == null) {
                continue;
            }
            stats.checks++;
            try {
                call(methods[k], forms[k].arguments(small, x));
            } catch (InvocationTargetException e) {
                if (!(e.getCause() instanceof RuntimeException)) {
                    fail("(f) " + methods[k].getName() + " with length-1 arrays threw " + stackTrace(e.getCause()) + at);
                }
            }
            if (!Tape.get().isEmpty()) {
                fail("(f) " + methods[k].getName() + " left entries on the thread's tape after it returned or threw"
                        + " (array inputs of length 1)" + at);
                Tape.get().clear();
            }
        }
    }

    /** The arguments of one generated method for a layout and a point. */
    interface ArgumentsForm {
        Object[] arguments(Layout layout, double[] x);
    }

    static Object[] concat(Object[] a, Object[] b) {
        Object[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    void close(String what, double actual, double expected, double rel, double abs, String at) {
        stats.checks++;
        double tol = rel * Math.max(Math.abs(actual), Math.abs(expected)) + abs;
        boolean ok = Math.abs(actual - expected) <= tol
                || Double.doubleToLongBits(actual) == Double.doubleToLongBits(expected);
        if (!ok) {
            fail(String.format(Locale.ROOT, "%s: got %.17g, expected %.17g%s", what, actual, expected, at));
        }
    }

    void fail(String message) {
        if (failures.size() < 20) {
            failures.add(message);
        }
    }

    static double maxAbs(double[] v) {
        double m = 0;
        for (double e : v) {
            m = Math.max(m, Math.abs(e));
        }
        return m;
    }

    static String stackTrace(Throwable t) {
        StringBuilder sb = new StringBuilder(String.valueOf(t));
        StackTraceElement[] st = t.getStackTrace();
        for (int i = 0; i < Math.min(st.length, 8); i++) {
            sb.append("\n        at ").append(st[i]);
        }
        return sb.toString();
    }
}
