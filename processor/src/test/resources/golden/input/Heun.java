package golden;

import org.cotangent.Differentiable;

/**
 * Heun's method over arrays of the state's length, with a void right-hand side: reverse mode
 * checkpoints the step loop (the state y kept at each step's start within a memory bound, the step
 * run again backward, the last update left out of the replay, the stage array restored by
 * computing it again).
 */
public class Heun {
    @Differentiable
    static void decay(double[] y, double[] rates, double[] dydt) {
        for (int i = 0; i < y.length; i++) {
            dydt[i] = -rates[i] * y[i];
        }
    }

    @Differentiable(wrt = {"rates", "y0"})
    static double integrate(double[] rates, double[] y0, double dt, int steps) {
        int n = y0.length;
        double[] y = y0.clone();
        double[] k1 = new double[n];
        double[] k2 = new double[n];
        double[] tmp = new double[n];
        for (int s = 0; s < steps; s++) {
            decay(y, rates, k1);
            for (int i = 0; i < n; i++) {
                tmp[i] = y[i] + dt * k1[i];
            }
            decay(tmp, rates, k2);
            for (int i = 0; i < n; i++) {
                y[i] += 0.5 * dt * (k1[i] + k2[i]);
            }
        }
        double r = 0;
        for (int i = 0; i < n; i++) {
            r += y[i] * y[i];
        }
        return r;
    }
}
