package org.cotangent.it.values;

import static org.cotangent.it.values.FlatCheck.concat;
import static org.cotangent.it.values.FlatCheck.gaussian;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.cotangent.runtime.Dual;
import org.junit.jupiter.api.Test;

/** Helpers that take, return or are called on values, read in place of their calls. */
class ValueCallsTest {
    @Test
    void helperReturningARecordAndARecordMethod() {
        FlatCheck.check("trig", 8, r -> gaussian(r, 2, 1.5),
                x -> ValueCallsModels.trig(x[0], x[1]),
                x -> {
                    var g = ValueCallsModelsDerivatives.trig_grad(x[0], x[1]);
                    return new double[] {g.t(), g.u()};
                },
                (x, seed, acc) -> {
                    double[] ta = {acc[0]};
                    double[] ua = {acc[1]};
                    double v = ValueCallsModelsDerivatives.trig_vjp(x[0], x[1], seed, ta, ua);
                    acc[0] = ta[0];
                    acc[1] = ua[0];
                    return v;
                },
                (x, u) -> {
                    Dual d = ValueCallsModelsDerivatives.trig_jvp(x[0], x[1], u[0], u[1]);
                    return new double[] {d.value(), d.tangent()};
                });
        double[][] h = ValueCallsModelsDerivatives.trig_hessian(0.3, -0.8);
        assertEquals(h[0][1], h[1][0], 1e-12, "second order through inlined helpers");
    }

    @Test
    void helpersTakingFinalClassValuesInALoop() {
        FlatCheck.check("vectors", 8, r -> new double[] {r.nextGaussian(), r.nextGaussian(), 0.5 + r.nextDouble()},
                x -> ValueCallsModels.vectors(x[0], x[1], x[2]),
                x -> {
                    var g = ValueCallsModelsDerivatives.vectors_grad(x[0], x[1], x[2]);
                    return new double[] {g.x(), g.y(), g.k()};
                },
                (x, seed, acc) -> {
                    double[] a = {acc[0]};
                    double[] b = {acc[1]};
                    double[] c = {acc[2]};
                    double v = ValueCallsModelsDerivatives.vectors_vjp(x[0], x[1], x[2], seed, a, b, c);
                    acc[0] = a[0];
                    acc[1] = b[0];
                    acc[2] = c[0];
                    return v;
                },
                (x, u) -> {
                    Dual d = ValueCallsModelsDerivatives.vectors_jvp(x[0], x[1], x[2], u[0], u[1], u[2]);
                    return new double[] {d.value(), d.tangent()};
                });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ValueCallsModelsDerivatives.vectors_grad(1, 2, 0));
        assertEquals("zero scale", e.getMessage(), "the inlined helper's check passes through");
    }

    @Test
    void methodsOfARecordInAnotherFile() {
        FlatCheck.check("records", 8, r -> gaussian(r, 2, 1.0),
                x -> ValueCallsModels.records(x[0], x[1]),
                x -> {
                    var g = ValueCallsModelsDerivatives.records_grad(x[0], x[1]);
                    return new double[] {g.a(), g.b()};
                },
                (x, seed, acc) -> {
                    double[] a = {acc[0]};
                    double[] b = {acc[1]};
                    double v = ValueCallsModelsDerivatives.records_vjp(x[0], x[1], seed, a, b);
                    acc[0] = a[0];
                    acc[1] = b[0];
                    return v;
                },
                (x, u) -> {
                    Dual d = ValueCallsModelsDerivatives.records_jvp(x[0], x[1], u[0], u[1]);
                    return new double[] {d.value(), d.tangent()};
                });
    }

    private static Params params(double[] flat) {
        return new Params(Arrays.copyOfRange(flat, 0, 3), flat[3]);
    }

    @Test
    void helpersWritingAValuesArraysAsTheOriginal() {
        double[] x = {0.5, -1.0, 2.0};
        FlatCheck.check("linear", 6, r -> concat(gaussian(r, 4, 0.7), new double[] {0.1 + 0.3 * r.nextDouble()}),
                f -> ValueCallsModels.linear(params(f), x, f[4]),
                f -> {
                    var g = ValueCallsModelsDerivatives.linear_grad(params(f), x, f[4]);
                    return concat(g.p().toArray(), new double[] {g.rate()});
                },
                (f, seed, acc) -> {
                    ParamsTangent pa = new ParamsTangent(Arrays.copyOfRange(acc, 0, 3), acc[3]);
                    double[] xa = new double[3];
                    double[] ra = {acc[4]};
                    double v = ValueCallsModelsDerivatives.linear_vjp(params(f), x, f[4], seed, pa, xa, ra);
                    System.arraycopy(concat(pa.toArray(), ra), 0, acc, 0, 5);
                    return v;
                },
                (f, u) -> {
                    Dual d = ValueCallsModelsDerivatives.linear_jvp(params(f), x, f[4],
                            new ParamsTangent(Arrays.copyOfRange(u, 0, 3), u[3]), new double[3], u[4]);
                    return new double[] {d.value(), d.tangent()};
                });
        Params p = new Params(new double[] {1, 2, 3}, 0);
        ValueCallsModelsDerivatives.linear_grad(p, x, 0.5);
        assertArrayEquals(new double[] {0.5, 1, 1.5}, p.w(), 0.0, "w decayed in place, as linear does");
    }
}
