package org.cotangent.examples;

import org.cotangent.Differentiable;

/**
 * The Lotka-Volterra predator-prey model, integrated with the classical fourth-order Runge-Kutta method, as
 * plain {@code @Differentiable} Java. {@code prey' = alpha prey - beta prey predators},
 * {@code predators' = delta prey predators - gamma predators}.
 *
 * <p>One integrator ({@link #integrate}, writing the sampled trajectory into an output array) serves two
 * derivatives: {@link #trajectory} returns the samples as a vector, whose generated {@code trajectory_jacobian}
 * feeds Levenberg-Marquardt; {@link #misfit} returns the sum of squared differences from observations, whose
 * generated {@code misfit_vjp} feeds a gradient method.
 */
public final class LotkaVolterra {
    private LotkaVolterra() {
    }

    /** The right-hand side of the model at the state {@code y = (prey, predators)}, written into {@code dydt}. */
    @Differentiable
    public static void rates(double[] y, double alpha, double beta, double delta, double gamma, double[] dydt) {
        dydt[0] = alpha * y[0] - beta * y[0] * y[1];
        dydt[1] = delta * y[0] * y[1] - gamma * y[1];
    }

    /**
     * Integrates from {@code y0} at time 0 with RK4 steps of {@code dt} and writes the state after every
     * {@code stepsPerSample} steps into {@code samples}: {@code samples[2k]} prey and {@code samples[2k + 1]}
     * predators at time {@code (k + 1) stepsPerSample dt}, for as many samples as {@code samples} holds.
     *
     * <p>Written as a textbook RK4 step: four calls of {@link #rates} on small state arrays. Cotangent inlines
     * the calls and turns the two-element arrays into scalars, so the generated adjoint is the one a person
     * would write by hand for this loop (no call overhead, nothing allocated).
     */
    @Differentiable(wrt = {"alpha", "beta", "delta", "gamma", "samples"}) // the output array carries the derivative
    public static void integrate(double alpha, double beta, double delta, double gamma, double[] y0, double dt,
                                 int stepsPerSample, double[] samples) {
        double[] y = {y0[0], y0[1]};
        double[] k1 = new double[2];
        double[] k2 = new double[2];
        double[] k3 = new double[2];
        double[] k4 = new double[2];
        double[] stage = new double[2];
        for (int k = 0; k < samples.length / 2; k++) {
            for (int step = 0; step < stepsPerSample; step++) {
                rates(y, alpha, beta, delta, gamma, k1);
                stage[0] = y[0] + 0.5 * dt * k1[0];
                stage[1] = y[1] + 0.5 * dt * k1[1];
                rates(stage, alpha, beta, delta, gamma, k2);
                stage[0] = y[0] + 0.5 * dt * k2[0];
                stage[1] = y[1] + 0.5 * dt * k2[1];
                rates(stage, alpha, beta, delta, gamma, k3);
                stage[0] = y[0] + dt * k3[0];
                stage[1] = y[1] + dt * k3[1];
                rates(stage, alpha, beta, delta, gamma, k4);
                y[0] += dt / 6 * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]);
                y[1] += dt / 6 * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]);
            }
            samples[2 * k] = y[0];
            samples[2 * k + 1] = y[1];
        }
    }

    /** The trajectory sampled {@code count} times (see {@link #integrate}), as a fresh vector of length 2 count. */
    @Differentiable(wrt = {"alpha", "beta", "delta", "gamma"})
    public static double[] trajectory(double alpha, double beta, double delta, double gamma, double[] y0, double dt,
                                      int stepsPerSample, int count) {
        double[] samples = new double[2 * count];
        integrate(alpha, beta, delta, gamma, y0, dt, stepsPerSample, samples);
        return samples;
    }

    /** Sum of squared differences between the sampled trajectory and {@code observed} (same layout). */
    @Differentiable(wrt = {"alpha", "beta", "delta", "gamma"})
    public static double misfit(double alpha, double beta, double delta, double gamma, double[] y0, double dt,
                                int stepsPerSample, double[] observed) {
        double[] samples = new double[observed.length];
        integrate(alpha, beta, delta, gamma, y0, dt, stepsPerSample, samples);
        double sum = 0;
        for (int i = 0; i < samples.length; i++) {
            double r = samples[i] - observed[i];
            sum += r * r;
        }
        return sum;
    }
}
