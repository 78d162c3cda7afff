package org.cotangent.it.vector;

import static org.cotangent.it.vector.VectorCheck.at;
import static org.cotangent.it.vector.VectorCheck.checkAll;
import static org.cotangent.it.vector.VectorCheck.random;
import static org.cotangent.it.vector.VectorCheck.vec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.cotangent.runtime.Jacobians;
import org.junit.jupiter.api.Test;

class FlowsTest {
    /** Planar flow parameters with w . u = -0.9 >= -1: invertible, and det J_f(z) ranges over [0.1, 1]. */
    static final double[] U = {-1.0, 0.5};
    static final double[] W = {1.5, 1.2};
    static final double B = 0.3;
    /** Coupling parameters: s(z0) = 0.8 tanh(1.3 z0 - 0.2), t(z0) = 0.6 sin z0 + 1.5 z0^2 / (1 + z0^2). */
    static final double[] THETA = {0.8, 1.3, -0.2, 0.6, 1.5};

    @Test
    void planar() {
        List<VectorCheck.Result> r = checkAll(Flows.class, "planar", "z",
                at(vec(0.3, -0.2), U, W, B), at(vec(-1.5, 2.0), U, W, B), at(vec(2.0, 1.0), vec(0.4, 0.9), vec(-0.7, 0.3), -0.5));
        // det J = 1 + (1 - tanh^2) w . u (matrix determinant lemma)
        double a = Math.tanh(W[0] * 0.3 + W[1] * -0.2 + B);
        double expected = 1 + (1 - a * a) * (W[0] * U[0] + W[1] * U[1]);
        assertEquals(expected, Jacobians.det(r.get(0).jacobian()), 1e-15);
        assertEquals(Math.log(expected), Jacobians.logAbsDet(r.get(0).jacobian()), 1e-14);
    }

    @Test
    void planarAll() {
        List<VectorCheck.Result> r = checkAll(Flows.class, "planarAll", "z u w b",
                at(vec(0.3, -0.2), U, W, B), at(vec(-1.5, 2.0), vec(0.4, 0.9), vec(-0.7, 0.3), -0.5));
        // its first two columns are planar's Jacobian
        double[][] full = r.get(0).jacobian();
        double[][] z = VectorCheck.check(Flows.class, "planar", "z", vec(0.3, -0.2), U, W, B).jacobian();
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 2; k++) {
                assertEquals(z[i][k], full[i][k], 1e-15);
            }
        }
        assertEquals(7, full[0].length);
    }

    @Test
    void coupling() {
        checkAll(Flows.class, "coupling", "z theta", at(vec(0.4, -1.1), THETA), at(vec(-2.0, 0.7), THETA),
                at(vec(1.2, 3.0), random(5, -1, 1, 70)));
    }

    @Test
    void couplingZ() {
        List<VectorCheck.Result> r = checkAll(Flows.class, "couplingZ", "z",
                at(vec(0.4, -1.1), THETA), at(vec(-2.0, 0.7), THETA));
        // triangular Jacobian: log |det| = s(z0)
        assertEquals(Flows.scale(0.4, THETA), Jacobians.logAbsDet(r.get(0).jacobian()), 1e-15);
        assertEquals(0.0, r.get(0).jacobian()[0][1], 0.0);
    }

    // ---------------------------------------------------------------------------------------------
    // Change of variables

    static double standardNormal2(double[] z) {
        return Math.exp(-0.5 * (z[0] * z[0] + z[1] * z[1])) / (2 * Math.PI);
    }

    /**
     * The planar flow pushes a standard 2-D Gaussian forward; its density p_Y(y) = p_Z(z) / |det J_f(z)|
     * with z = f^{-1}(y) found by Newton's method on the generated Jacobian must integrate to 1 over a
     * 400 x 400 midpoint grid on [-8, 8]^2.
     */
    @Test
    void planarFlowDensityIntegratesToOne() {
        int cells = 400;
        double lo = -8;
        double step = 16.0 / cells;
        double total = 0;
        double minLogDet = 0;
        double[] mean = new double[2];
        double[] z = new double[2];
        for (int a = 0; a < cells; a++) {
            for (int c = 0; c < cells; c++) {
                double[] y = {lo + (a + 0.5) * step, lo + (c + 0.5) * step};
                invertPlanar(y, z);
                double logDet = Jacobians.logAbsDet(FlowsDerivatives.planar_jacobian(z, U, W, B));
                minLogDet = Math.min(minLogDet, logDet);
                double density = standardNormal2(z) * Math.exp(-logDet);
                total += density * step * step;
                mean[0] += y[0] * density * step * step;
                mean[1] += y[1] * density * step * step;
            }
        }
        assertEquals(1.0, total, 1e-3, "integral of the pushed-forward density");
        assertTrue(minLogDet < -1.5, "the grid sees the flow's compression (min log |det J| = " + minLogDet + ")");
        // E[Y] = u E[tanh(w . Z + b)] with w . Z ~ N(0, |w|^2): a 1-D Gauss-Hermite-free check by quadrature
        double sigma = Math.hypot(W[0], W[1]);
        double e = 0;
        int k = 20000;
        for (int i = 0; i < k; i++) {
            double s = -10 + (i + 0.5) * 20.0 / k;
            e += Math.tanh(sigma * s + B) * Math.exp(-0.5 * s * s) / Math.sqrt(2 * Math.PI) * 20.0 / k;
        }
        assertEquals(U[0] * e, mean[0], 1e-3, "E[Y_0]");
        assertEquals(U[1] * e, mean[1], 1e-3, "E[Y_1]");
    }

    /** Damped Newton for f(z) = y with the generated Jacobian; writes z. */
    private static void invertPlanar(double[] y, double[] z) {
        z[0] = y[0];
        z[1] = y[1];
        double[] r = residual(z, y);
        double norm = Math.hypot(r[0], r[1]);
        for (int it = 0; it < 100; it++) {
            if (norm <= 1e-13 * (1 + Math.hypot(y[0], y[1]))) {
                return;
            }
            double[][] j = FlowsDerivatives.planar_jacobian(z, U, W, B);
            double det = Jacobians.det(j);
            // solve J d = r (2 x 2, Cramer)
            double d0 = (r[0] * j[1][1] - j[0][1] * r[1]) / det;
            double d1 = (j[0][0] * r[1] - j[1][0] * r[0]) / det;
            double t = 1;
            double[] trial = new double[2];
            while (true) {
                trial[0] = z[0] - t * d0;
                trial[1] = z[1] - t * d1;
                double[] rt = residual(trial, y);
                double nt = Math.hypot(rt[0], rt[1]);
                if (nt < norm || t < 1e-10) {
                    z[0] = trial[0];
                    z[1] = trial[1];
                    r = rt;
                    norm = nt;
                    break;
                }
                t /= 2;
            }
        }
        fail("Newton did not converge at y = (" + y[0] + ", " + y[1] + "), residual " + norm);
    }

    private static double[] residual(double[] z, double[] y) {
        double[] f = Flows.planar(z, U, W, B);
        return new double[] {f[0] - y[0], f[1] - y[1]};
    }

    /**
     * The same for the coupling layer, with its closed-form inverse z0 = y0,
     * z1 = (y1 - t(y0)) exp(-s(y0)), and log |det J| from the generated Jacobian.
     */
    @Test
    void couplingDensityIntegratesToOne() {
        int cells = 400;
        double lo = -8;
        double step = 16.0 / cells;
        double total = 0;
        double[] z = new double[2];
        for (int a = 0; a < cells; a++) {
            for (int c = 0; c < cells; c++) {
                double y0 = lo + (a + 0.5) * step;
                double y1 = lo + (c + 0.5) * step;
                z[0] = y0;
                z[1] = (y1 - Flows.shift(y0, THETA)) * Math.exp(-Flows.scale(y0, THETA));
                double[] back = Flows.couplingZ(z, THETA);
                assertEquals(y1, back[1], 1e-12 * (1 + Math.abs(y1)));
                double logDet = Jacobians.logAbsDet(FlowsDerivatives.couplingZ_jacobian(z, THETA));
                total += standardNormal2(z) * Math.exp(-logDet) * step * step;
            }
        }
        assertEquals(1.0, total, 1e-3, "integral of the pushed-forward density");
    }
}
