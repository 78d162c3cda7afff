package org.cotangent.it.loops;

import static org.cotangent.it.scalar.Check.Args.args;
import static org.cotangent.it.scalar.Check.arrays;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cotangent.it.scalar.Check.Args;
import org.junit.jupiter.api.Test;

/** The 1,000-step integrators are checked with a relative tolerance of 1e-5 instead of 1e-6. */
class IntegratorsTest {
    private static final double LONG_RUN_TOL = 1e-5;

    @Test
    void vanDerPolEuler() {
        Args[] points = Inputs.points(301, 3, in -> args()
                .d("mu", in.uniform(0.5, 1.5)).d("x0", in.uniform(-1.5, 1.5)).d("v0", in.uniform(-1.5, 1.5)));
        arrays("vanDerPolEuler", "mu x0 v0", LONG_RUN_TOL,
                a -> Integrators.vanDerPolEuler(a.d(0), a.d(1), a.d(2)),
                a -> IntegratorsDerivatives.vanDerPolEuler_grad(a.d(0), a.d(1), a.d(2)),
                (a, s, acc) -> IntegratorsDerivatives.vanDerPolEuler_vjp(a.d(0), a.d(1), a.d(2), s,
                        acc.v(0), acc.v(1), acc.v(2)),
                points);
    }

    @Test
    void vanDerPolRk4() {
        Args[] points = Inputs.points(302, 3, in -> args()
                .d("mu", in.uniform(0.5, 1.5)).d("x0", in.uniform(-1.5, 1.5)).d("v0", in.uniform(-1.5, 1.5)));
        arrays("vanDerPolRk4", "mu x0 v0", LONG_RUN_TOL,
                a -> Integrators.vanDerPolRk4(a.d(0), a.d(1), a.d(2)),
                a -> IntegratorsDerivatives.vanDerPolRk4_grad(a.d(0), a.d(1), a.d(2)),
                (a, s, acc) -> IntegratorsDerivatives.vanDerPolRk4_vjp(a.d(0), a.d(1), a.d(2), s,
                        acc.v(0), acc.v(1), acc.v(2)),
                points);
    }

    @Test
    void lotkaVolterraRk4() {
        Args[] points = Inputs.points(303, 3, in -> args()
                .d("alpha", in.uniform(0.9, 1.2)).d("beta", in.uniform(0.3, 0.5))
                .d("delta", in.uniform(0.2, 0.4)).d("gamma", in.uniform(0.8, 1.1))
                .d("prey0", in.uniform(1, 2)).d("predator0", in.uniform(0.5, 1.5)));
        arrays("lotkaVolterraRk4", "alpha beta delta gamma prey0 predator0", LONG_RUN_TOL,
                a -> Integrators.lotkaVolterraRk4(a.d(0), a.d(1), a.d(2), a.d(3), a.d(4), a.d(5)),
                a -> IntegratorsDerivatives.lotkaVolterraRk4_grad(a.d(0), a.d(1), a.d(2), a.d(3), a.d(4), a.d(5)),
                (a, s, acc) -> IntegratorsDerivatives.lotkaVolterraRk4_vjp(a.d(0), a.d(1), a.d(2), a.d(3), a.d(4),
                        a.d(5), s, acc.v(0), acc.v(1), acc.v(2), acc.v(3), acc.v(4), acc.v(5)),
                points);
    }

    @Test
    void lotkaVolterraRk4VjpIsLinearInTheSeed() {
        // seed -3 adds -3 times what seed 1 adds (to rounding)
        Inputs in = new Inputs(304);
        double[] p = {in.uniform(0.9, 1.2), in.uniform(0.3, 0.5), in.uniform(0.2, 0.4), in.uniform(0.8, 1.1),
            in.uniform(1, 2), in.uniform(0.5, 1.5)};
        double[][] one = new double[6][1];
        double[][] three = new double[6][1];
        IntegratorsDerivatives.lotkaVolterraRk4_vjp(p[0], p[1], p[2], p[3], p[4], p[5], 1.0,
                one[0], one[1], one[2], one[3], one[4], one[5]);
        IntegratorsDerivatives.lotkaVolterraRk4_vjp(p[0], p[1], p[2], p[3], p[4], p[5], -3.0,
                three[0], three[1], three[2], three[3], three[4], three[5]);
        for (int i = 0; i < 6; i++) {
            assertEquals(-3 * one[i][0], three[i][0], 1e-12 * Math.abs(one[i][0]) * 3);
        }
    }

    @Test
    void lotkaVolterraEuler() {
        Args[] points = Inputs.points(305, 3, in -> args()
                .d("alpha", in.uniform(0.9, 1.2)).d("beta", in.uniform(0.3, 0.5))
                .d("prey0", in.uniform(1, 2)).d("predator0", in.uniform(0.5, 1.5)));
        arrays("lotkaVolterraEuler", "alpha beta prey0 predator0", LONG_RUN_TOL,
                a -> Integrators.lotkaVolterraEuler(a.d(0), a.d(1), a.d(2), a.d(3)),
                a -> IntegratorsDerivatives.lotkaVolterraEuler_grad(a.d(0), a.d(1), a.d(2), a.d(3)),
                (a, s, acc) -> IntegratorsDerivatives.lotkaVolterraEuler_vjp(a.d(0), a.d(1), a.d(2), a.d(3), s,
                        acc.v(0), acc.v(1), acc.v(2), acc.v(3)),
                points);
    }

    @Test
    void pendulumVerlet() {
        Args[] points = Inputs.points(306, 3, in -> args()
                .d("omega", in.uniform(0.8, 1.5)).d("q0", in.uniform(-1, 1)).d("p0", in.uniform(-0.5, 0.5)));
        arrays("pendulumVerlet", "omega q0 p0", LONG_RUN_TOL,
                a -> Integrators.pendulumVerlet(a.d(0), a.d(1), a.d(2)),
                a -> IntegratorsDerivatives.pendulumVerlet_grad(a.d(0), a.d(1), a.d(2)),
                (a, s, acc) -> IntegratorsDerivatives.pendulumVerlet_vjp(a.d(0), a.d(1), a.d(2), s,
                        acc.v(0), acc.v(1), acc.v(2)),
                points);
    }

    @Test
    void heatEquation() {
        Args[] points = Inputs.points(307, 3, in -> args()
                .v("u0", in.vector(12, -1, 1)).d("kappa", in.uniform(0.1, 0.4)));
        List<double[]> gradients = arrays("heatEquation", "u0 kappa",
                a -> Integrators.heatEquation(a.v(0), a.d(1)),
                a -> IntegratorsDerivatives.heatEquation_grad(a.v(0), a.d(1)),
                (a, s, acc) -> IntegratorsDerivatives.heatEquation_vjp(a.v(0), a.d(1), s, acc.v(0), acc.v(1)),
                points);
        assertEquals(13, gradients.get(0).length);
    }

    @Test
    void simpson() {
        Args[] points = Inputs.points(308, 3, in -> args()
                .d("a", in.uniform(-1, 0)).d("b", in.uniform(0.5, 1.5)).d("k", in.uniform(0.5, 2)));
        List<double[]> gradients = arrays("simpson", "a b k",
                a -> Integrators.simpson(a.d(0), a.d(1), a.d(2)),
                a -> IntegratorsDerivatives.simpson_grad(a.d(0), a.d(1), a.d(2)),
                (a, s, acc) -> IntegratorsDerivatives.simpson_vjp(a.d(0), a.d(1), a.d(2), s, acc.v(0), acc.v(1), acc.v(2)),
                points);
        // the rule with 100 intervals is accurate to O(h^4): d/db ~ exp(-k b^2), d/da ~ -exp(-k a^2)
        Inputs in = new Inputs(308);
        double a = in.uniform(-1, 0);
        double b = in.uniform(0.5, 1.5);
        double k = in.uniform(0.5, 2);
        assertEquals(-Math.exp(-k * a * a), gradients.get(0)[0], 1e-5);
        assertEquals(Math.exp(-k * b * b), gradients.get(0)[1], 1e-5);
    }
}
