package org.cotangent.it.loops;

import org.cotangent.Differentiable;

/** Time steppers and quadrature: long loops over state held in small local arrays. */
public final class Integrators {
    private Integrators() {
    }

    /** Van der Pol oscillator x'' = mu (1 - x^2) x' - x, 1,000 explicit Euler steps of 0.01; x(10)^2 + x'(10). */
    @Differentiable
    public static double vanDerPolEuler(double mu, double x0, double v0) {
        final int steps = 1000;
        final double dt = 0.01;
        double[] y = new double[2];
        y[0] = x0;
        y[1] = v0;
        for (int step = 0; step < steps; step++) {
            double dx = y[1];
            double dv = mu * (1 - y[0] * y[0]) * y[1] - y[0];
            y[0] += dt * dx;
            y[1] += dt * dv;
        }
        return y[0] * y[0] + y[1];
    }

    /** Van der Pol oscillator, 1,000 classical Runge-Kutta steps of 0.01 with stage vectors in arrays. */
    @Differentiable
    public static double vanDerPolRk4(double mu, double x0, double v0) {
        final double dt = 0.01;
        double[] y = {x0, v0};
        double[] k1 = new double[2];
        double[] k2 = new double[2];
        double[] k3 = new double[2];
        double[] k4 = new double[2];
        double[] tmp = new double[2];
        for (int step = 0; step < 1000; step++) {
            k1[0] = y[1];
            k1[1] = mu * (1 - y[0] * y[0]) * y[1] - y[0];
            for (int i = 0; i < 2; i++) {
                tmp[i] = y[i] + 0.5 * dt * k1[i];
            }
            k2[0] = tmp[1];
            k2[1] = mu * (1 - tmp[0] * tmp[0]) * tmp[1] - tmp[0];
            for (int i = 0; i < 2; i++) {
                tmp[i] = y[i] + 0.5 * dt * k2[i];
            }
            k3[0] = tmp[1];
            k3[1] = mu * (1 - tmp[0] * tmp[0]) * tmp[1] - tmp[0];
            for (int i = 0; i < 2; i++) {
                tmp[i] = y[i] + dt * k3[i];
            }
            k4[0] = tmp[1];
            k4[1] = mu * (1 - tmp[0] * tmp[0]) * tmp[1] - tmp[0];
            for (int i = 0; i < 2; i++) {
                y[i] += dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
        }
        return y[0] - 0.5 * y[1] * y[1];
    }

    /**
     * Lotka-Volterra predator-prey model, prey' = alpha prey - beta prey pred, pred' = delta prey pred
     * - gamma pred, 1,000 RK4 steps of 0.01; returns log prey(10) + pred(10) / 2.
     */
    @Differentiable
    public static double lotkaVolterraRk4(double alpha, double beta, double delta, double gamma,
                                          double prey0, double predator0) {
        final double dt = 0.01;
        double[] y = {prey0, predator0};
        double[] k1 = new double[2];
        double[] k2 = new double[2];
        double[] k3 = new double[2];
        double[] k4 = new double[2];
        double[] tmp = new double[2];
        for (int step = 0; step < 1000; step++) {
            k1[0] = alpha * y[0] - beta * y[0] * y[1];
            k1[1] = delta * y[0] * y[1] - gamma * y[1];
            for (int i = 0; i < 2; i++) {
                tmp[i] = y[i] + 0.5 * dt * k1[i];
            }
            k2[0] = alpha * tmp[0] - beta * tmp[0] * tmp[1];
            k2[1] = delta * tmp[0] * tmp[1] - gamma * tmp[1];
            for (int i = 0; i < 2; i++) {
                tmp[i] = y[i] + 0.5 * dt * k2[i];
            }
            k3[0] = alpha * tmp[0] - beta * tmp[0] * tmp[1];
            k3[1] = delta * tmp[0] * tmp[1] - gamma * tmp[1];
            for (int i = 0; i < 2; i++) {
                tmp[i] = y[i] + dt * k3[i];
            }
            k4[0] = alpha * tmp[0] - beta * tmp[0] * tmp[1];
            k4[1] = delta * tmp[0] * tmp[1] - gamma * tmp[1];
            for (int i = 0; i < 2; i++) {
                y[i] = y[i] + dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
        }
        return Math.log(y[0]) + 0.5 * y[1];
    }

    /** Lotka-Volterra with 1,000 explicit Euler steps, the two updates through scalar temporaries. */
    @Differentiable
    public static double lotkaVolterraEuler(double alpha, double beta, double prey0, double predator0) {
        double[] y = {prey0, predator0};
        for (int step = 0; step < 1000; step++) {
            double dPrey = alpha * y[0] - beta * y[0] * y[1];
            double dPredator = 0.3 * y[0] * y[1] - y[1];
            y[0] += 0.01 * dPrey;
            y[1] += 0.01 * dPredator;
        }
        return y[0] * y[1];
    }

    /** Pendulum q'' = -omega^2 sin q, 1,000 velocity-Verlet steps of 0.01; returns the final energy-like sum. */
    @Differentiable
    public static double pendulumVerlet(double omega, double q0, double p0) {
        double q = q0;
        double p = p0;
        double dt = 0.01;
        double force = -omega * omega * Math.sin(q);
        int step = 0;
        while (step < 1000) {
            p += 0.5 * dt * force;
            q += dt * p;
            force = -omega * omega * Math.sin(q);
            p += 0.5 * dt * force;
            step++;
        }
        return 0.5 * p * p - omega * omega * Math.cos(q) + 0.1 * q;
    }

    /**
     * Explicit heat equation on a rod with fixed ends: 200 steps of u_i += kappa (u_{i-1} - 2 u_i +
     * u_{i+1}) through a scratch array copied back; returns sum u_i^2 + u_mid.
     */
    @Differentiable
    public static double heatEquation(double[] u0, double kappa) {
        int n = u0.length;
        double[] u = u0.clone();
        double[] next = new double[n];
        for (int step = 0; step < 200; step++) {
            next[0] = u[0];
            next[n - 1] = u[n - 1];
            for (int i = 1; i < n - 1; i++) {
                next[i] = u[i] + kappa * (u[i - 1] - 2 * u[i] + u[i + 1]);
            }
            for (int i = 0; i < n; i++) {
                u[i] = next[i];
            }
        }
        double s = u[n / 2];
        for (int i = 0; i < n; i++) {
            s += u[i] * u[i];
        }
        return s;
    }

    /** Composite Simpson rule for the integral of exp(-k t^2) from a to b with 100 intervals. */
    @Differentiable
    public static double simpson(double a, double b, double k) {
        final int intervals = 100;
        double h = (b - a) / intervals;
        double s = 0;
        for (int i = 0; i <= intervals; i++) {
            double t = a + i * h;
            double weight = i == 0 || i == intervals ? 1 : (i % 2 == 1 ? 4 : 2);
            s += weight * Math.exp(-k * t * t);
        }
        return s * h / 3;
    }
}
