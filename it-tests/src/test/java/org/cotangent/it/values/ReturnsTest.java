package org.cotangent.it.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Methods returning value types: {@code _vjp} takes a {@code TTangent} seed and returns the value,
 * {@code _jvp} returns {@code FDual(value, tangent)}. Checked against central differences of the
 * flattened result (Richardson-extrapolated), column by column, and by the dot-product test.
 */
class ReturnsTest {
    /** A method from flat inputs to flat outputs, its vjp (seed, acc) and its jvp (tangent). */
    interface Vjp {
        double[] call(double[] x, double[] seed, double[] acc);
    }

    private static void check(String where, int n, Function<double[], double[]> f, Vjp vjp,
                              java.util.function.BiFunction<double[], double[], double[][]> jvp) {
        Random r = new Random(where.hashCode());
        for (int k = 0; k < 5; k++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 0.3 + r.nextDouble();
            }
            double[] y = f.apply(x);
            int m = y.length;
            double[][] jac = new double[m][n];
            for (int j = 0; j < n; j++) {
                final int col = j;
                for (int i = 0; i < m; i++) {
                    final int row = i;
                    jac[i][j] = FlatCheck.richardson(v -> f.apply(v)[row], x)[col];
                }
            }
            double[] u = new double[m];
            for (int i = 0; i < m; i++) {
                u[i] = r.nextGaussian();
            }
            double[] acc = new double[n];
            double[] value = vjp.call(x, u, acc);
            for (int i = 0; i < m; i++) {
                assertEquals(y[i], value[i], 1e-14 * Math.max(1, Math.abs(y[i])), where + ": vjp returns the value");
            }
            for (int j = 0; j < n; j++) {
                double expected = 0;
                for (int i = 0; i < m; i++) {
                    expected += u[i] * jac[i][j];
                }
                assertEquals(expected, acc[j], 1e-6 * Math.max(1, Math.abs(expected)), where + ": (u^T J)_" + j);
            }
            double[] v = new double[n];
            for (int j = 0; j < n; j++) {
                v[j] = r.nextGaussian();
            }
            double[][] dual = jvp.apply(x, v);
            double left = 0;
            double right = 0;
            for (int i = 0; i < m; i++) {
                assertEquals(y[i], dual[0][i], 1e-14 * Math.max(1, Math.abs(y[i])), where + ": jvp value");
                double jv = 0;
                for (int j = 0; j < n; j++) {
                    jv += jac[i][j] * v[j];
                }
                assertEquals(jv, dual[1][i], 1e-6 * Math.max(1, Math.abs(jv)), where + ": (J v)_" + i);
                left += u[i] * dual[1][i];
            }
            for (int j = 0; j < n; j++) {
                right += acc[j] * v[j];
            }
            assertEquals(left, right, 1e-12 * Math.max(1, Math.abs(left)), where + ": dot-product test");
        }
    }

    private static double[] flat(Returns.Point p) {
        return new double[] {p.x(), p.y()};
    }

    private static double[] flat(Returns.Segment s) {
        return new double[] {s.from().x(), s.from().y(), s.to().x(), s.to().y()};
    }

    @Test
    void recordOfDoubles() {
        check("polar", 2, x -> flat(Returns.polar(x[0], x[1])),
                (x, u, acc) -> {
                    double[] ra = {0};
                    double[] ta = {0};
                    Returns.Point p = ReturnsDerivatives.polar_vjp(x[0], x[1], new Returns_PointTangent(u[0], u[1]),
                            ra, ta);
                    acc[0] = ra[0];
                    acc[1] = ta[0];
                    return flat(p);
                },
                (x, v) -> {
                    ReturnsDerivatives.PolarDual d = ReturnsDerivatives.polar_jvp(x[0], x[1], v[0], v[1]);
                    return new double[][] {flat(d.value()), d.tangent().toArray()};
                });
        assertEquals(new Returns.Point(0, 0), ReturnsDerivatives.polar_vjp(0, 1, new Returns_PointTangent(1, 1),
                new double[1], new double[1]), "the early return");
        assertThrows(NullPointerException.class, () -> ReturnsDerivatives.polar_vjp(1, 1, null, new double[1],
                new double[1]));
    }

    @Test
    void nestedRecordBuiltInALoop() {
        check("path", 4, x -> flat(Returns.path(new double[] {x[0], x[1], x[2]}, x[3])),
                (x, u, acc) -> {
                    double[] sa = new double[3];
                    double[] ta = {0};
                    Returns_SegmentTangent seed = new Returns_SegmentTangent(new Returns_PointTangent(u[0], u[1]),
                            new Returns_PointTangent(u[2], u[3]));
                    Returns.Segment s = ReturnsDerivatives.path_vjp(new double[] {x[0], x[1], x[2]}, x[3], seed, sa, ta);
                    System.arraycopy(sa, 0, acc, 0, 3);
                    acc[3] = ta[0];
                    return flat(s);
                },
                (x, v) -> {
                    ReturnsDerivatives.PathDual d = ReturnsDerivatives.path_jvp(new double[] {x[0], x[1], x[2]}, x[3],
                            new double[] {v[0], v[1], v[2]}, v[3]);
                    return new double[][] {flat(d.value()), d.tangent().toArray()};
                });
    }

    @Test
    void finalClassInAndOut() {
        check("rotate", 3, x -> {
                    Vector2 w = Returns.rotate(new Vector2(x[0], x[1]), x[2]);
                    return new double[] {w.x, w.y};
                },
                (x, u, acc) -> {
                    Vector2Tangent va = new Vector2Tangent();
                    double[] aa = {0};
                    Vector2 w = ReturnsDerivatives.rotate_vjp(new Vector2(x[0], x[1]), x[2],
                            new Vector2Tangent(u[0], u[1]), va, aa);
                    acc[0] = va.x;
                    acc[1] = va.y;
                    acc[2] = aa[0];
                    return new double[] {w.x, w.y};
                },
                (x, v) -> {
                    ReturnsDerivatives.RotateDual d = ReturnsDerivatives.rotate_jvp(new Vector2(x[0], x[1]), x[2],
                            new Vector2Tangent(v[0], v[1]), v[2]);
                    return new double[][] {{d.value().x, d.value().y}, d.tangent().toArray()};
                });
    }

    private static void assertJacobian(String where, Function<double[], double[]> f, double[] x, double[][] jacobian) {
        double[] y = f.apply(x);
        assertEquals(y.length, jacobian.length, where + ": rows");
        for (int r = 0; r < y.length; r++) {
            final int row = r;
            double[] fd = FlatCheck.richardson(v -> f.apply(v)[row], x);
            assertEquals(x.length, jacobian[r].length, where + ": columns");
            for (int c = 0; c < x.length; c++) {
                assertEquals(fd[c], jacobian[r][c], 1e-6 * Math.max(1, Math.abs(fd[c])), where + ": J[" + r + "][" + c + "]");
            }
        }
    }

    @Test
    void jacobiansOfValueResults() {
        assertJacobian("polar", x -> flat(Returns.polar(x[0], x[1])), new double[] {1.3, 0.4},
                ReturnsDerivatives.polar_jacobian(1.3, 0.4));
        double[] steps = {0.5, 1.5, -0.7};
        double[][] j = ReturnsDerivatives.path_jacobian(steps, 0.3);
        assertJacobian("path", x -> flat(Returns.path(new double[] {x[0], x[1], x[2]}, x[3])),
                new double[] {0.5, 1.5, -0.7, 0.3}, j);
        assertJacobian("rotate", x -> {
            Vector2 w = Returns.rotate(new Vector2(x[0], x[1]), x[2]);
            return new double[] {w.x, w.y};
        }, new double[] {0.8, -0.4, 1.1}, ReturnsDerivatives.rotate_jacobian(new Vector2(0.8, -0.4), 1.1));
    }

    private static double[] flat(Returns.State s) {
        return FlatCheck.concat(s.y(), new double[] {s.t()});
    }

    @Test
    void recordWithAnArrayComponent() {
        // inputs: s.y (3), s.t, k, h; outputs: y (3), t
        check("euler", 6, x -> flat(Returns.euler(new Returns.State(java.util.Arrays.copyOf(x, 3), x[3]), x[4], x[5])),
                (x, u, acc) -> {
                    Returns_StateTangent sa = new Returns_StateTangent(new double[3], 0);
                    double[] ka = {0};
                    double[] ha = {0};
                    Returns_StateTangent seed = new Returns_StateTangent(java.util.Arrays.copyOf(u, 3), u[3]);
                    Returns.State out = ReturnsDerivatives.euler_vjp(new Returns.State(java.util.Arrays.copyOf(x, 3),
                            x[3]), x[4], x[5], seed, sa, ka, ha);
                    System.arraycopy(FlatCheck.concat(sa.toArray(), ka, ha), 0, acc, 0, 6);
                    return flat(out);
                },
                (x, v) -> {
                    ReturnsDerivatives.EulerDual d = ReturnsDerivatives.euler_jvp(new Returns.State(
                            java.util.Arrays.copyOf(x, 3), x[3]), x[4], x[5],
                            new Returns_StateTangent(java.util.Arrays.copyOf(v, 3), v[3]), v[4], v[5]);
                    return new double[][] {flat(d.value()), d.tangent().toArray()};
                });
        Returns.State s = new Returns.State(new double[] {1, 2}, 0.5);
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> ReturnsDerivatives.euler_vjp(s, 1, 0.1, new Returns_StateTangent(new double[1], 0),
                        Returns_StateTangent.zerosLike(s), new double[1], new double[1]));
        org.junit.jupiter.api.Assertions.assertTrue(wrong.getMessage().contains("seed"), wrong.getMessage());
    }

    @Test
    void resultAliasingAParameter() {
        for (boolean keep : new boolean[] {true, false}) {
            check("shifted " + keep, 5, x -> {
                        Params r = Returns.shifted(new Params(java.util.Arrays.copyOf(x, 3), x[3]), x[4], keep);
                        return FlatCheck.concat(r.w(), new double[] {r.b()});
                    },
                    (x, u, acc) -> {
                        ParamsTangent pa = new ParamsTangent(new double[3], 0);
                        double[] ca = {0};
                        Params r = ReturnsDerivatives.shifted_vjp(new Params(java.util.Arrays.copyOf(x, 3), x[3]), x[4],
                                keep, new ParamsTangent(java.util.Arrays.copyOf(u, 3), u[3]), pa, ca);
                        System.arraycopy(FlatCheck.concat(pa.toArray(), ca), 0, acc, 0, 5);
                        return FlatCheck.concat(r.w(), new double[] {r.b()});
                    },
                    (x, v) -> {
                        ReturnsDerivatives.ShiftedDual d = ReturnsDerivatives.shifted_jvp(
                                new Params(java.util.Arrays.copyOf(x, 3), x[3]), x[4], keep,
                                new ParamsTangent(java.util.Arrays.copyOf(v, 3), v[3]), v[4]);
                        return new double[][] {FlatCheck.concat(d.value().w(), new double[] {d.value().b()}),
                            d.tangent().toArray()};
                    });
        }
    }

    @Test
    void recordMethodReturningTheRecord() {
        check("scaled", 4, x -> {
                    Vec3 v = new Vec3(x[0], x[1], x[2]).scaled(x[3]);
                    return new double[] {v.x(), v.y(), v.z()};
                },
                (x, u, acc) -> {
                    Vec3Tangent sa = new Vec3Tangent();
                    double[] s = {0};
                    Vec3 v = Vec3Derivatives.scaled_vjp(new Vec3(x[0], x[1], x[2]), x[3], new Vec3Tangent(u[0], u[1], u[2]),
                            sa, s);
                    System.arraycopy(FlatCheck.concat(sa.toArray(), s), 0, acc, 0, 4);
                    return new double[] {v.x(), v.y(), v.z()};
                },
                (x, v) -> {
                    Vec3Derivatives.ScaledDual d = Vec3Derivatives.scaled_jvp(new Vec3(x[0], x[1], x[2]), x[3],
                            new Vec3Tangent(v[0], v[1], v[2]), v[3]);
                    return new double[][] {{d.value().x(), d.value().y(), d.value().z()}, d.tangent().toArray()};
                });
    }
}
