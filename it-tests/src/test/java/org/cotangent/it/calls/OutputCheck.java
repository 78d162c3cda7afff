package org.cotangent.it.calls;

import org.cotangent.it.loops.Inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.cotangent.runtime.GradCheck;

/**
 * Checks the SPEC semantics of {@code h_vjp} for a {@code void} method {@code h} that writes output
 * arrays: the accumulator of a written array holds on entry a seed {@code s} for its final contents
 * and on exit the gradient of {@code <s, final contents>} with respect to its contents on entry;
 * other accumulators are added to. Compared with central finite differences of the map
 * (entry contents of every wrt argument) -> {@code sum_k <s_k, final contents of written array k>}.
 */
final class OutputCheck {
    static final double PREFILL = 0.25;

    private OutputCheck() {
    }

    /** Runs the primal on the arguments (modifying them as it does). */
    @FunctionalInterface
    interface Run {
        void run(Object[] args);
    }

    /** Runs {@code h_vjp} on the arguments with {@code acc[k]} the accumulator of the k-th wrt parameter. */
    @FunctionalInterface
    interface Vjp {
        void run(Object[] args, Object[] acc);
    }

    /**
     * @param names parameter names, space separated
     * @param point argument values: Double, Integer, double[], double[][]
     * @param wrt the wrt names (space separated, declaration order): the accumulators
     * @param written the wrt arrays that h writes (space separated)
     * @return the accumulators after the vjp call
     */
    static Object[] check(String method, String names, Object[] point, String wrt, String written, double relTol,
                          long seed, Run h, Vjp vjp) {
        List<String> all = Arrays.asList(names.trim().split(" +"));
        assertEquals(all.size(), point.length, "names and point");
        String[] wrtNames = wrt.trim().split(" +");
        List<String> writtenNames = Arrays.asList(written.trim().split(" +"));
        int[] pos = new int[wrtNames.length];
        for (int k = 0; k < wrtNames.length; k++) {
            pos[k] = all.indexOf(wrtNames[k]);
            assertTrue(pos[k] >= 0, wrtNames[k]);
        }
        String where = method + " at " + Arrays.deepToString(point);

        Object[] afterPrimal = deepCopy(point);
        h.run(afterPrimal);

        // seeds for written arrays: random, shaped like the array
        Random random = new Random(seed);
        Object[] seeds = new Object[wrtNames.length];
        for (int k = 0; k < wrtNames.length; k++) {
            if (writtenNames.contains(wrtNames[k])) {
                seeds[k] = randomLike(point[pos[k]], random);
            }
        }

        ToDoubleFunction<double[]> phi = flat -> {
            Object[] args = deepCopy(point);
            unflatten(args, pos, flat);
            h.run(args);
            double s = 0;
            for (int k = 0; k < pos.length; k++) {
                if (seeds[k] != null) {
                    s += dot(seeds[k], args[pos[k]]);
                }
            }
            return s;
        };
        double[] x = flatten(point, pos);

        Object[] acc = new Object[wrtNames.length];
        for (int k = 0; k < wrtNames.length; k++) {
            acc[k] = seeds[k] != null ? deepCopy(new Object[] {seeds[k]})[0] : filled(point[pos[k]], PREFILL);
        }
        Object[] forVjp = deepCopy(point);
        vjp.run(forVjp, acc);
        if (!Arrays.deepEquals(afterPrimal, forVjp)) {
            fail(where + ": _vjp leaves the arguments as " + Arrays.deepToString(forVjp) + " but the primal leaves "
                    + Arrays.deepToString(afterPrimal));
        }
        List<Object> pieces = new ArrayList<>();
        for (int k = 0; k < acc.length; k++) {
            pieces.add(seeds[k] != null ? acc[k] : subtract(acc[k], PREFILL));
        }
        double[] analytic = flattenAll(pieces);
        GradCheck.Result result = GradCheck.check(phi, x, analytic, relTol, GradCheck.DEFAULT_ABS_TOL);
        assertTrue(result.passed(), () -> where + ": " + result + " (flat index over " + wrt + "); analytic "
                + Arrays.toString(analytic) + " numeric " + Arrays.toString(GradCheck.centralDifference(phi, x)));
        return acc;
    }

    static Object[] deepCopy(Object[] values) {
        Object[] copy = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v instanceof double[] a) {
                copy[i] = a.clone();
            } else if (v instanceof double[][] m) {
                double[][] c = new double[m.length][];
                for (int r = 0; r < m.length; r++) {
                    c[r] = m[r].clone();
                }
                copy[i] = c;
            } else {
                copy[i] = v;
            }
        }
        return copy;
    }

    private static Object randomLike(Object v, Random random) {
        if (v instanceof double[] a) {
            double[] s = new double[a.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = random.nextDouble() * 2 - 1;
            }
            return s;
        }
        double[][] m = (double[][]) v;
        double[][] s = new double[m.length][];
        for (int r = 0; r < m.length; r++) {
            s[r] = (double[]) randomLike(m[r], random);
        }
        return s;
    }

    private static Object filled(Object v, double fill) {
        if (v instanceof Double) {
            return new double[] {fill};
        }
        if (v instanceof double[] a) {
            double[] f = new double[a.length];
            Arrays.fill(f, fill);
            return f;
        }
        double[][] m = (double[][]) v;
        double[][] f = new double[m.length][];
        for (int r = 0; r < m.length; r++) {
            f[r] = (double[]) filled(m[r], fill);
        }
        return f;
    }

    private static Object subtract(Object v, double d) {
        if (v instanceof double[] a) {
            double[] f = a.clone();
            for (int i = 0; i < f.length; i++) {
                f[i] -= d;
            }
            return f;
        }
        double[][] m = (double[][]) v;
        double[][] f = new double[m.length][];
        for (int r = 0; r < m.length; r++) {
            f[r] = (double[]) subtract(m[r], d);
        }
        return f;
    }

    private static double dot(Object s, Object v) {
        if (s instanceof double[] a) {
            double[] b = (double[]) v;
            double t = 0;
            for (int i = 0; i < a.length; i++) {
                t += a[i] * b[i];
            }
            return t;
        }
        double[][] a = (double[][]) s;
        double[][] b = (double[][]) v;
        double t = 0;
        for (int r = 0; r < a.length; r++) {
            t += dot(a[r], b[r]);
        }
        return t;
    }

    private static double[] flatten(Object[] args, int[] pos) {
        List<Object> pieces = new ArrayList<>();
        for (int p : pos) {
            pieces.add(args[p]);
        }
        return flattenAll(pieces);
    }

    private static void unflatten(Object[] args, int[] pos, double[] flat) {
        int o = 0;
        for (int p : pos) {
            Object v = args[p];
            if (v instanceof Double) {
                args[p] = flat[o++];
            } else if (v instanceof double[] a) {
                System.arraycopy(flat, o, a, 0, a.length);
                o += a.length;
            } else {
                for (double[] row : (double[][]) v) {
                    System.arraycopy(flat, o, row, 0, row.length);
                    o += row.length;
                }
            }
        }
    }

    private static double[] flattenAll(List<Object> pieces) {
        List<Double> out = new ArrayList<>();
        for (Object p : pieces) {
            if (p instanceof Double d) {
                out.add(d);
            } else if (p instanceof double[] a) {
                for (double e : a) {
                    out.add(e);
                }
            } else {
                for (double[] row : (double[][]) p) {
                    for (double e : row) {
                        out.add(e);
                    }
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
