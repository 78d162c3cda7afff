package golden;

import org.cotangent.Differentiable;

/**
 * A midpoint integrator over small state arrays and a right-hand side written as a method: the
 * call is inlined and each two-element array becomes two scalars, so the adjoint allocates nothing
 * and saves only what its backward sweep reads.
 */
public class Pendulum {
    @Differentiable
    static void rates(double[] y, double[] dydt, double length) {
        dydt[0] = y[1];
        dydt[1] = -9.81 / length * Math.sin(y[0]);
    }

    @Differentiable(wrt = {"angle", "length"})
    static double swing(double angle, double length, double dt, int steps) {
        double[] y = {angle, 0};
        double[] k = new double[2];
        double[] mid = new double[2];
        for (int s = 0; s < steps; s++) {
            rates(y, k, length);
            mid[0] = y[0] + 0.5 * dt * k[0];
            mid[1] = y[1] + 0.5 * dt * k[1];
            rates(mid, k, length);
            y[0] += dt * k[0];
            y[1] += dt * k[1];
        }
        return y[0];
    }
}
