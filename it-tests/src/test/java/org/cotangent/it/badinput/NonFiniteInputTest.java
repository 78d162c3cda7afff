package org.cotangent.it.badinput;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cotangent.runtime.Dual;
import org.cotangent.runtime.DualVector;
import org.junit.jupiter.api.Test;

/**
 * NaN and infinite inputs, seeds and tangents.
 *
 * <p>The behaviour: nothing is checked and nothing is thrown. The generated code is plain IEEE 754
 * arithmetic on the primal values and the partial derivatives, so a NaN or an infinity flows into
 * exactly those outputs whose formula reads it: the value where the function reads it, and a
 * gradient component where that component's partial derivative (or the adjoint chain leading to it)
 * reads it. Components that do not depend on the bad input stay finite and exact (d(x*y)/dy = x is
 * finite even when y is NaN). Two consequences of IEEE arithmetic worth knowing, the same as in
 * JAX:
 * <ul>
 * <li>{@code 0 * Infinity = NaN}: where a partial derivative is infinite ({@code sqrt'(0) =
 * +Infinity}), a zero adjoint or a zero tangent multiplied with it gives NaN, not 0 (the gradient
 * of {@code sqrt(x) * 0} at {@code x = 0} is NaN in x);</li>
 * <li>a NaN or infinite seed poisons every accumulator it is multiplied into, and an infinite seed
 * times a zero partial derivative is NaN.</li>
 * </ul>
 */
class NonFiniteInputTest {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    private static void assertNaN(double v, String what) {
        assertTrue(Double.isNaN(v), what + " should be NaN but is " + v);
    }

    // ---------------------------------------------------------------- scalars(x, y) = x*y + sin(x)

    @Test
    void nanInputMakesValueAndDependentComponentsNaN() {
        ShapesDerivatives.ScalarsGradient g = ShapesDerivatives.scalars_grad(NAN, 2.0);
        assertNaN(g.value(), "value");
        assertNaN(g.x(), "df/dx = y + cos(x)");
        assertNaN(g.y(), "df/dy = x");

        // y = NaN: df/dy = x does not read y and stays exact
        ShapesDerivatives.ScalarsGradient h = ShapesDerivatives.scalars_grad(0.5, NAN);
        assertNaN(h.value(), "value");
        assertNaN(h.x(), "df/dx = y + cos(x)");
        assertEquals(0.5, h.y(), 0.0);
    }

    @Test
    void infiniteInputPropagatesByIeeeArithmetic() {
        // sin(+Inf) = NaN, so the value and df/dx = y + cos(x) are NaN; df/dy = x = +Inf
        ShapesDerivatives.ScalarsGradient g = ShapesDerivatives.scalars_grad(INF, 2.0);
        assertNaN(g.value(), "value");
        assertNaN(g.x(), "df/dx");
        assertEquals(INF, g.y(), 0.0);

        // y = +Inf: value +Inf, df/dx = +Inf, df/dy = x exact
        ShapesDerivatives.ScalarsGradient h = ShapesDerivatives.scalars_grad(1.0, INF);
        assertEquals(INF, h.value(), 0.0);
        assertEquals(INF, h.x(), 0.0);
        assertEquals(1.0, h.y(), 0.0);

        // forward mode along y only: the zero tangent of x meets df/dx = y + cos(x) = +Inf, and
        // 0 * Inf = NaN, although the directional derivative df/dy * 1 = x = 1 is finite
        Dual d = ShapesDerivatives.scalars_jvp(1.0, INF, 0.0, 1.0);
        assertEquals(INF, d.value(), 0.0);
        assertNaN(d.tangent(), "y * 0 + x * 1 + cos(x) * 0 with y = Inf");
        // along x only: Inf
        assertEquals(INF, ShapesDerivatives.scalars_jvp(1.0, INF, 1.0, 0.0).tangent(), 0.0);
    }

    @Test
    void nanSeedPoisonsEveryAccumulatorButNotTheValue() {
        double[] xAdj = {1.0};
        double[] yAdj = {1.0};
        double value = ShapesDerivatives.scalars_vjp(0.5, 2.0, NAN, xAdj, yAdj);
        assertEquals(0.5 * 2.0 + Math.sin(0.5), value, 0.0);
        assertNaN(xAdj[0], "x_adj");
        assertNaN(yAdj[0], "y_adj");
    }

    @Test
    void infiniteSeedGivesSignedInfinities() {
        double[] xAdj = {0.0};
        double[] yAdj = {0.0};
        ShapesDerivatives.scalars_vjp(0.5, 2.0, Double.NEGATIVE_INFINITY, xAdj, yAdj);
        assertEquals(Double.NEGATIVE_INFINITY, xAdj[0], 0.0); // -Inf * (2 + cos 0.5)
        assertEquals(Double.NEGATIVE_INFINITY, yAdj[0], 0.0); // -Inf * 0.5

        // an infinite seed times a zero partial derivative (df/dy = x = 0) is NaN
        double[] xAdj0 = {0.0};
        double[] yAdj0 = {0.0};
        ShapesDerivatives.scalars_vjp(0.0, 2.0, INF, xAdj0, yAdj0);
        assertEquals(INF, xAdj0[0], 0.0);
        assertNaN(yAdj0[0], "Inf * 0");
    }

    // --------------------------------------------------------------------- root(x, y) = sqrt(x) * y

    @Test
    void sqrtAtZeroHasInfiniteDerivative() {
        ShapesDerivatives.RootGradient g = ShapesDerivatives.root_grad(0.0, 3.0);
        assertEquals(0.0, g.value(), 0.0);
        assertEquals(INF, g.x(), 0.0); // 3 * sqrt'(0) = 3 * +Inf
        assertEquals(0.0, g.y(), 0.0);
    }

    @Test
    void zeroTimesInfiniteDerivativeIsNaN() {
        // mathematically d/dx (sqrt(x) * 0) = 0 for x > 0; at x = 0 IEEE gives 0 * Inf = NaN
        ShapesDerivatives.RootGradient g = ShapesDerivatives.root_grad(0.0, 0.0);
        assertEquals(0.0, g.value(), 0.0);
        assertNaN(g.x(), "0 * sqrt'(0)");
        assertEquals(0.0, g.y(), 0.0);

        // forward mode along y only: the zero tangent of x meets sqrt'(0) = Inf, so the tangent is NaN
        Dual d = ShapesDerivatives.root_jvp(0.0, 3.0, 0.0, 1.0);
        assertEquals(0.0, d.value(), 0.0);
        assertNaN(d.tangent(), "y * (sqrt'(0) * 0) + sqrt(0) * 1");
    }

    @Test
    void outsideTheDomainEverythingIsNaN() {
        ShapesDerivatives.RootGradient g = ShapesDerivatives.root_grad(-1.0, 2.0);
        assertNaN(g.value(), "sqrt(-1) * 2");
        assertNaN(g.x(), "df/dx");
        assertNaN(g.y(), "df/dy = sqrt(-1)");

        // even a zero seed does not clear it: 0 * NaN = NaN
        double[] xAdj = {0.0};
        double[] yAdj = {0.0};
        ShapesDerivatives.root_vjp(-1.0, 2.0, 0.0, xAdj, yAdj);
        assertNaN(xAdj[0], "x_adj");
        assertNaN(yAdj[0], "y_adj");
    }

    // ------------------------------------------- mixed(a, v, m) = a * sum_i v[i] * (m[i][0] + m[i][1])

    @Test
    void nanInOneArrayElementReachesOnlyWhatReadsIt() {
        double[] v = {1.0, NAN, 0.5};
        double[][] m = {{1.0, 2.0}, {3.0, -1.0}, {0.25, 4.0}};
        double a = 1.5;
        ShapesDerivatives.MixedGradient g = ShapesDerivatives.mixed_grad(a, v, m);
        assertNaN(g.value(), "value");
        assertNaN(g.a(), "df/da = s");
        // df/dv[i] = a * (m[i][0] + m[i][1]) never reads v: all finite and exact
        assertArrayEquals(new double[] {a * 3.0, a * 2.0, a * 4.25}, g.v(), 0.0);
        // df/dm[i][k] = a * v[i]: NaN exactly in row 1
        assertArrayEquals(new double[] {a, a}, g.m()[0], 0.0);
        assertNaN(g.m()[1][0], "df/dm[1][0]");
        assertNaN(g.m()[1][1], "df/dm[1][1]");
        assertArrayEquals(new double[] {a * 0.5, a * 0.5}, g.m()[2], 0.0);
    }

    // ------------------------------- vector(k, x) = (k*x[0]*x[1], x[0] + x[2], k*x[2]*x[2])

    @Test
    void vectorValuedNanReachesOnlyDependentOutputs() {
        double[] x = {1.0, NAN, -0.5};
        DualVector d = ShapesDerivatives.vector_jvp(2.0, x, 1.0, new double[3]);
        assertNaN(d.value()[0], "value[0]");
        assertEquals(0.5, d.value()[1], 0.0);
        assertEquals(0.5, d.value()[2], 0.0);
        assertNaN(d.tangent()[0], "d out[0] / dk = x[0] * x[1]");
        assertEquals(0.0, d.tangent()[1], 0.0);
        assertEquals(0.25, d.tangent()[2], 0.0);

        // reverse mode with a seed that ignores output 0: x[1] only enters through output 0, whose
        // adjoint is 0, but the partial d out[0]/dx[0] = k * x[1] is NaN and 0 * NaN = NaN
        double[] kAdj = {0.0};
        double[] xAdj = new double[3];
        ShapesDerivatives.vector_vjp(2.0, x, new double[] {0.0, 1.0, 1.0}, kAdj, xAdj);
        assertNaN(kAdj[0], "0 * (x[0] * x[1]) + x[2]^2");
        assertNaN(xAdj[0], "0 * k * x[1] + 1");
        assertEquals(0.0, xAdj[1], 0.0); // 0 * k * x[0]: finite factors
        assertEquals(1.0 + 2 * 2.0 * -0.5, xAdj[2], 0.0);
    }

    // ------------------------------------------------------------ fill(s, x, out): out[i] = x[i]^2 s

    @Test
    void voidMethodWithInfiniteInput() {
        double[] x = {1.0, INF, -0.5};
        double[] out = new double[3];
        double[] sAdj = {0.0};
        double[] xAdj = new double[3];
        double[] outAdj = {1.0, 1.0, 0.0};
        ShapesDerivatives.fill_vjp(2.0, x, out, sAdj, xAdj, outAdj);
        assertArrayEquals(new double[] {2.0, INF, 0.5}, out, 0.0);
        assertArrayEquals(new double[] {4.0, INF, 0.0}, xAdj, 0.0); // 2 s x[i] * out_adj[i]; 0 * (-2) = -0.0
        assertEquals(INF, sAdj[0], 0.0); // sum x[i]^2 out_adj[i]
        assertArrayEquals(new double[] {0.0, 0.0, 0.0}, outAdj, 0.0); // overwritten elements end at 0

        // a zero adjoint on the infinite element: 0 * Inf = NaN in x_adj[1] and s_adj
        double[] sAdj0 = {0.0};
        double[] xAdj0 = new double[3];
        ShapesDerivatives.fill_vjp(2.0, x, new double[3], sAdj0, xAdj0, new double[] {1.0, 0.0, 1.0});
        assertNaN(xAdj0[1], "x_adj[1]");
        assertNaN(sAdj0[0], "s_adj");
        assertEquals(4.0, xAdj0[0], 0.0);

        double[] outDot = new double[3];
        ShapesDerivatives.fill_jvp(2.0, x, new double[3], 1.0, new double[3], outDot);
        // s (2 x[i] x_dot[i]) + x[i]^2 s_dot: the zero tangent x_dot[1] meets the infinite x[1]
        assertEquals(1.0, outDot[0], 0.0);
        assertNaN(outDot[1], "out_dot[1] = 2 * (2 * Inf * 0) + Inf");
        assertEquals(0.25, outDot[2], 0.0);
    }
}
