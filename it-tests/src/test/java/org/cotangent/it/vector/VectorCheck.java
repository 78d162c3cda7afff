package org.cotangent.it.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.cotangent.runtime.DualVector;

/**
 * Checks of the code generated for a vector-valued {@code @Differentiable double[] g(...)}, found by
 * reflection: {@code g_jacobian}, {@code g_jvp} and {@code g_vjp} in {@code <Owner>Derivatives}.
 *
 * <p>A point is the full argument list of one call, in declaration order: {@code Double},
 * {@code Integer}, {@code double[]}, {@code double[][]}. The wrt parameters are named explicitly (the
 * annotation has class retention) and located through the primal's parameter names (the module is
 * compiled with {@code -parameters}). The flat input vector x concatenates the wrt parameters in
 * declaration order, row-major for matrices, as the SPEC's Jacobians section says. For an instance
 * method the point starts with the receiver, as the generated methods' parameters do.
 */
final class VectorCheck {
    /** Value every accumulator element holds before a {@code _vjp} call. */
    static final double PREFILL = 0.25;
    /** Relative tolerance of the Jacobian against Richardson-extrapolated central differences. */
    static final double FD_REL_TOL = 1e-6;
    /** Relative tolerance between two exact derivative computations (forward vs reverse, J u vs jvp). */
    static final double EXACT_REL_TOL = 1e-10;
    /** Relative tolerance of what {@code _vjp} adds against the reverse-mode rows. */
    static final double VJP_REL_TOL = 1e-12;

    private VectorCheck() {
    }

    /** What one point produced, for further checks by hand. */
    record Result(double[] value, double[][] jacobian) {
    }

    /** Runs {@link #check} at each point; at least two points. */
    static List<Result> checkAll(Class<?> owner, String method, String wrt, Object[]... points) {
        assertTrue(points.length >= 2, "at least two points");
        List<Result> results = new ArrayList<>();
        for (Object[] point : points) {
            results.add(check(owner, method, wrt, point));
        }
        return results;
    }

    /**
     * At one point:
     * <ul>
     * <li>the primal leaves its arguments unchanged and returns a finite vector of length m;</li>
     * <li>{@code g_jacobian} is m x n, with fresh rows, leaves the arguments unchanged, is
     * deterministic across calls, and matches Richardson-extrapolated central differences of the
     * primal column by column (see {@link #richardson}) (relative {@link #FD_REL_TOL});</li>
     * <li>{@code g_vjp} with unit seeds (zeroed accumulators) gives the rows of J by reverse mode,
     * which match {@code g_jacobian} (relative {@link #EXACT_REL_TOL});</li>
     * <li>{@code g_vjp} with a random seed v returns the primal exactly and adds v^T J into
     * accumulators pre-filled with {@link #PREFILL} (relative {@link #VJP_REL_TOL} against the
     * reverse-mode rows), leaving the arguments and the seed unchanged;</li>
     * <li>{@code g_jvp} along a random u (component j scaled by max(|x_j|, 1/8)) returns the primal exactly and J u (relative
     * {@link #EXACT_REL_TOL} against {@code g_jacobian}, {@link #FD_REL_TOL} against a
     * Richardson difference along u), leaving the arguments and the tangents unchanged;</li>
     * <li>the dot-product test {@code <v, jvp(u)> == <vjp(v), u>} (relative {@link #EXACT_REL_TOL}).</li>
     * </ul>
     */
    static Result check(Class<?> owner, String method, String wrt, Object... point) {
        Subject s = new Subject(owner, method, wrt, point.length);
        String where = owner.getSimpleName() + "." + method + " at " + describe(point);
        int[] pos = s.positions;
        double[] x = flatten(point, pos);
        int n = x.length;

        // primal
        Object[] args = deepCopy(point);
        double[] y = (double[]) s.call(s.primal, args, where);
        assertSameArgs(point, args, where + ": the primal modifies its arguments (the test assumes it does not)");
        assertNotNull(y, where + ": null primal");
        int m = y.length;
        for (double yi : y) {
            assertTrue(Double.isFinite(yi), where + ": test point outside the domain: " + Arrays.toString(y));
        }

        // jacobian
        args = deepCopy(point);
        double[][] jac = (double[][]) s.call(s.jacobian, args, where + ": _jacobian");
        assertSameArgs(point, args, where + ": after _jacobian");
        assertEquals(m, jac.length, where + ": _jacobian rows (m)");
        for (int i = 0; i < m; i++) {
            assertEquals(n, jac[i].length, where + ": _jacobian row " + i + " length (n)");
            for (int i2 = 0; i2 < i; i2++) {
                assertNotSame(jac[i2], jac[i], where + ": _jacobian rows " + i2 + " and " + i + " are one array");
            }
        }
        double[][] again = (double[][]) s.call(s.jacobian, deepCopy(point), where + ": _jacobian");
        assertTrue(Arrays.deepEquals(jac, again), where + ": a second _jacobian call differs from the first");

        // finite differences, column by column
        double[] rowScale = new double[m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                rowScale[i] = Math.max(rowScale[i], Math.abs(jac[i][j]));
            }
        }
        for (int j = 0; j < n; j++) {
            double[] e = new double[n];
            e[j] = 1;
            double h = 0x1p-10 * Math.max(Math.abs(x[j]), 0.125);
            double[] column = richardson(s, point, x, e, h, where);
            for (int i = 0; i < m; i++) {
                double tol = FD_REL_TOL * Math.abs(jac[i][j]) + 1e-9 * (1 + Math.abs(y[i]) + rowScale[i]);
                if (!(Math.abs(column[i] - jac[i][j]) <= tol)) {
                    fail(where + ": J[" + i + "][" + j + "] = " + jac[i][j] + " but finite differences give "
                            + column[i] + " (input " + s.label(point, j) + ")");
                }
            }
        }

        // reverse mode, row by row: g_vjp with unit seeds and zeroed accumulators
        double[][] rows = new double[m][];
        for (int i = 0; i < m; i++) {
            double[] seed = new double[m];
            seed[i] = 1;
            Object[] acc = accumulators(point, pos, 0.0);
            double[] returned = (double[]) s.call(s.vjp, s.vjpArgs(deepCopy(point), seed, acc), where + ": _vjp");
            assertArrayEquals(y, returned, 0.0, where + ": _vjp return value differs from the primal");
            rows[i] = flattenAll(acc);
            assertEquals(n, rows[i].length, where + ": accumulator sizes");
            for (int j = 0; j < n; j++) {
                double tol = EXACT_REL_TOL * (Math.abs(jac[i][j]) + rowScale[i]) + Double.MIN_NORMAL;
                if (!(Math.abs(rows[i][j] - jac[i][j]) <= tol)) {
                    fail(where + ": reverse mode (_vjp with seed e_" + i + ") gives d out_" + i + "/d "
                            + s.label(point, j) + " = " + rows[i][j] + " but _jacobian has " + jac[i][j]);
                }
            }
        }

        Random random = new Random(where.hashCode());
        double[] u = new double[n];
        for (int j = 0; j < n; j++) {
            // scaled like the inputs, so one difference step suits every component
            u[j] = (2 * random.nextDouble() - 1) * Math.max(Math.abs(x[j]), 0.125);
        }
        double[] v = new double[m];
        for (int i = 0; i < m; i++) {
            v[i] = 2 * random.nextDouble() - 1;
        }

        // g_vjp with a random seed into pre-filled accumulators
        args = deepCopy(point);
        double[] seed = v.clone();
        Object[] acc = accumulators(point, pos, PREFILL);
        double[] returned = (double[]) s.call(s.vjp, s.vjpArgs(args, seed, acc), where + ": _vjp");
        assertArrayEquals(y, returned, 0.0, where + ": _vjp return value differs from the primal");
        assertNotSame(returned, seed, where + ": _vjp returned the seed");
        assertSameArgs(point, args, where + ": after _vjp");
        assertArrayEquals(v, seed, 0.0, where + ": _vjp modified the seed");
        double[] added = flattenAll(acc);
        for (int j = 0; j < n; j++) {
            double expected = PREFILL;
            double scale = PREFILL;
            for (int i = 0; i < m; i++) {
                expected += v[i] * rows[i][j];
                scale += Math.abs(v[i] * rows[i][j]);
            }
            if (!(Math.abs(added[j] - expected) <= VJP_REL_TOL * scale)) {
                fail(where + ": _vjp accumulator " + s.label(point, j) + " is " + added[j] + ", expected "
                        + PREFILL + " + (v^T J)_" + j + " = " + expected);
            }
        }

        // g_jvp along u
        args = deepCopy(point);
        Object[] tangents = shaped(point, pos, u);
        Object[] tangentsCopy = deepCopy(tangents);
        DualVector dual = (DualVector) s.call(s.jvp, concat(args, tangents), where + ": _jvp");
        assertSameArgs(point, args, where + ": after _jvp");
        assertSameArgs(tangentsCopy, tangents, where + ": _jvp modified its tangents");
        assertArrayEquals(y, dual.value(), 0.0, where + ": _jvp value differs from the primal");
        double[] ju = dual.tangent();
        assertEquals(m, ju.length, where + ": _jvp tangent length");
        double[] directional = richardson(s, point, x, u, 0x1p-10, where);
        for (int i = 0; i < m; i++) {
            double expected = 0;
            double scale = 0;
            for (int j = 0; j < n; j++) {
                expected += jac[i][j] * u[j];
                scale += Math.abs(jac[i][j] * u[j]);
            }
            if (!(Math.abs(ju[i] - expected) <= EXACT_REL_TOL * scale + Double.MIN_NORMAL)) {
                fail(where + ": _jvp tangent " + i + " is " + ju[i] + " but (J u)_" + i + " = " + expected);
            }
            double tol = FD_REL_TOL * Math.abs(ju[i]) + 1e-9 * (1 + Math.abs(y[i]) + scale);
            if (!(Math.abs(ju[i] - directional[i]) <= tol)) {
                fail(where + ": _jvp tangent " + i + " is " + ju[i] + " but a difference along u gives "
                        + directional[i]);
            }
        }

        // dot-product test between _jvp and _vjp (accumulators from zero)
        Object[] zeroAcc = accumulators(point, pos, 0.0);
        s.call(s.vjp, s.vjpArgs(deepCopy(point), v.clone(), zeroAcc), where + ": _vjp");
        double[] jtv = flattenAll(zeroAcc);
        double left = 0;
        double right = 0;
        double scale = 0;
        for (int i = 0; i < m; i++) {
            left += v[i] * ju[i];
        }
        for (int j = 0; j < n; j++) {
            right += jtv[j] * u[j];
            for (int i = 0; i < m; i++) {
                scale += Math.abs(v[i] * jac[i][j] * u[j]);
            }
        }
        if (!(Math.abs(left - right) <= EXACT_REL_TOL * scale + Double.MIN_NORMAL)) {
            fail(where + ": dot-product test: <v, J u> = " + left + " but <J^T v, u> = " + right);
        }
        return new Result(y, jac);
    }

    /**
     * The derivative of the primal along direction d: Richardson extrapolations R(h) = (4 D(h/2) - D(h)) / 3
     * of central differences D, for h = h0, h0 / 4, ..., h0 / 4^4 (h0, h0 / 4 for more than 200 inputs); per output, the estimate that agrees
     * best with the one at the previous (four times larger) step, so a strongly nonlinear output gets a
     * smaller step while a mildly nonlinear one keeps a step large enough for little rounding error.
     */
    private static double[] richardson(Subject s, Object[] point, double[] x, double[] d, double h0, String where) {
        double[] previous = null;
        double[] best = null;
        double[] bestGap = null;
        double h = h0;
        // many inputs: fewer steps, to keep the n columns affordable
        int levels = x.length > 200 ? 2 : 5;
        for (int k = 0; k < levels; k++, h /= 4) {
            double[] big = central(s, point, x, d, h, where);
            double[] small = central(s, point, x, d, h / 2, where);
            double[] r = new double[big.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = (4 * small[i] - big[i]) / 3;
            }
            if (previous == null) {
                best = r.clone();
                bestGap = new double[r.length];
                Arrays.fill(bestGap, Double.POSITIVE_INFINITY);
            } else {
                for (int i = 0; i < r.length; i++) {
                    double gap = Math.abs(r[i] - previous[i]);
                    if (gap < bestGap[i]) {
                        bestGap[i] = gap;
                        best[i] = r[i];
                    }
                }
            }
            previous = r;
        }
        return best;
    }

    private static double[] central(Subject s, Object[] point, double[] x, double[] d, double h, String where) {
        double[] up = x.clone();
        double[] down = x.clone();
        for (int j = 0; j < x.length; j++) {
            up[j] += h * d[j];
            down[j] -= h * d[j];
        }
        double[] fu = (double[]) s.call(s.primal, with(point, s.positions, up), where);
        double[] fd = (double[]) s.call(s.primal, with(point, s.positions, down), where);
        double[] r = new double[fu.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (fu[i] - fd[i]) / (2 * h);
        }
        return r;
    }

    /** The methods of one subject. */
    private static final class Subject {
        final Method primal;
        final Method jacobian;
        final Method jvp;
        final Method vjp;
        final int[] positions;
        final String[] names;
        final boolean instance;

        Subject(Class<?> owner, String method, String wrt, int arity) {
            Method m = tryFind(owner, method, arity);
            if (m == null || !java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                // an instance method: the point starts with the receiver
                m = find(owner, method, arity - 1);
                assertTrue(!java.lang.reflect.Modifier.isStatic(m.getModifiers()), method + " is static");
            }
            primal = m;
            instance = !java.lang.reflect.Modifier.isStatic(m.getModifiers());
            List<String> all = new ArrayList<>();
            if (instance) {
                all.add("self");
            }
            for (Parameter p : primal.getParameters()) {
                all.add(p.getName());
            }
            names = all.toArray(String[]::new);
            for (Parameter p : primal.getParameters()) {
                assertTrue(p.isNamePresent(), "compile with -parameters");
            }
            String[] w = wrt.trim().split(" +");
            positions = new int[w.length];
            for (int k = 0; k < w.length; k++) {
                positions[k] = Arrays.asList(names).indexOf(w[k]);
                assertTrue(positions[k] >= 0, "no parameter " + w[k]);
            }
            Class<?> derivatives;
            try {
                String pkg = owner.getPackageName();
                String nested = owner.getName().substring(pkg.length() + 1).replace('$', '_');
                derivatives = Class.forName(pkg + "." + nested + "Derivatives");
            } catch (ClassNotFoundException e) {
                throw new AssertionError("no " + owner.getName() + "Derivatives", e);
            }
            jacobian = find(derivatives, method + "_jacobian", arity);
            jvp = find(derivatives, method + "_jvp", arity + w.length);
            vjp = find(derivatives, method + "_vjp", arity + 1 + w.length);
            assertEquals(double[][].class, jacobian.getReturnType(), method + "_jacobian return type");
            assertEquals(DualVector.class, jvp.getReturnType(), method + "_jvp return type");
            assertEquals(double[].class, vjp.getReturnType(), method + "_vjp return type");
            Class<?>[] pt = primal.getParameterTypes();
            if (instance) {
                Class<?>[] withSelf = new Class<?>[pt.length + 1];
                withSelf[0] = owner;
                System.arraycopy(pt, 0, withSelf, 1, pt.length);
                pt = withSelf;
                assertEquals("self", jacobian.getParameters()[0].getName(), method + "_jacobian receiver name");
            }
            assertArrayEquals(pt, jacobian.getParameterTypes(), method + "_jacobian parameters");
            for (int k = 0; k < w.length; k++) {
                Class<?> type = pt[positions[k]];
                assertEquals(type, jvp.getParameterTypes()[arity + k], method + "_jvp tangent " + w[k]);
                assertEquals(w[k] + "_dot", jvp.getParameters()[arity + k].getName(), method + "_jvp tangent name");
                Class<?> accType = type == double.class ? double[].class : type;
                assertEquals(accType, vjp.getParameterTypes()[arity + 1 + k], method + "_vjp accumulator " + w[k]);
            }
            assertEquals(double[].class, vjp.getParameterTypes()[arity], method + "_vjp seed");
        }

        Object[] vjpArgs(Object[] args, double[] seed, Object[] acc) {
            Object[] all = new Object[args.length + 1 + acc.length];
            System.arraycopy(args, 0, all, 0, args.length);
            all[args.length] = seed;
            System.arraycopy(acc, 0, all, args.length + 1, acc.length);
            return all;
        }

        Object call(Method m, Object[] args, String where) {
            try {
                if (m == primal && instance) {
                    return m.invoke(args[0], Arrays.copyOfRange(args, 1, args.length));
                }
                return m.invoke(null, args);
            } catch (InvocationTargetException e) {
                throw new AssertionError(where + ": " + m.getName() + " threw " + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(where + ": calling " + m.getName(), e);
            }
        }

        /** The name of flat input j: parameter name and index. */
        String label(Object[] point, int j) {
            int at = 0;
            for (int k = 0; k < positions.length; k++) {
                Object p = point[positions[k]];
                int size = size(p);
                if (j < at + size) {
                    String name = names[positions[k]];
                    if (p instanceof Double) {
                        return name;
                    }
                    if (p instanceof double[]) {
                        return name + "[" + (j - at) + "]";
                    }
                    double[][] a = (double[][]) p;
                    int r = 0;
                    int left = j - at;
                    while (left >= a[r].length) {
                        left -= a[r].length;
                        r++;
                    }
                    return name + "[" + r + "][" + left + "]";
                }
                at += size;
            }
            return "input " + j;
        }

        private static Method find(Class<?> type, String name, int arity) {
            Method found = tryFind(type, name, arity);
            if (found == null) {
                fail("no method " + type.getSimpleName() + "." + name + " with " + arity + " parameters");
            }
            return found;
        }

        private static Method tryFind(Class<?> type, String name, int arity) {
            Method found = null;
            for (Method m : type.getDeclaredMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == arity) {
                    assertTrue(found == null, "two methods " + name + " with " + arity + " parameters");
                    found = m;
                }
            }
            if (found != null) {
                found.setAccessible(true);
            }
            return found;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Arguments

    static int size(Object p) {
        if (p instanceof Double) {
            return 1;
        }
        if (p instanceof double[] a) {
            return a.length;
        }
        int s = 0;
        for (double[] row : (double[][]) p) {
            s += row.length;
        }
        return s;
    }

    static double[] flatten(Object[] point, int[] positions) {
        Object[] parts = new Object[positions.length];
        for (int k = 0; k < positions.length; k++) {
            parts[k] = point[positions[k]];
        }
        return flattenAll(parts);
    }

    /** Doubles, double[]s and double[][]s flattened in order, row-major. */
    static double[] flattenAll(Object[] parts) {
        int n = 0;
        for (Object p : parts) {
            n += size(p);
        }
        double[] flat = new double[n];
        int at = 0;
        for (Object p : parts) {
            if (p instanceof Double d) {
                flat[at++] = d;
            } else if (p instanceof double[] a) {
                System.arraycopy(a, 0, flat, at, a.length);
                at += a.length;
            } else {
                for (double[] row : (double[][]) p) {
                    System.arraycopy(row, 0, flat, at, row.length);
                    at += row.length;
                }
            }
        }
        return flat;
    }

    /** The wrt parameters' shapes filled from a flat vector, in order. */
    static Object[] shaped(Object[] point, int[] positions, double[] flat) {
        Object[] parts = new Object[positions.length];
        int at = 0;
        for (int k = 0; k < positions.length; k++) {
            Object p = point[positions[k]];
            if (p instanceof Double) {
                parts[k] = flat[at++];
            } else if (p instanceof double[] a) {
                parts[k] = Arrays.copyOfRange(flat, at, at + a.length);
                at += a.length;
            } else {
                double[][] a = (double[][]) p;
                double[][] b = new double[a.length][];
                for (int r = 0; r < a.length; r++) {
                    b[r] = Arrays.copyOfRange(flat, at, at + a[r].length);
                    at += a[r].length;
                }
                parts[k] = b;
            }
        }
        return parts;
    }

    /** A copy of the point with the wrt parameters replaced by the flat vector x. */
    static Object[] with(Object[] point, int[] positions, double[] x) {
        Object[] args = deepCopy(point);
        Object[] parts = shaped(point, positions, x);
        for (int k = 0; k < positions.length; k++) {
            args[positions[k]] = parts[k];
        }
        return args;
    }

    /** One accumulator per wrt parameter, filled with {@code fill}: double[1] for a double. */
    static Object[] accumulators(Object[] point, int[] positions, double fill) {
        double[] flat = new double[flatten(point, positions).length];
        Arrays.fill(flat, fill);
        Object[] parts = shaped(point, positions, flat);
        for (int k = 0; k < parts.length; k++) {
            if (parts[k] instanceof Double d) {
                parts[k] = new double[] {d};
            }
        }
        return parts;
    }

    static Object[] deepCopy(Object[] point) {
        Object[] copy = new Object[point.length];
        for (int k = 0; k < point.length; k++) {
            Object p = point[k];
            if (p instanceof double[] a) {
                copy[k] = a.clone();
            } else if (p instanceof double[][] a) {
                double[][] b = new double[a.length][];
                for (int r = 0; r < a.length; r++) {
                    b[r] = a[r].clone();
                }
                copy[k] = b;
            } else {
                copy[k] = p;
            }
        }
        return copy;
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static void assertSameArgs(Object[] expected, Object[] actual, String where) {
        for (int k = 0; k < expected.length; k++) {
            if (!Arrays.deepEquals(new Object[] {expected[k]}, new Object[] {actual[k]})) {
                fail(where + ": argument " + k + " was " + Arrays.deepToString(new Object[] {expected[k]})
                        + " and is now " + Arrays.deepToString(new Object[] {actual[k]}));
            }
        }
    }

    static String describe(Object[] point) {
        String s = Arrays.deepToString(point);
        return s.length() <= 200 ? s : s.substring(0, 200) + "...]";
    }

    // ---------------------------------------------------------------------------------------------
    // Point builders

    static Object[] at(Object... args) {
        return args;
    }

    static double[] vec(double... v) {
        return v;
    }

    /** n values, deterministic, uniform in [lo, hi). */
    static double[] random(int n, double lo, double hi, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = lo + (hi - lo) * r.nextDouble();
        }
        return v;
    }
}
