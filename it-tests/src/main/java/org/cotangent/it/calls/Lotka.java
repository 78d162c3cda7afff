package org.cotangent.it.calls;

import org.cotangent.Differentiable;

/** Lotka-Volterra predator-prey model integrated with RK4 steps that call a void right-hand side. */
public final class Lotka {
    private Lotka() {
    }

    /** dydt = (alpha y0 - beta y0 y1, delta y0 y1 - gamma y1); t is unused (autonomous system). */
    @Differentiable
    public static void rhs(double t, double[] y, double[] dydt, double alpha, double beta, double delta,
                           double gamma) {
        dydt[0] = alpha * y[0] - beta * y[0] * y[1];
        dydt[1] = delta * y[0] * y[1] - gamma * y[1];
    }

    /** 1,000 RK4 steps of 0.01 from y0, rhs called four times per step; returns log prey(10) + pred(10) / 2. */
    @Differentiable
    public static double lotkaVolterra(double alpha, double beta, double delta, double gamma, double[] y0) {
        final double dt = 0.01;
        double[] y = y0.clone();
        double[] k1 = new double[2];
        double[] k2 = new double[2];
        double[] k3 = new double[2];
        double[] k4 = new double[2];
        double[] tmp = new double[2];
        double t = 0;
        for (int step = 0; step < 1000; step++) {
            rhs(t, y, k1, alpha, beta, delta, gamma);
            for (int i = 0; i < 2; i++) {
                tmp[i] = y[i] + 0.5 * dt * k1[i];
            }
            rhs(t + 0.5 * dt, tmp, k2, alpha, beta, delta, gamma);
            for (int i = 0; i < 2; i++) {
                tmp[i] = y[i] + 0.5 * dt * k2[i];
            }
            rhs(t + 0.5 * dt, tmp, k3, alpha, beta, delta, gamma);
            for (int i = 0; i < 2; i++) {
                tmp[i] = y[i] + dt * k3[i];
            }
            rhs(t + dt, tmp, k4, alpha, beta, delta, gamma);
            for (int i = 0; i < 2; i++) {
                y[i] += dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
            t += dt;
        }
        return Math.log(y[0]) + 0.5 * y[1];
    }

    /** One RK4 step done in place: reads y and overwrites it (a callee that both reads and writes y). */
    @Differentiable
    public static void rk4Step(double[] y, double dt, double alpha, double beta, double delta, double gamma) {
        double[] k1 = new double[2];
        double[] k2 = new double[2];
        double[] k3 = new double[2];
        double[] k4 = new double[2];
        double[] tmp = new double[2];
        rhs(0, y, k1, alpha, beta, delta, gamma);
        for (int i = 0; i < 2; i++) {
            tmp[i] = y[i] + 0.5 * dt * k1[i];
        }
        rhs(0, tmp, k2, alpha, beta, delta, gamma);
        for (int i = 0; i < 2; i++) {
            tmp[i] = y[i] + 0.5 * dt * k2[i];
        }
        rhs(0, tmp, k3, alpha, beta, delta, gamma);
        for (int i = 0; i < 2; i++) {
            tmp[i] = y[i] + dt * k3[i];
        }
        rhs(0, tmp, k4, alpha, beta, delta, gamma);
        for (int i = 0; i < 2; i++) {
            y[i] += dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
    }

    /** 200 in-place steps through rk4Step; the state array is the caller's parameter y, modified as Java does. */
    @Differentiable
    public static double lotkaVolterraSteps(double[] y, double alpha, double beta, double delta, double gamma) {
        for (int step = 0; step < 200; step++) {
            rk4Step(y, 0.05, alpha, beta, delta, gamma);
        }
        return y[0] * y[1];
    }
}
