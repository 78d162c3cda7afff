package org.cotangent.it.calls;

import org.cotangent.it.loops.Inputs;

import static org.cotangent.it.scalar.Check.Args.args;
import static org.cotangent.it.scalar.Check.arrays;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.cotangent.it.scalar.Check.Args;
import org.cotangent.runtime.GradCheck;
import org.junit.jupiter.api.Test;

class LotkaTest {
    private static final double LONG_RUN_TOL = 1e-5;

    @Test
    void rhsOutputArraySemantics() {
        Inputs in = new Inputs(2001);
        for (int p = 0; p < 3; p++) {
            Object[] point = {in.uniform(0, 1), in.vector(2, 0.5, 2), in.vector(2, -3, 3), in.uniform(0.9, 1.2),
                in.uniform(0.3, 0.5), in.uniform(0.2, 0.4), in.uniform(0.8, 1.1)};
            Object[] acc = OutputCheck.check("rhs", "t y dydt alpha beta delta gamma", point,
                    "t y dydt alpha beta delta gamma", "dydt", 1e-6, 41 + p,
                    a -> Lotka.rhs((Double) a[0], (double[]) a[1], (double[]) a[2], (Double) a[3], (Double) a[4],
                            (Double) a[5], (Double) a[6]),
                    (a, c) -> LotkaDerivatives.rhs_vjp((Double) a[0], (double[]) a[1], (double[]) a[2], (Double) a[3],
                            (Double) a[4], (Double) a[5], (Double) a[6], (double[]) c[0], (double[]) c[1],
                            (double[]) c[2], (double[]) c[3], (double[]) c[4], (double[]) c[5], (double[]) c[6]));
            assertArrayEquals(new double[2], (double[]) acc[2], 0.0, "dydt is overwritten: its adjoint ends at 0");
            assertArrayEquals(new double[] {OutputCheck.PREFILL}, (double[]) acc[0], 0.0, "t is unused");
        }
    }

    @Test
    void lotkaVolterra() {
        Args[] points = Inputs.points(2002, 3, in -> args()
                .d("alpha", in.uniform(0.9, 1.2)).d("beta", in.uniform(0.3, 0.5))
                .d("delta", in.uniform(0.2, 0.4)).d("gamma", in.uniform(0.8, 1.1))
                .v("y0", in.uniform(1, 2), in.uniform(0.5, 1.5)));
        arrays("lotkaVolterra", "alpha beta delta gamma y0", LONG_RUN_TOL,
                a -> Lotka.lotkaVolterra(a.d(0), a.d(1), a.d(2), a.d(3), a.v(4)),
                a -> LotkaDerivatives.lotkaVolterra_grad(a.d(0), a.d(1), a.d(2), a.d(3), a.v(4)),
                (a, s, acc) -> LotkaDerivatives.lotkaVolterra_vjp(a.d(0), a.d(1), a.d(2), a.d(3), a.v(4), s,
                        acc.v(0), acc.v(1), acc.v(2), acc.v(3), acc.v(4)),
                points);
    }

    @Test
    void lotkaVolterraAgreesWithTheInlinedIntegrator() {
        // the same model with rhs inlined (loops.Integrators.lotkaVolterraRk4) gives the same value and gradient
        double[] p = {1.05, 0.4, 0.3, 0.95, 1.5, 1.0};
        var viaCalls = LotkaDerivatives.lotkaVolterra_grad(p[0], p[1], p[2], p[3], new double[] {p[4], p[5]});
        var inlined = org.cotangent.it.loops.IntegratorsDerivatives.lotkaVolterraRk4_grad(p[0], p[1], p[2], p[3],
                p[4], p[5]);
        assertArrayEquals(new double[] {inlined.value(), inlined.alpha(), inlined.beta(), inlined.delta(),
            inlined.gamma(), inlined.prey0(), inlined.predator0()},
                new double[] {viaCalls.value(), viaCalls.alpha(), viaCalls.beta(), viaCalls.delta(), viaCalls.gamma(),
                    viaCalls.y0()[0], viaCalls.y0()[1]}, 1e-9);
    }

    @Test
    void rk4StepReadsAndWritesY() {
        Inputs in = new Inputs(2003);
        for (int p = 0; p < 3; p++) {
            Object[] point = {in.vector(2, 0.5, 2), in.uniform(0.01, 0.2), in.uniform(0.9, 1.2), in.uniform(0.3, 0.5),
                in.uniform(0.2, 0.4), in.uniform(0.8, 1.1)};
            OutputCheck.check("rk4Step", "y dt alpha beta delta gamma", point, "y dt alpha beta delta gamma", "y",
                    1e-6, 51 + p,
                    a -> Lotka.rk4Step((double[]) a[0], (Double) a[1], (Double) a[2], (Double) a[3], (Double) a[4],
                            (Double) a[5]),
                    (a, c) -> LotkaDerivatives.rk4Step_vjp((double[]) a[0], (Double) a[1], (Double) a[2],
                            (Double) a[3], (Double) a[4], (Double) a[5], (double[]) c[0], (double[]) c[1],
                            (double[]) c[2], (double[]) c[3], (double[]) c[4], (double[]) c[5]));
        }
    }

    /** The gradient alone: lotkaVolterraSteps' final y is what {@link #lotkaVolterraSteps} checks. */
    @Test
    void lotkaVolterraStepsGradient() {
        Inputs in = new Inputs(2014);
        for (int p = 0; p < 3; p++) {
            double[] x = {in.uniform(1, 2), in.uniform(0.5, 1.5), in.uniform(0.9, 1.2), in.uniform(0.3, 0.5),
                in.uniform(0.2, 0.4), in.uniform(0.8, 1.1)};
            var g = LotkaDerivatives.lotkaVolterraSteps_grad(new double[] {x[0], x[1]}, x[2], x[3], x[4], x[5]);
            GradCheck.assertGradient(v -> Lotka.lotkaVolterraSteps(new double[] {v[0], v[1]}, v[2], v[3], v[4], v[5]),
                    x, new double[] {g.y()[0], g.y()[1], g.alpha(), g.beta(), g.delta(), g.gamma()}, LONG_RUN_TOL,
                    GradCheck.DEFAULT_ABS_TOL);
        }
    }

    @Test
    void lotkaVolterraSteps() {
        Args[] points = Inputs.points(2004, 3, in -> args()
                .v("y", in.uniform(1, 2), in.uniform(0.5, 1.5)).modified()
                .d("alpha", in.uniform(0.9, 1.2)).d("beta", in.uniform(0.3, 0.5))
                .d("delta", in.uniform(0.2, 0.4)).d("gamma", in.uniform(0.8, 1.1)));
        arrays("lotkaVolterraSteps", "y alpha beta delta gamma", LONG_RUN_TOL,
                a -> Lotka.lotkaVolterraSteps(a.v(0), a.d(1), a.d(2), a.d(3), a.d(4)),
                a -> LotkaDerivatives.lotkaVolterraSteps_grad(a.v(0), a.d(1), a.d(2), a.d(3), a.d(4)),
                (a, s, acc) -> LotkaDerivatives.lotkaVolterraSteps_vjp(a.v(0), a.d(1), a.d(2), a.d(3), a.d(4), s,
                        acc.v(0), acc.v(1), acc.v(2), acc.v(3), acc.v(4)),
                points);
    }
}
