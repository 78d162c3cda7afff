package org.cotangent.it.scalar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.cotangent.runtime.GradCheck;

/**
 * Checks shared by the scalar tests and, through {@link #arrays}, by the tests of methods with array
 * parameters (package {@code org.cotangent.it.loops}). For {@link #scalar} a point {@code x} holds
 * the values of the wrt parameters, in declaration order; other parameters are fixed by the lambdas.
 * For {@link #arrays} a point is an {@link Args}: every parameter of the call, by name.
 */
public final class Check {
    /** Seed passed to every {@code _vjp}. */
    public static final double SEED = 2.5;
    /** Value accumulators hold before a {@code _vjp} call. */
    public static final double PREFILL = 0.25;
    /** Relative tolerance of a {@code _vjp} accumulator against {@code PREFILL + SEED * gradient}. */
    public static final double VJP_REL_TOL = 1e-12;

    private Check() {
    }

    /** Calls a generated {@code f_vjp}: {@code acc[i]} is the one-element accumulator of wrt parameter i. */
    @FunctionalInterface
    interface Vjp {
        double call(double[] x, double seed, double[][] acc);
    }

    /**
     * For every point: {@code f_grad}'s value equals the primal, its gradient matches finite
     * differences ({@link GradCheck} defaults), and {@code f_vjp} returns the primal and adds
     * {@code SEED * gradient} to accumulators that held {@code PREFILL}.
     *
     * @param method the user's method name (the record must be named after it)
     * @param wrt the wrt parameter names, space separated (the record components after value)
     */
    static void scalar(String method, String wrt, ToDoubleFunction<double[]> f,
                       Function<double[], Record> grad, Vjp vjp, double[]... points) {
        assertTrue(points.length >= 3, "at least three points");
        for (double[] x : points) {
            String where = method + " at " + Arrays.toString(x);
            double primal = f.applyAsDouble(x);
            assertTrue(Double.isFinite(primal), where + ": test point outside the domain");
            assertSmooth(f, x, where);

            double[] g = components(grad.apply(x.clone()), method, wrt);
            assertEquals(primal, g[0], 0.0, where + ": _grad value differs from the primal");
            double[] gradient = Arrays.copyOfRange(g, 1, g.length);
            assertEquals(x.length, gradient.length, where + ": point and gradient sizes");
            GradCheck.Result result = GradCheck.check(f, x, gradient);
            assertTrue(result.passed(), () -> where + ": " + result);

            checkVjp(vjp, x, primal, gradient, where);
            checkScalarJvp(grad.apply(x.clone()), method, x, primal, gradient, where);
        }
    }

    /**
     * At one point, typically a kink: {@code f_grad} gives exactly {@code expected} (worked out by
     * hand, e.g. from the SPEC conventions) and {@code f_vjp} adds {@code SEED * expected}.
     */
    static void exact(String method, String wrt, ToDoubleFunction<double[]> f,
                     Function<double[], Record> grad, Vjp vjp, double[] x, double... expected) {
        String where = method + " at " + Arrays.toString(x);
        double primal = f.applyAsDouble(x);
        double[] g = components(grad.apply(x.clone()), method, wrt);
        assertEquals(primal, g[0], 0.0, where + ": _grad value differs from the primal");
        double[] gradient = Arrays.copyOfRange(g, 1, g.length);
        assertArrayEquals(expected, gradient, 0.0, where + ": gradient " + Arrays.toString(gradient));
        checkVjp(vjp, x, primal, expected, where);
    }

    private static void checkVjp(Vjp vjp, double[] x, double primal, double[] gradient, String where) {
        double[][] acc = new double[gradient.length][];
        for (int i = 0; i < acc.length; i++) {
            acc[i] = new double[] {PREFILL};
        }
        double returned = vjp.call(x.clone(), SEED, acc);
        assertEquals(primal, returned, 0.0, where + ": _vjp return value differs from the primal");
        for (int i = 0; i < acc.length; i++) {
            double expected = PREFILL + SEED * gradient[i];
            double actual = acc[i][0];
            double tol = VJP_REL_TOL * (PREFILL + Math.abs(SEED * gradient[i]));
            if (!(expected == actual || Math.abs(expected - actual) <= tol)) {
                fail(where + ": _vjp accumulator " + i + " is " + actual + ", expected " + PREFILL
                        + " + " + SEED + " * " + gradient[i] + " = " + expected);
            }
        }
    }

    /**
     * The gradient record's components as {value, d/dw1, ...}, after checking its name and its
     * components' names and types against the SPEC.
     */
    static double[] components(Record record, String method, String wrt) {
        Class<?> type = record.getClass();
        String recordName = Character.toUpperCase(method.charAt(0)) + method.substring(1) + "Gradient";
        assertEquals(recordName, type.getSimpleName(), "gradient record name");
        RecordComponent[] rc = type.getRecordComponents();
        String[] names = ("value " + wrt).trim().split(" +");
        assertEquals(Arrays.toString(names),
                Arrays.toString(Arrays.stream(rc).map(RecordComponent::getName).toArray()),
                recordName + " components");
        double[] values = new double[rc.length];
        for (int i = 0; i < rc.length; i++) {
            assertEquals(double.class, rc[i].getType(), recordName + "." + rc[i].getName() + " type");
            try {
                values[i] = (double) rc[i].getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        return values;
    }

    /**
     * Guards the test itself: GradCheck's difference (steps near 2^-10) and a plain central
     * difference with a much smaller step agree, so no kink or branch boundary lies near x.
     */
    private static void assertSmooth(ToDoubleFunction<double[]> f, double[] x, String where) {
        double[] coarse = GradCheck.centralDifference(f, x);
        double[] point = x.clone();
        for (int i = 0; i < x.length; i++) {
            double h = 0x1p-20 * Math.max(1.0, Math.abs(x[i]));
            point[i] = x[i] + h;
            double up = f.applyAsDouble(point);
            point[i] = x[i] - h;
            double down = f.applyAsDouble(point);
            point[i] = x[i];
            double fine = (up - down) / (2 * h);
            double tol = 1e-6 + 1e-4 * Math.max(Math.abs(fine), Math.abs(coarse[i]));
            assertTrue(Math.abs(fine - coarse[i]) <= tol, where + ": bad test point, finite differences disagree"
                    + " in component " + i + " (" + coarse[i] + " vs " + fine + "): a kink is near");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Methods with array parameters

    /** Calls a generated {@code f_vjp}: {@code acc} holds one accumulator per wrt parameter, in order. */
    @FunctionalInterface
    public interface ArrayVjp {
        double call(Args args, double seed, Args acc);
    }

    /**
     * The arguments of one call, by name and in declaration order: {@code double}, {@code double[]},
     * {@code double[][]} (possibly ragged), {@code int} and {@code int[]}. Accessors take the position.
     * Accumulators passed to an {@link ArrayVjp} are an {@code Args} too, one entry per wrt parameter:
     * a one-element {@code double[]} for a {@code double}, otherwise the parameter's shape.
     */
    public static final class Args {
        private final List<String> names = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();
        private final Set<String> modified = new HashSet<>();

        private Args() {
        }

        public static Args args() {
            return new Args();
        }

        private Args add(String name, Object value) {
            if (names.contains(name)) {
                throw new IllegalArgumentException("duplicate parameter " + name);
            }
            names.add(name);
            values.add(copyOf(value));
            return this;
        }

        public Args d(String name, double value) {
            return add(name, value);
        }

        public Args v(String name, double... value) {
            return add(name, value);
        }

        public Args m(String name, double[][] value) {
            return add(name, value);
        }

        public Args i(String name, int value) {
            return add(name, value);
        }

        public Args ints(String name, int... value) {
            return add(name, value);
        }

        /** Declares that the method itself modifies the last parameter added (so generated code must too). */
        public Args modified() {
            modified.add(names.get(names.size() - 1));
            return this;
        }

        public double d(int position) {
            return (Double) values.get(position);
        }

        public double[] v(int position) {
            return (double[]) values.get(position);
        }

        public double[][] m(int position) {
            return (double[][]) values.get(position);
        }

        public int i(int position) {
            return (Integer) values.get(position);
        }

        public int[] ints(int position) {
            return (int[]) values.get(position);
        }

        /** A deep copy. */
        public Args copy() {
            Args copy = new Args();
            for (int k = 0; k < names.size(); k++) {
                copy.add(names.get(k), values.get(k));
            }
            copy.modified.addAll(modified);
            return copy;
        }

        private int[] positions(String[] wrt) {
            int[] positions = new int[wrt.length];
            for (int k = 0; k < wrt.length; k++) {
                positions[k] = names.indexOf(wrt[k]);
                if (positions[k] < 0) {
                    throw new IllegalArgumentException("no parameter " + wrt[k] + " in " + names);
                }
                if (k > 0 && positions[k] <= positions[k - 1]) {
                    throw new IllegalArgumentException("wrt names out of declaration order: " + Arrays.toString(wrt));
                }
                Object value = values.get(positions[k]);
                if (!(value instanceof Double || value instanceof double[] || value instanceof double[][])) {
                    throw new IllegalArgumentException(wrt[k] + " is not a floating parameter");
                }
            }
            return positions;
        }

        /** The wrt parameters' values flattened in order, row-major for {@code double[][]}. */
        private double[] flatten(int[] positions) {
            List<Object> pieces = new ArrayList<>();
            for (int position : positions) {
                pieces.add(values.get(position));
            }
            return flattenAll(pieces);
        }

        /** A deep copy with the wrt parameters replaced by the flat vector's values. */
        private Args with(int[] positions, double[] flat) {
            Args copy = copy();
            int offset = 0;
            for (int position : positions) {
                Object value = copy.values.get(position);
                if (value instanceof Double) {
                    copy.values.set(position, flat[offset++]);
                } else if (value instanceof double[] vector) {
                    System.arraycopy(flat, offset, vector, 0, vector.length);
                    offset += vector.length;
                } else {
                    for (double[] row : (double[][]) value) {
                        System.arraycopy(flat, offset, row, 0, row.length);
                        offset += row.length;
                    }
                }
            }
            return copy;
        }

        /** Accumulators shaped like the wrt parameters, every element {@code fill}. */
        private Args accumulators(int[] positions, double fill) {
            Args acc = new Args();
            for (int position : positions) {
                Object value = values.get(position);
                Object a;
                if (value instanceof Double) {
                    a = new double[] {fill};
                } else if (value instanceof double[] vector) {
                    double[] filled = new double[vector.length];
                    Arrays.fill(filled, fill);
                    a = filled;
                } else {
                    double[][] matrix = (double[][]) value;
                    double[][] filled = new double[matrix.length][];
                    for (int r = 0; r < matrix.length; r++) {
                        filled[r] = new double[matrix[r].length];
                        Arrays.fill(filled[r], fill);
                    }
                    a = filled;
                }
                acc.add(names.get(position) + "_adj", a);
            }
            return acc;
        }

        /** The name of flat component {@code index}, e.g. {@code w1[1][3]}. */
        private String label(int[] positions, int index) {
            int offset = 0;
            for (int position : positions) {
                Object value = values.get(position);
                String name = names.get(position);
                if (value instanceof Double) {
                    if (index == offset) {
                        return name;
                    }
                    offset++;
                } else if (value instanceof double[] vector) {
                    if (index < offset + vector.length) {
                        return name + "[" + (index - offset) + "]";
                    }
                    offset += vector.length;
                } else {
                    double[][] matrix = (double[][]) value;
                    for (int r = 0; r < matrix.length; r++) {
                        if (index < offset + matrix[r].length) {
                            return name + "[" + r + "][" + (index - offset) + "]";
                        }
                        offset += matrix[r].length;
                    }
                }
            }
            return "#" + index;
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("(");
            for (int k = 0; k < names.size(); k++) {
                Object value = values.get(k);
                text.append(k == 0 ? "" : ", ").append(names.get(k)).append('=');
                if (value instanceof double[] vector) {
                    text.append(Arrays.toString(vector));
                } else if (value instanceof double[][] matrix) {
                    text.append(Arrays.deepToString(matrix));
                } else if (value instanceof int[] ints) {
                    text.append(Arrays.toString(ints));
                } else {
                    text.append(value);
                }
            }
            String full = text.append(')').toString();
            return full.length() <= 400 ? full : full.substring(0, 400) + "...)";
        }

        private static Object copyOf(Object value) {
            if (value instanceof double[] vector) {
                return vector.clone();
            }
            if (value instanceof int[] ints) {
                return ints.clone();
            }
            if (value instanceof double[][] matrix) {
                double[][] copy = matrix.clone();
                for (int r = 0; r < copy.length; r++) {
                    copy[r] = copy[r].clone();
                }
                return copy;
            }
            if (value instanceof Double || value instanceof Integer) {
                return value;
            }
            throw new IllegalArgumentException("unsupported argument " + value);
        }
    }

    /** {@link #arrays(String, String, double, ToDoubleFunction, Function, ArrayVjp, Args...)} with GradCheck's default tolerance. */
    public static List<double[]> arrays(String method, String wrt, ToDoubleFunction<Args> f,
                                        Function<Args, Record> grad, ArrayVjp vjp, Args... points) {
        return arrays(method, wrt, GradCheck.DEFAULT_REL_TOL, f, grad, vjp, points);
    }

    /**
     * For every point:
     * <ul>
     * <li>the primal leaves its arguments unchanged, except those the point declares {@link Args#modified()};</li>
     * <li>{@code f_grad}'s value equals the primal exactly; its record is named after the method, with
     * components {@code value} and the wrt names, each of its parameter's type and shape, freshly
     * allocated; its gradient (flattened over the wrt parameters in declaration order, row-major)
     * matches {@link GradCheck} finite differences of the primal as a function of the flattened
     * vector, with relative tolerance {@code relTol} and GradCheck's default absolute tolerance;</li>
     * <li>{@code f_vjp} returns the primal exactly and adds {@code SEED * gradient} to accumulators
     * that held {@code PREFILL} (relative {@code VJP_REL_TOL});</li>
     * <li>{@code f_grad} and {@code f_vjp} leave their arguments exactly as the primal leaves them.</li>
     * </ul>
     *
     * @param wrt the wrt parameter names, space separated, in declaration order
     * @return the flattened gradients, one per point, for further checks by hand
     */
    public static List<double[]> arrays(String method, String wrt, double relTol, ToDoubleFunction<Args> f,
                                        Function<Args, Record> grad, ArrayVjp vjp, Args... points) {
        assertTrue(points.length >= 2, "at least two points");
        String[] wrtNames = wrt.trim().split(" +");
        List<double[]> gradients = new ArrayList<>();
        for (int p = 0; p < points.length; p++) {
            Args point = points[p].copy();
            String where = method + " at point " + p + " " + point;
            int[] positions = point.positions(wrtNames);
            double[] x = point.flatten(positions);
            ToDoubleFunction<double[]> fx = v -> f.applyAsDouble(point.with(positions, v));

            Args afterPrimal = point.copy();
            double primal = f.applyAsDouble(afterPrimal);
            assertTrue(Double.isFinite(primal), where + ": test point outside the domain (" + primal + ")");
            for (int k = 0; k < point.names.size(); k++) {
                if (!point.modified.contains(point.names.get(k))) {
                    String name = point.names.get(k);
                    assertTrue(Arrays.deepEquals(new Object[] {point.values.get(k)},
                            new Object[] {afterPrimal.values.get(k)}), where + ": the primal modifies " + name
                            + ": declare it modified()");
                }
            }
            assertSmooth(fx, x, where);

            Args forGrad = point.copy();
            Record record = grad.apply(forGrad);
            assertSameArguments(afterPrimal, forGrad, where + ": after _grad");
            double[] g = arrayComponents(record, method, wrtNames, forGrad, positions, where);
            assertEquals(primal, g[0], 0.0, where + ": _grad value differs from the primal");
            double[] gradient = Arrays.copyOfRange(g, 1, g.length);
            assertEquals(x.length, gradient.length, where + ": point and gradient sizes");
            GradCheck.Result result = GradCheck.check(fx, x, gradient, relTol, GradCheck.DEFAULT_ABS_TOL);
            if (!result.passed()) {
                fail(where + ": " + result + " at " + point.label(positions, result.worstIndex()));
            }

            Args forVjp = point.copy();
            Args acc = point.accumulators(positions, PREFILL);
            double returned = vjp.call(forVjp, SEED, acc);
            assertEquals(primal, returned, 0.0, where + ": _vjp return value differs from the primal");
            assertSameArguments(afterPrimal, forVjp, where + ": after _vjp");
            double[] accumulated = flattenAll(acc.values);
            assertEquals(gradient.length, accumulated.length, where + ": accumulator sizes");
            for (int i = 0; i < gradient.length; i++) {
                double expected = PREFILL + SEED * gradient[i];
                double actual = accumulated[i];
                double tol = VJP_REL_TOL * (PREFILL + Math.abs(SEED * gradient[i]));
                if (!(expected == actual || Math.abs(expected - actual) <= tol)) {
                    fail(where + ": _vjp accumulator " + point.label(positions, i) + " is " + actual + ", expected "
                            + PREFILL + " + " + SEED + " * " + gradient[i] + " = " + expected);
                }
            }
            checkArrayJvp(record, method, point, positions, primal, gradient, afterPrimal, where);
            gradients.add(gradient);
        }
        return gradients;
    }

    /** Relative tolerance of the dot-product test between {@code _jvp} and {@code _vjp}. */
    public static final double DOT_REL_TOL = 1e-10;

    /**
     * The dot-product test: for a random direction u, {@code f_jvp}'s tangent (J u) must equal the
     * gradient's inner product with u (J^T 1 . u), and its value must be the primal's. The method is
     * found by reflection next to the gradient record; a method with parameters the point does not
     * show (an {@code int n} or a receiver the lambda supplies) is skipped.
     */
    private static void checkScalarJvp(Record record, String method, double[] x, double primal, double[] gradient,
                                       String where) {
        Class<?> derivatives = record.getClass().getEnclosingClass();
        Class<?>[] types = new Class<?>[2 * x.length];
        Arrays.fill(types, double.class);
        java.lang.reflect.Method jvp;
        try {
            jvp = derivatives.getMethod(method + "_jvp", types);
        } catch (NoSuchMethodException e) {
            return;
        }
        double[] u = direction(x.length, where);
        Object[] args = new Object[2 * x.length];
        for (int i = 0; i < x.length; i++) {
            args[i] = x[i];
            args[x.length + i] = u[i];
        }
        compareJvp(invoke(jvp, args, where), primal, gradient, u, where);
    }

    private static void checkArrayJvp(Record record, String method, Args point, int[] positions, double primal,
                                      double[] gradient, Args afterPrimal, String where) {
        Class<?> derivatives = record.getClass().getEnclosingClass();
        java.lang.reflect.Method jvp = null;
        for (java.lang.reflect.Method m : derivatives.getMethods()) {
            if (m.getName().equals(method + "_jvp")
                    && m.getParameterCount() == point.names.size() + positions.length) {
                jvp = m;
            }
        }
        if (jvp == null) {
            // an instance method (the receiver comes from the lambda, not the point), or a caller of a
            // method that has only a @CustomVjp (no _jvp is generated for it): nothing to compare
            return;
        }
        double[] u = direction(gradient.length, where);
        Args tangents = point.with(positions, u);
        Args forJvp = point.copy();
        Object[] args = new Object[point.names.size() + positions.length];
        for (int k = 0; k < point.names.size(); k++) {
            args[k] = forJvp.values.get(k);
        }
        for (int k = 0; k < positions.length; k++) {
            args[point.names.size() + k] = tangents.values.get(positions[k]);
        }
        compareJvp(invoke(jvp, args, where), primal, gradient, u, where);
        assertSameArguments(afterPrimal, forJvp, where + ": after _jvp");
    }

    private static void compareJvp(Object dual, double primal, double[] gradient, double[] u, String where) {
        org.cotangent.runtime.Dual d = (org.cotangent.runtime.Dual) dual;
        assertEquals(primal, d.value(), 0.0, where + ": _jvp value differs from the primal");
        double expected = 0;
        double scale = 0;
        for (int i = 0; i < u.length; i++) {
            expected += gradient[i] * u[i];
            scale += Math.abs(gradient[i] * u[i]);
        }
        double tolerance = DOT_REL_TOL * (scale + Math.abs(d.tangent())) + Double.MIN_NORMAL;
        if (!(Math.abs(d.tangent() - expected) <= tolerance)) {
            fail(where + ": dot-product test: _jvp tangent <1, J u> = " + d.tangent() + " but <J^T 1, u> = " + expected);
        }
    }

    private static double[] direction(int n, String where) {
        java.util.Random random = new java.util.Random(where.hashCode());
        double[] u = new double[n];
        for (int i = 0; i < n; i++) {
            u[i] = random.nextDouble() * 2 - 1;
        }
        return u;
    }

    private static Object invoke(java.lang.reflect.Method m, Object[] args, String where) {
        try {
            return m.invoke(null, args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(where + ": calling " + m.getName() + " failed: " + e.getCause(), e);
        }
    }

    private static void assertSameArguments(Args expected, Args actual, String where) {
        for (int k = 0; k < expected.names.size(); k++) {
            Object e = expected.values.get(k);
            Object a = actual.values.get(k);
            if (!Arrays.deepEquals(new Object[] {e}, new Object[] {a})) {
                String name = expected.names.get(k);
                fail(where + ", parameter " + name + " holds " + Arrays.deepToString(new Object[] {a})
                        + " but the primal leaves " + Arrays.deepToString(new Object[] {e})
                        + (expected.modified.contains(name) ? "" : " (the primal does not modify it)"));
            }
        }
    }

    /**
     * The gradient record's components as {value, flattened gradient...}, after checking the record's
     * name, its components' names and types against the SPEC, that each has its parameter's shape
     * and that no array component is (a row of) the argument itself.
     */
    private static double[] arrayComponents(Record record, String method, String[] wrt, Args args, int[] positions,
                                            String where) {
        Class<?> type = record.getClass();
        String recordName = Character.toUpperCase(method.charAt(0)) + method.substring(1) + "Gradient";
        assertEquals(recordName, type.getSimpleName(), "gradient record name");
        RecordComponent[] rc = type.getRecordComponents();
        List<String> names = new ArrayList<>();
        names.add("value");
        names.addAll(Arrays.asList(wrt));
        assertEquals(names.toString(),
                Arrays.toString(Arrays.stream(rc).map(RecordComponent::getName).toArray()),
                recordName + " components");
        assertEquals(double.class, rc[0].getType(), recordName + ".value type");
        List<Object> pieces = new ArrayList<>();
        double value;
        try {
            value = (double) rc[0].getAccessor().invoke(record);
            for (int k = 0; k < wrt.length; k++) {
                Object argument = args.values.get(positions[k]);
                Class<?> expectedType = argument instanceof Double ? double.class : argument.getClass();
                assertEquals(expectedType, rc[k + 1].getType(), recordName + "." + wrt[k] + " type");
                Object component = rc[k + 1].getAccessor().invoke(record);
                if (component instanceof double[] vector) {
                    double[] arg = (double[]) argument;
                    assertEquals(arg.length, vector.length, where + ": length of gradient " + wrt[k]);
                    assertTrue(vector != arg, where + ": gradient " + wrt[k] + " is the argument itself");
                } else if (component instanceof double[][] matrix) {
                    double[][] arg = (double[][]) argument;
                    assertEquals(arg.length, matrix.length, where + ": rows of gradient " + wrt[k]);
                    assertTrue(matrix != arg, where + ": gradient " + wrt[k] + " is the argument itself");
                    for (int r = 0; r < arg.length; r++) {
                        assertEquals(arg[r].length, matrix[r].length, where + ": length of gradient " + wrt[k]
                                + "[" + r + "]");
                        assertTrue(matrix[r] != arg[r], where + ": gradient " + wrt[k] + "[" + r + "] is a row of "
                                + "the argument itself");
                    }
                }
                pieces.add(component);
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        double[] flat = flattenAll(pieces);
        double[] values = new double[flat.length + 1];
        values[0] = value;
        System.arraycopy(flat, 0, values, 1, flat.length);
        return values;
    }

    /** Doubles, double[]s and double[][]s flattened in order, row-major. */
    private static double[] flattenAll(List<Object> pieces) {
        List<Double> flat = new ArrayList<>();
        for (Object piece : pieces) {
            if (piece instanceof Double d) {
                flat.add(d);
            } else if (piece instanceof double[] vector) {
                for (double e : vector) {
                    flat.add(e);
                }
            } else if (piece instanceof double[][] matrix) {
                for (double[] row : matrix) {
                    for (double e : row) {
                        flat.add(e);
                    }
                }
            } else {
                throw new IllegalArgumentException("not a floating value: " + piece);
            }
        }
        double[] result = new double[flat.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = flat.get(i);
        }
        return result;
    }
}
