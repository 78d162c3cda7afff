package org.cotangent.it.values;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Oracle checks for methods whose inputs are value types, on the inputs flattened into one vector
 * (in the order of the tangent classes' {@code toArray()}): the gradient against
 * Richardson-extrapolated central differences of the original method, the vjp's accumulation, and
 * the dot-product test between forward and reverse mode.
 */
final class FlatCheck {
    private FlatCheck() {
    }

    /** Reverse mode at a flat point: adds {@code seed} times the gradient into {@code acc} (flat), returns the value. */
    interface Vjp {
        double call(double[] x, double seed, double[] acc);
    }

    /** Forward mode at a flat point along {@code u}: {value, directional derivative}. */
    interface Jvp {
        double[] call(double[] x, double[] u);
    }

    /** Richardson-extrapolated central differences of {@code f} at {@code x}. */
    static double[] richardson(ToDoubleFunction<double[]> f, double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double h = 1e-3 * Math.max(1.0, Math.abs(x[i]));
            double d1 = central(f, x, i, h);
            double d2 = central(f, x, i, h / 2);
            g[i] = (4 * d2 - d1) / 3;
        }
        return g;
    }

    private static double central(ToDoubleFunction<double[]> f, double[] x, int i, double h) {
        double[] p = x.clone();
        p[i] = x[i] + h;
        double up = f.applyAsDouble(p);
        p[i] = x[i] - h;
        double down = f.applyAsDouble(p);
        return (up - down) / (2 * h);
    }

    /**
     * Checks {@code gradient} (the generated {@code _grad}, flattened) against finite differences of
     * {@code f}, {@code vjp} against {@code gradient} (accumulating into a non-zero accumulator,
     * with a seed that is not 1), and {@code jvp} by the dot-product test, at {@code points} random
     * points drawn by {@code point}.
     */
    static void check(String where, int points, Function<Random, double[]> point, ToDoubleFunction<double[]> f,
                      Function<double[], double[]> gradient, Vjp vjp, Jvp jvp) {
        Random random = new Random(where.hashCode());
        for (int k = 0; k < points; k++) {
            double[] x = point.apply(random);
            double[] g = gradient.apply(x);
            double[] fd = richardson(f, x);
            assertEquals(x.length, g.length, where + ": gradient length");
            for (int i = 0; i < x.length; i++) {
                double tol = 1e-6 * Math.max(1, Math.abs(fd[i]));
                assertEquals(fd[i], g[i], tol, where + ": component " + i + " against finite differences at point " + k);
            }
            double[] acc = new double[x.length];
            for (int i = 0; i < acc.length; i++) {
                acc[i] = random.nextGaussian();
            }
            double[] before = acc.clone();
            double seed = 0.5 + random.nextDouble();
            double value = vjp.call(x, seed, acc);
            assertEquals(f.applyAsDouble(x), value, 1e-12 * Math.max(1, Math.abs(value)), where + ": vjp value");
            for (int i = 0; i < acc.length; i++) {
                assertEquals(before[i] + seed * g[i], acc[i], 1e-12 * Math.max(1, Math.abs(acc[i])),
                        where + ": vjp adds seed * gradient into component " + i);
            }
            double[] u = new double[x.length];
            for (int i = 0; i < u.length; i++) {
                u[i] = random.nextGaussian();
            }
            double[] dual = jvp.call(x, u);
            double reverse = 0;
            for (int i = 0; i < u.length; i++) {
                reverse += g[i] * u[i];
            }
            assertEquals(value, dual[0], 1e-12 * Math.max(1, Math.abs(value)), where + ": jvp value");
            assertEquals(reverse, dual[1], 1e-10 * Math.max(1, Math.abs(reverse)),
                    where + ": dot-product test <J u, 1> = <u, J^T 1>");
        }
    }

    static double[] gaussian(Random r, int n, double scale) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = scale * r.nextGaussian();
        }
        return x;
    }

    /** {@code parts} concatenated. */
    static double[] concat(double[]... parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] out = new double[n];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    static void assertFinite(double[] values, String where) {
        for (double v : values) {
            assertTrue(Double.isFinite(v), where);
        }
    }

    static void assertSame(double[] expected, double[] actual, String where) {
        assertArrayEquals(expected, actual, 0.0, where);
    }
}
