package org.cotangent.bench;

import org.cotangent.Differentiable;

/** The benchmark subjects, each written once as a plain differentiable method. */
public final class Subjects {
    private Subjects() {
    }

    /** Extended Rosenbrock. */
    @Differentiable
    public static double rosenbrock(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length - 1; i++) {
            double a = 1 - x[i];
            double b = x[i + 1] - x[i] * x[i];
            s += a * a + 100 * b * b;
        }
        return s;
    }

    /**
     * Lotka-Volterra integrated by classical RK4 over {@code steps} steps of {@code dt}; returns a
     * smooth function of the final state.
     */
    @Differentiable(wrt = {"alpha", "beta", "delta", "gamma", "prey0", "predator0"})
    public static double lotkaVolterra(double alpha, double beta, double delta, double gamma,
                                       double prey0, double predator0, double dt, int steps) {
        double[] y = {prey0, predator0};
        double[] k1 = new double[2];
        double[] k2 = new double[2];
        double[] k3 = new double[2];
        double[] k4 = new double[2];
        for (int s = 0; s < steps; s++) {
            k1[0] = alpha * y[0] - beta * y[0] * y[1];
            k1[1] = delta * y[0] * y[1] - gamma * y[1];
            double u0 = y[0] + 0.5 * dt * k1[0];
            double u1 = y[1] + 0.5 * dt * k1[1];
            k2[0] = alpha * u0 - beta * u0 * u1;
            k2[1] = delta * u0 * u1 - gamma * u1;
            double v0 = y[0] + 0.5 * dt * k2[0];
            double v1 = y[1] + 0.5 * dt * k2[1];
            k3[0] = alpha * v0 - beta * v0 * v1;
            k3[1] = delta * v0 * v1 - gamma * v1;
            double w0 = y[0] + dt * k3[0];
            double w1 = y[1] + dt * k3[1];
            k4[0] = alpha * w0 - beta * w0 * w1;
            k4[1] = delta * w0 * w1 - gamma * w1;
            y[0] += dt / 6 * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]);
            y[1] += dt / 6 * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]);
        }
        return y[0] * y[0] + y[1] * y[1];
    }

    /** The Lotka-Volterra right-hand side, written into {@code dydt}. */
    @Differentiable
    public static void rhs(double[] y, double[] dydt, double alpha, double beta, double delta, double gamma) {
        dydt[0] = alpha * y[0] - beta * y[0] * y[1];
        dydt[1] = delta * y[0] * y[1] - gamma * y[1];
    }

    /** The same RK4 integration, written as a user would: four calls of {@link #rhs} per step. */
    @Differentiable(wrt = {"alpha", "beta", "delta", "gamma", "prey0", "predator0"})
    public static double lotkaVolterraCalls(double alpha, double beta, double delta, double gamma,
                                            double prey0, double predator0, double dt, int steps) {
        double[] y = {prey0, predator0};
        double[] k1 = new double[2];
        double[] k2 = new double[2];
        double[] k3 = new double[2];
        double[] k4 = new double[2];
        double[] u = new double[2];
        for (int s = 0; s < steps; s++) {
            rhs(y, k1, alpha, beta, delta, gamma);
            u[0] = y[0] + 0.5 * dt * k1[0];
            u[1] = y[1] + 0.5 * dt * k1[1];
            rhs(u, k2, alpha, beta, delta, gamma);
            u[0] = y[0] + 0.5 * dt * k2[0];
            u[1] = y[1] + 0.5 * dt * k2[1];
            rhs(u, k3, alpha, beta, delta, gamma);
            u[0] = y[0] + dt * k3[0];
            u[1] = y[1] + dt * k3[1];
            rhs(u, k4, alpha, beta, delta, gamma);
            y[0] += dt / 6 * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]);
            y[1] += dt / 6 * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]);
        }
        return y[0] * y[0] + y[1] * y[1];
    }

    /** Lotka-Volterra right-hand side with the rates in an array: dydt = f(y; p), written into {@code dydt}. */
    @Differentiable
    public static void rates(double[] y, double[] p, double[] dydt) {
        dydt[0] = p[0] * y[0] - p[1] * y[0] * y[1];
        dydt[1] = p[2] * y[0] * y[1] - p[3] * y[1];
    }

    /**
     * Classical RK4 as a numerical library writes it: a {@code void} right-hand side called on
     * arrays, stage vectors and a work array of the state's length, {@code steps} steps of
     * {@code dt}; returns the squared norm of the final state.
     */
    @Differentiable(wrt = {"p", "y0"})
    public static double rk4(double[] p, double[] y0, double dt, int steps) {
        int n = y0.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = y0[i];
        }
        double[] k1 = new double[n];
        double[] k2 = new double[n];
        double[] k3 = new double[n];
        double[] k4 = new double[n];
        double[] tmp = new double[n];
        for (int s = 0; s < steps; s++) {
            rates(y, p, k1);
            for (int i = 0; i < n; i++) {
                tmp[i] = y[i] + 0.5 * dt * k1[i];
            }
            rates(tmp, p, k2);
            for (int i = 0; i < n; i++) {
                tmp[i] = y[i] + 0.5 * dt * k2[i];
            }
            rates(tmp, p, k3);
            for (int i = 0; i < n; i++) {
                tmp[i] = y[i] + dt * k3[i];
            }
            rates(tmp, p, k4);
            for (int i = 0; i < n; i++) {
                y[i] += dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
        }
        double r = 0;
        for (int i = 0; i < n; i++) {
            r += y[i] * y[i];
        }
        return r;
    }

    /**
     * Softmax cross-entropy of a one-hidden-layer perceptron (tanh) on one example {@code x} with
     * class {@code label}. Weights are row-major: {@code w1[j * nIn + i]} connects input i to hidden
     * unit j, {@code w2[k * nHidden + j]} hidden unit j to output k.
     */
    @Differentiable(wrt = {"w1", "b1", "w2", "b2"})
    public static double mlpLoss(double[] w1, double[] b1, double[] w2, double[] b2, double[] x, int label) {
        int nIn = x.length;
        int nHidden = b1.length;
        int nOut = b2.length;
        double[] hidden = new double[nHidden];
        for (int j = 0; j < nHidden; j++) {
            double z = b1[j];
            for (int i = 0; i < nIn; i++) {
                z += w1[j * nIn + i] * x[i];
            }
            hidden[j] = Math.tanh(z);
        }
        double[] logits = new double[nOut];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < nOut; k++) {
            double z = b2[k];
            for (int j = 0; j < nHidden; j++) {
                z += w2[k * nHidden + j] * hidden[j];
            }
            logits[k] = z;
            max = Math.max(max, z);
        }
        double sum = 0;
        for (int k = 0; k < nOut; k++) {
            sum += Math.exp(logits[k] - max);
        }
        return max + Math.log(sum) - logits[label];
    }

    /** The parameters of a linear model, as a record: the value-type subject. */
    public record Params(double[] w, double b) {
    }

    /** Logistic loss of a linear model whose parameters are a record. */
    @Differentiable(wrt = {"p"})
    public static double logisticRecord(Params p, double[] x, double y) {
        double z = p.b();
        for (int i = 0; i < x.length; i++) {
            z += p.w()[i] * x[i];
        }
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y * z;
    }

    /** The same loss on the parameters passed one by one: what the record version is compared with. */
    @Differentiable(wrt = {"w", "b"})
    public static double logisticFlat(double[] w, double b, double[] x, double y) {
        double z = b;
        for (int i = 0; i < x.length; i++) {
            z += w[i] * x[i];
        }
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y * z;
    }
}
