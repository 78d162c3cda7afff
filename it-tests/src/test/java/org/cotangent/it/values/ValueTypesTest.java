package org.cotangent.it.values;

import static org.cotangent.it.values.FlatCheck.concat;
import static org.cotangent.it.values.FlatCheck.gaussian;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.cotangent.runtime.Dual;
import org.junit.jupiter.api.Test;

/**
 * Value types (records, final classes with final fields) as parameters, locals, nested components
 * and receivers: every generated derivative against the oracles of {@link FlatCheck}, and the
 * tangent classes' contract.
 */
class ValueTypesTest {
    private static final int N = 3;

    // flat layout of logLoss and scaleInPlace: w (N), b, then the other inputs

    private static Params params(double[] flat) {
        return new Params(Arrays.copyOfRange(flat, 0, N), flat[N]);
    }

    private static ParamsTangent paramsTangent(double[] flat) {
        return new ParamsTangent(Arrays.copyOfRange(flat, 0, N), flat[N]);
    }

    private static void store(ParamsTangent t, double[] flat) {
        System.arraycopy(t.w, 0, flat, 0, N);
        flat[N] = t.b;
    }

    @Test
    void logLossWithRecordParameter() {
        FlatCheck.check("logLoss", 6, r -> concat(gaussian(r, N + 1, 0.7), gaussian(r, N, 1.0),
                        new double[] {0.2 + 0.6 * r.nextDouble()}),
                x -> ValueModels.logLoss(params(x), Arrays.copyOfRange(x, N + 1, 2 * N + 1), x[2 * N + 1]),
                x -> {
                    var g = ValueModelsDerivatives.logLoss_grad(params(x), Arrays.copyOfRange(x, N + 1, 2 * N + 1),
                            x[2 * N + 1]);
                    return concat(g.p().toArray(), g.x(), new double[] {g.y()});
                },
                (x, seed, acc) -> {
                    ParamsTangent pa = paramsTangent(acc);
                    double[] xa = Arrays.copyOfRange(acc, N + 1, 2 * N + 1);
                    double[] ya = {acc[2 * N + 1]};
                    double v = ValueModelsDerivatives.logLoss_vjp(params(x), Arrays.copyOfRange(x, N + 1, 2 * N + 1),
                            x[2 * N + 1], seed, pa, xa, ya);
                    store(pa, acc);
                    System.arraycopy(xa, 0, acc, N + 1, N);
                    acc[2 * N + 1] = ya[0];
                    return v;
                },
                (x, u) -> {
                    Dual d = ValueModelsDerivatives.logLoss_jvp(params(x), Arrays.copyOfRange(x, N + 1, 2 * N + 1),
                            x[2 * N + 1], paramsTangent(u), Arrays.copyOfRange(u, N + 1, 2 * N + 1), u[2 * N + 1]);
                    return new double[] {d.value(), d.tangent()};
                });
    }

    /** The flat gradient of logLoss at a flat point. */
    private static double[] logLossGradient(double[] x) {
        var g = ValueModelsDerivatives.logLoss_grad(params(x), Arrays.copyOfRange(x, N + 1, 2 * N + 1), x[2 * N + 1]);
        return concat(g.p().toArray(), g.x(), new double[] {g.y()});
    }

    @Test
    void hessianAndHvpFlattenAsToArray() {
        double[] x = {0.3, -0.2, 0.5, 0.1, 1.0, 2.0, -1.0, 0.4};
        Params p = params(x);
        double[] xs = Arrays.copyOfRange(x, N + 1, 2 * N + 1);
        double[][] h = ValueModelsDerivatives.logLoss_hessian(p, xs, x[2 * N + 1]);
        assertEquals(x.length, h.length);
        for (int j = 0; j < x.length; j++) {
            final int col = j;
            double[] fd = FlatCheck.richardson(v -> logLossGradient(v)[col], x);
            for (int i = 0; i < x.length; i++) {
                assertEquals(fd[i], h[i][j], 1e-6 * Math.max(1, Math.abs(fd[i])), "H[" + i + "][" + j + "] against "
                        + "finite differences of the gradient");
                assertEquals(h[i][j], h[j][i], 1e-12, "symmetric");
            }
        }
        double[] v = {0.7, -0.1, 0.2, 1.5, -0.3, 0.0, 0.9, 2.0};
        var hv = ValueModelsDerivatives.logLoss_hvp(p, xs, x[2 * N + 1], paramsTangent(v),
                Arrays.copyOfRange(v, N + 1, 2 * N + 1), v[2 * N + 1]);
        double[] flat = concat(hv.p().toArray(), hv.x(), new double[] {hv.y()});
        for (int i = 0; i < x.length; i++) {
            double expected = 0;
            for (int j = 0; j < x.length; j++) {
                expected += h[i][j] * v[j];
            }
            assertEquals(expected, flat[i], 1e-12 * Math.max(1, Math.abs(expected)), "H v, component " + i);
        }
        assertEquals(ValueModels.logLoss(p, xs, x[2 * N + 1]), hv.value(), 1e-15);
    }

    @Test
    void jacobianFlattensAsToArray() {
        Params p = new Params(new double[] {0.3, -0.2, 0.5}, 0.1);
        double[] x = {1.0, 2.0, -1.0};
        var g = ValueModelsDerivatives.logLoss_grad(p, x, 0.4);
        double[][] j = ValueModelsDerivatives.logLoss_jacobian(p, x, 0.4);
        assertEquals(1, j.length);
        assertArrayEquals(concat(g.p().toArray(), g.x(), new double[] {g.y()}), j[0], 0.0);
    }

    @Test
    void batchLossOnlyParameters() {
        double[][] xs = {{0.5, -1.0, 2.0}, {1.5, 0.3, -0.7}, {-0.2, 0.8, 0.1}, {1.0, 1.0, 1.0}};
        double[] ys = {0.3, -1.2, 0.8, 2.0};
        FlatCheck.check("batchLoss", 5, r -> gaussian(r, N + 1, 1.0),
                x -> ValueModels.batchLoss(params(x), xs, ys),
                x -> ValueModelsDerivatives.batchLoss_grad(params(x), xs, ys).p().toArray(),
                (x, seed, acc) -> {
                    ParamsTangent pa = paramsTangent(acc);
                    double v = ValueModelsDerivatives.batchLoss_vjp(params(x), xs, ys, seed, pa);
                    store(pa, acc);
                    return v;
                },
                (x, u) -> {
                    Dual d = ValueModelsDerivatives.batchLoss_jvp(params(x), xs, ys, paramsTangent(u));
                    return new double[] {d.value(), d.tangent()};
                });
    }

    @Test
    void valueLocalsBuiltReadReassignedAndChosen() {
        FlatCheck.check("polar", 8, r -> new double[] {0.5 + r.nextDouble(), 2.5 * r.nextDouble()},
                x -> ValueModels.polar(x[0], x[1]),
                x -> {
                    var g = ValueModelsDerivatives.polar_grad(x[0], x[1]);
                    return new double[] {g.r(), g.theta()};
                },
                (x, seed, acc) -> {
                    double[] ra = {acc[0]};
                    double[] ta = {acc[1]};
                    double v = ValueModelsDerivatives.polar_vjp(x[0], x[1], seed, ra, ta);
                    acc[0] = ra[0];
                    acc[1] = ta[0];
                    return v;
                },
                (x, u) -> {
                    Dual d = ValueModelsDerivatives.polar_jvp(x[0], x[1], u[0], u[1]);
                    return new double[] {d.value(), d.tangent()};
                });
        // without value types at the boundary, second order is generated as before
        double[][] h = ValueModelsDerivatives.polar_hessian(1.2, 0.4);
        assertEquals(h[0][1], h[1][0], 1e-12);
    }

    @Test
    void finalClassParametersOneDifferentiated() {
        Vector2 b = new Vector2(0.3, -0.4);
        FlatCheck.check("distance", 6, r -> concat(gaussian(r, 2, 1.0), new double[] {0.5 + r.nextDouble()}),
                x -> ValueModels.distance(new Vector2(x[0], x[1]), b, x[2]),
                x -> {
                    var g = ValueModelsDerivatives.distance_grad(new Vector2(x[0], x[1]), b, x[2]);
                    return concat(g.a().toArray(), new double[] {g.t()});
                },
                (x, seed, acc) -> {
                    Vector2Tangent aa = new Vector2Tangent(acc[0], acc[1]);
                    double[] ta = {acc[2]};
                    double v = ValueModelsDerivatives.distance_vjp(new Vector2(x[0], x[1]), b, x[2], seed, aa, ta);
                    acc[0] = aa.x;
                    acc[1] = aa.y;
                    acc[2] = ta[0];
                    return v;
                },
                (x, u) -> {
                    Dual d = ValueModelsDerivatives.distance_jvp(new Vector2(x[0], x[1]), b, x[2],
                            new Vector2Tangent(u[0], u[1]), u[2]);
                    return new double[] {d.value(), d.tangent()};
                });
    }

    // flat layout of mlpLoss: hidden.w (H x I), hidden.b (H), out.w (1 x H), out.b (1), x (I), y
    private static final int H = 3;
    private static final int I = 2;

    private static Layer layer(double[] flat, int at, int rows, int cols) {
        double[][] w = new double[rows][];
        for (int j = 0; j < rows; j++) {
            w[j] = Arrays.copyOfRange(flat, at + j * cols, at + (j + 1) * cols);
        }
        return new Layer(w, Arrays.copyOfRange(flat, at + rows * cols, at + rows * cols + rows));
    }

    private static LayerTangent layerTangent(double[] flat, int at, int rows, int cols) {
        Layer l = layer(flat, at, rows, cols);
        return new LayerTangent(l.w(), l.b());
    }

    private static Mlp mlp(double[] flat) {
        return new Mlp(layer(flat, 0, H, I), layer(flat, H * I + H, 1, H), "net");
    }

    private static final int MLP = H * I + H + H + 1;

    @Test
    void nestedRecordsWithAnInactiveComponent() {
        FlatCheck.check("mlpLoss", 4, r -> concat(gaussian(r, MLP, 0.8), gaussian(r, I, 1.0),
                        new double[] {r.nextGaussian()}),
                x -> ValueModels.mlpLoss(mlp(x), Arrays.copyOfRange(x, MLP, MLP + I), x[MLP + I]),
                x -> {
                    var g = ValueModelsDerivatives.mlpLoss_grad(mlp(x), Arrays.copyOfRange(x, MLP, MLP + I), x[MLP + I]);
                    return concat(g.m().toArray(), g.x(), new double[] {g.y()});
                },
                (x, seed, acc) -> {
                    MlpTangent ma = new MlpTangent(layerTangent(acc, 0, H, I), layerTangent(acc, H * I + H, 1, H));
                    double[] xa = Arrays.copyOfRange(acc, MLP, MLP + I);
                    double[] ya = {acc[MLP + I]};
                    double v = ValueModelsDerivatives.mlpLoss_vjp(mlp(x), Arrays.copyOfRange(x, MLP, MLP + I),
                            x[MLP + I], seed, ma, xa, ya);
                    System.arraycopy(concat(ma.toArray(), xa, ya), 0, acc, 0, acc.length);
                    return v;
                },
                (x, u) -> {
                    MlpTangent mu = new MlpTangent(layerTangent(u, 0, H, I), layerTangent(u, H * I + H, 1, H));
                    Dual d = ValueModelsDerivatives.mlpLoss_jvp(mlp(x), Arrays.copyOfRange(x, MLP, MLP + I),
                            x[MLP + I], mu, Arrays.copyOfRange(u, MLP, MLP + I), u[MLP + I]);
                    return new double[] {d.value(), d.tangent()};
                });
    }

    @Test
    void inactiveComponentsSteer() {
        for (Kind kind : Kind.values()) {
            for (boolean clip : new boolean[] {false, true}) {
                int[] order = {2};
                FlatCheck.check("settings " + kind + " " + clip, 4,
                        r -> new double[] {0.5 + 0.3 * r.nextDouble(), 0.2 + r.nextDouble()},
                        x -> ValueModels.settings(new Settings(3, 7L, clip, kind, order, x[0]), x[1]),
                        x -> {
                            var g = ValueModelsDerivatives.settings_grad(new Settings(3, 7L, clip, kind, order, x[0]),
                                    x[1]);
                            return concat(g.s().toArray(), new double[] {g.x()});
                        },
                        (x, seed, acc) -> {
                            SettingsTangent sa = new SettingsTangent(acc[0]);
                            double[] xa = {acc[1]};
                            double v = ValueModelsDerivatives.settings_vjp(new Settings(3, 7L, clip, kind, order, x[0]),
                                    x[1], seed, sa, xa);
                            acc[0] = sa.scale;
                            acc[1] = xa[0];
                            return v;
                        },
                        (x, u) -> {
                            Dual d = ValueModelsDerivatives.settings_jvp(new Settings(3, 7L, clip, kind, order, x[0]),
                                    x[1], new SettingsTangent(u[0]), u[1]);
                            return new double[] {d.value(), d.tangent()};
                        });
            }
        }
    }

    @Test
    void checksReadingComponentsPassThrough() {
        Settings bad = new Settings(1, 0L, false, Kind.SQUARED, new int[] {1}, -0.5);
        IllegalArgumentException original = assertThrows(IllegalArgumentException.class,
                () -> ValueModels.settings(bad, 1.0));
        IllegalArgumentException generated = assertThrows(IllegalArgumentException.class,
                () -> ValueModelsDerivatives.settings_grad(bad, 1.0));
        assertEquals(original.getMessage(), generated.getMessage());
        assertEquals("scale -0.5 < 0 (SQUARED)", generated.getMessage());
    }

    @Test
    void messagesPrintingWholeValuesPassThrough() {
        Params p = new Params(new double[] {1, 2, 3}, 0.5);
        IllegalArgumentException original = assertThrows(IllegalArgumentException.class,
                () -> ValueModels.batchLoss(p, new double[0][], new double[0]));
        IllegalArgumentException generated = assertThrows(IllegalArgumentException.class,
                () -> ValueModelsDerivatives.batchLoss_grad(p, new double[0][], new double[0]));
        assertEquals(original.getMessage(), generated.getMessage(), "the record's own toString, same arrays");
        Vec3 v = new Vec3(Double.POSITIVE_INFINITY, 1, 2);
        IllegalArgumentException self = assertThrows(IllegalArgumentException.class,
                () -> Vec3Derivatives.norm2_vjp(v, 1.0, new Vec3Tangent()));
        assertEquals("infinite: Vec3[x=Infinity, y=1.0, z=2.0]", self.getMessage());
    }

    @Test
    void arrayContentsWrittenInPlaceAsTheOriginal() {
        double[] w = {0.5, -1.5, 2.0};
        Params original = new Params(w.clone(), 0.25);
        double expected = ValueModels.scaleInPlace(new Params(w.clone(), 0.25), 1.5);
        var g = ValueModelsDerivatives.scaleInPlace_grad(original, 1.5);
        assertEquals(expected, g.value(), 1e-15);
        assertArrayEquals(new double[] {0.75, -2.25, 3.0}, original.w(), 0.0, "the original writes w, so must _grad");
        // d/dw_i sum (c w_i)^2 = 2 c^2 w_i, d/db = 1, d/dc = 2 c sum w_i^2
        double[] fd = FlatCheck.richardson(x -> ValueModels.scaleInPlace(params(x), x[N + 1]),
                new double[] {0.5, -1.5, 2.0, 0.25, 1.5});
        assertArrayEquals(fd, concat(g.p().toArray(), new double[] {g.c()}), 1e-6);
    }

    @Test
    void recordInstanceMethodsDifferentiateTheReceiver() {
        FlatCheck.check("norm2", 4, r -> gaussian(r, 3, 1.0),
                x -> new Vec3(x[0], x[1], x[2]).norm2(),
                x -> Vec3Derivatives.norm2_grad(new Vec3(x[0], x[1], x[2])).self().toArray(),
                (x, seed, acc) -> {
                    Vec3Tangent t = new Vec3Tangent(acc[0], acc[1], acc[2]);
                    double v = Vec3Derivatives.norm2_vjp(new Vec3(x[0], x[1], x[2]), seed, t);
                    System.arraycopy(t.toArray(), 0, acc, 0, 3);
                    return v;
                },
                (x, u) -> {
                    Dual d = Vec3Derivatives.norm2_jvp(new Vec3(x[0], x[1], x[2]), new Vec3Tangent(u[0], u[1], u[2]));
                    return new double[] {d.value(), d.tangent()};
                });
        FlatCheck.check("dot", 4, r -> gaussian(r, 6, 1.0),
                x -> new Vec3(x[0], x[1], x[2]).dot(new Vec3(x[3], x[4], x[5])),
                x -> {
                    var g = Vec3Derivatives.dot_grad(new Vec3(x[0], x[1], x[2]), new Vec3(x[3], x[4], x[5]));
                    return concat(g.self().toArray(), g.o().toArray());
                },
                (x, seed, acc) -> {
                    Vec3Tangent s = new Vec3Tangent(acc[0], acc[1], acc[2]);
                    Vec3Tangent o = new Vec3Tangent(acc[3], acc[4], acc[5]);
                    double v = Vec3Derivatives.dot_vjp(new Vec3(x[0], x[1], x[2]), new Vec3(x[3], x[4], x[5]), seed,
                            s, o);
                    System.arraycopy(concat(s.toArray(), o.toArray()), 0, acc, 0, 6);
                    return v;
                },
                (x, u) -> {
                    Dual d = Vec3Derivatives.dot_jvp(new Vec3(x[0], x[1], x[2]), new Vec3(x[3], x[4], x[5]),
                            new Vec3Tangent(u[0], u[1], u[2]), new Vec3Tangent(u[3], u[4], u[5]));
                    return new double[] {d.value(), d.tangent()};
                });
        FlatCheck.check("lengthOf", 4, r -> gaussian(r, 3, 1.0),
                x -> Vec3.lengthOf(new Vec3(x[0], x[1], x[2])),
                x -> Vec3Derivatives.lengthOf_grad(new Vec3(x[0], x[1], x[2])).v().toArray(),
                (x, seed, acc) -> {
                    Vec3Tangent t = new Vec3Tangent(acc[0], acc[1], acc[2]);
                    double v = Vec3Derivatives.lengthOf_vjp(new Vec3(x[0], x[1], x[2]), seed, t);
                    System.arraycopy(t.toArray(), 0, acc, 0, 3);
                    return v;
                },
                (x, u) -> {
                    Dual d = Vec3Derivatives.lengthOf_jvp(new Vec3(x[0], x[1], x[2]), new Vec3Tangent(u[0], u[1], u[2]));
                    return new double[] {d.value(), d.tangent()};
                });
        FlatCheck.check("weighted", 4, r -> gaussian(r, 6, 1.0),
                x -> new Vec3(x[0], x[1], x[2]).weighted(Arrays.copyOfRange(x, 3, 6)),
                x -> {
                    var g = Vec3Derivatives.weighted_grad(new Vec3(x[0], x[1], x[2]), Arrays.copyOfRange(x, 3, 6));
                    return concat(g.self().toArray(), g.a());
                },
                (x, seed, acc) -> {
                    Vec3Tangent s = new Vec3Tangent(acc[0], acc[1], acc[2]);
                    double[] a = Arrays.copyOfRange(acc, 3, 6);
                    double v = Vec3Derivatives.weighted_vjp(new Vec3(x[0], x[1], x[2]), Arrays.copyOfRange(x, 3, 6),
                            seed, s, a);
                    System.arraycopy(concat(s.toArray(), a), 0, acc, 0, 6);
                    return v;
                },
                (x, u) -> {
                    Dual d = Vec3Derivatives.weighted_jvp(new Vec3(x[0], x[1], x[2]), Arrays.copyOfRange(x, 3, 6),
                            new Vec3Tangent(u[0], u[1], u[2]), Arrays.copyOfRange(u, 3, 6));
                    return new double[] {d.value(), d.tangent()};
                });
    }

    @Test
    void tangentClassContract() throws Exception {
        Mlp m = new Mlp(new Layer(new double[][] {{1, 2}, {3, 4, 5}}, new double[] {6, 7}),
                new Layer(new double[][] {{8, 9}}, new double[] {10}), "net");
        MlpTangent zero = MlpTangent.zerosLike(m);
        assertArrayEquals(new double[2 + 3 + 2 + 2 + 1], zero.toArray(), 0.0, "zeros, ragged rows kept");
        assertEquals(3, zero.hidden.w[1].length);
        zero.hidden.w[1][2] = 4.5;
        zero.out.b[0] = -1;
        assertArrayEquals(new double[] {0, 0, 0, 0, 4.5, 0, 0, 0, 0, -1}, zero.toArray(), 0.0, "row-major, declared order");
        MlpTangent same = MlpTangent.zerosLike(m);
        same.hidden.w[1][2] = 4.5;
        same.out.b[0] = -1;
        assertEquals(zero, same);
        assertEquals(zero.hashCode(), same.hashCode());
        same.out.b[0] = -2;
        assertNotEquals(zero, same);
        assertTrue(zero.toString().startsWith("MlpTangent[hidden=LayerTangent[w=[[0.0, 0.0], [0.0, 0.0, 4.5]]"),
                zero.toString());
        // one public mutable field per active component, named as the component; inactive ones have none
        assertEquals(2, MlpTangent.class.getFields().length);
        assertEquals(LayerTangent.class, MlpTangent.class.getField("hidden").getType());
        assertEquals(1, SettingsTangent.class.getFields().length);
        assertEquals(double.class, SettingsTangent.class.getField("scale").getType());
        assertTrue(java.lang.reflect.Modifier.isFinal(MlpTangent.class.getModifiers()));
        ParamsTangent nullArray = ParamsTangent.zerosLike(new Params(null, 1));
        assertNull(nullArray.w);
        assertEquals(0.0, nullArray.b);
    }

    @Test
    void badInputsAreClearErrorsAndTouchNothing() {
        Params p = new Params(new double[] {1, 2, 3}, 0.5);
        double[] x = {1, 1, 1};
        NullPointerException nullValue = assertThrows(NullPointerException.class,
                () -> ValueModelsDerivatives.logLoss_grad(null, x, 0.5));
        assertTrue(nullValue.getMessage().contains("p"), nullValue.getMessage());
        NullPointerException nullArray = assertThrows(NullPointerException.class,
                () -> ValueModelsDerivatives.logLoss_grad(new Params(null, 0.5), x, 0.5));
        assertTrue(nullArray.getMessage().contains("p.w()"), nullArray.getMessage());
        double[] xa = new double[3];
        double[] ya = new double[1];
        assertThrows(NullPointerException.class,
                () -> ValueModelsDerivatives.logLoss_vjp(p, x, 0.5, 1.0, null, xa, ya));
        ParamsTangent shortW = new ParamsTangent(new double[2], 0);
        IllegalArgumentException wrongLength = assertThrows(IllegalArgumentException.class,
                () -> ValueModelsDerivatives.logLoss_vjp(p, x, 0.5, 1.0, shortW, xa, ya));
        assertTrue(wrongLength.getMessage().contains("p_adj.w"), wrongLength.getMessage());
        assertArrayEquals(new double[3], xa, 0.0, "nothing touched");
        assertEquals(0.0, shortW.b, "nothing touched");
        IllegalArgumentException wrongTangent = assertThrows(IllegalArgumentException.class,
                () -> ValueModelsDerivatives.logLoss_jvp(p, x, 0.5, new ParamsTangent(new double[4], 0), x, 0));
        assertTrue(wrongTangent.getMessage().contains("p_dot.w"), wrongTangent.getMessage());
        // NaN inputs propagate, as in the original
        var g = ValueModelsDerivatives.logLoss_grad(new Params(new double[] {Double.NaN, 0, 0}, 0), x, 0.5);
        assertTrue(Double.isNaN(g.value()) && Double.isNaN(g.p().b));
    }

    @Test
    void aliasesOfValuesAndTheirArrays() {
        double[] xs = {0.4, -1.2};
        for (boolean first : new boolean[] {true, false}) {
            // layout: a.w (2 x 2), a.b (2), b.w (2 x 2), b.b (2)
            FlatCheck.check("chooseLayer " + first, 3, r -> gaussian(r, 12, 0.8),
                    f -> ValueModels.chooseLayer(layer(f, 0, 2, 2), layer(f, 6, 2, 2), xs, first),
                    f -> {
                        var g = ValueModelsDerivatives.chooseLayer_grad(layer(f, 0, 2, 2), layer(f, 6, 2, 2), xs, first);
                        return concat(g.a().toArray(), g.b().toArray());
                    },
                    (f, seed, acc) -> {
                        LayerTangent aa = layerTangent(acc, 0, 2, 2);
                        LayerTangent ba = layerTangent(acc, 6, 2, 2);
                        double v = ValueModelsDerivatives.chooseLayer_vjp(layer(f, 0, 2, 2), layer(f, 6, 2, 2), xs,
                                first, seed, aa, ba, new double[2]);
                        System.arraycopy(concat(aa.toArray(), ba.toArray()), 0, acc, 0, 12);
                        return v;
                    },
                    (f, u) -> {
                        Dual d = ValueModelsDerivatives.chooseLayer_jvp(layer(f, 0, 2, 2), layer(f, 6, 2, 2), xs, first,
                                layerTangent(u, 0, 2, 2), layerTangent(u, 6, 2, 2), new double[2]);
                        return new double[] {d.value(), d.tangent()};
                    });
        }
        FlatCheck.check("freshValue", 5, r -> gaussian(r, 4, 1.0),
                f -> ValueModels.freshValue(Arrays.copyOf(f, 3), f[3]),
                f -> {
                    var g = ValueModelsDerivatives.freshValue_grad(Arrays.copyOf(f, 3), f[3]);
                    return concat(g.x(), new double[] {g.c()});
                },
                (f, seed, acc) -> {
                    double[] xa = Arrays.copyOf(acc, 3);
                    double[] ca = {acc[3]};
                    double v = ValueModelsDerivatives.freshValue_vjp(Arrays.copyOf(f, 3), f[3], seed, xa, ca);
                    System.arraycopy(concat(xa, ca), 0, acc, 0, 4);
                    return v;
                },
                (f, u) -> {
                    Dual d = ValueModelsDerivatives.freshValue_jvp(Arrays.copyOf(f, 3), f[3], Arrays.copyOf(u, 3), u[3]);
                    return new double[] {d.value(), d.tangent()};
                });
        Params fixed = new Params(new double[] {0.5, -2.0, 1.5}, 0.3);
        FlatCheck.check("fixedParams", 4, r -> gaussian(r, 3, 1.0),
                f -> ValueModels.fixedParams(fixed, f),
                f -> ValueModelsDerivatives.fixedParams_grad(fixed, f).x(),
                (f, seed, acc) -> ValueModelsDerivatives.fixedParams_vjp(fixed, f, seed, acc),
                (f, u) -> {
                    Dual d = ValueModelsDerivatives.fixedParams_jvp(fixed, f, u);
                    return new double[] {d.value(), d.tangent()};
                });
    }

    @Test
    void jacobianOfAVectorMethodWithARecordParameter() {
        double[] point = {0.3, -0.2, 0.5, 0.1, 1.0, 2.0, -1.0};
        Params p = params(point);
        double[] x = Arrays.copyOfRange(point, N + 1, 2 * N + 1);
        double[][] j = ValueModelsDerivatives.predictions_jacobian(p, x);
        assertEquals(3, j.length);
        for (int r = 0; r < 3; r++) {
            final int row = r;
            double[] fd = FlatCheck.richardson(v -> ValueModels.predictions(params(v),
                    Arrays.copyOfRange(v, N + 1, 2 * N + 1))[row], point);
            assertArrayEquals(fd, j[r], 1e-6 * Math.max(1, Arrays.stream(fd).map(Math::abs).max().orElse(1)),
                    "row " + r + " (p as toArray(), then x)");
        }
    }
}
