package org.cotangent.it.scalar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.cotangent.runtime.GradCheck;

/**
 * Checks shared by the scalar tests. A point {@code x} holds the values of the wrt parameters, in
 * declaration order; other parameters are fixed by the lambdas.
 */
final class Check {
    /** Seed passed to every {@code _vjp}. */
    static final double SEED = 2.5;
    /** Value accumulators hold before a {@code _vjp} call. */
    static final double PREFILL = 0.25;

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
            double tol = 1e-12 * (PREFILL + Math.abs(SEED * gradient[i]));
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
}
