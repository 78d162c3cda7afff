package org.cotangent.bench;

/**
 * Careful hand-written adjoints of the subjects: the yardstick for generated code. Each is checked
 * against finite differences by {@code HandWrittenAdjointTest}.
 */
public final class HandWritten {
    private HandWritten() {
    }

    /** Adds seed * grad rosenbrock(x) into xAdj; returns the value. */
    public static double rosenbrockVjp(double[] x, double seed, double[] xAdj) {
        double s = 0;
        for (int i = 0; i < x.length - 1; i++) {
            double a = 1 - x[i];
            double b = x[i + 1] - x[i] * x[i];
            s += a * a + 100 * b * b;
        }
        for (int i = 0; i < x.length - 1; i++) {
            double a = 1 - x[i];
            double b = x[i + 1] - x[i] * x[i];
            double aBar = 2 * a * seed;
            double bBar = 200 * b * seed;
            xAdj[i] += -aBar - 2 * x[i] * bBar;
            xAdj[i + 1] += bBar;
        }
        return s;
    }

    /**
     * Adds seed * gradient of lotkaVolterra with respect to (alpha, beta, delta, gamma, prey0,
     * predator0) into grad[0..5]; {@code states} holds 2 * (steps + 1) doubles of workspace.
     */
    public static double lotkaVolterraVjp(double alpha, double beta, double delta, double gamma,
                                          double prey0, double predator0, double dt, int steps,
                                          double seed, double[] grad, double[] states) {
        double y0 = prey0;
        double y1 = predator0;
        for (int s = 0; s < steps; s++) {
            states[2 * s] = y0;
            states[2 * s + 1] = y1;
            double k10 = alpha * y0 - beta * y0 * y1;
            double k11 = delta * y0 * y1 - gamma * y1;
            double u0 = y0 + 0.5 * dt * k10;
            double u1 = y1 + 0.5 * dt * k11;
            double k20 = alpha * u0 - beta * u0 * u1;
            double k21 = delta * u0 * u1 - gamma * u1;
            double v0 = y0 + 0.5 * dt * k20;
            double v1 = y1 + 0.5 * dt * k21;
            double k30 = alpha * v0 - beta * v0 * v1;
            double k31 = delta * v0 * v1 - gamma * v1;
            double w0 = y0 + dt * k30;
            double w1 = y1 + dt * k31;
            double k40 = alpha * w0 - beta * w0 * w1;
            double k41 = delta * w0 * w1 - gamma * w1;
            y0 += dt / 6 * (k10 + 2 * k20 + 2 * k30 + k40);
            y1 += dt / 6 * (k11 + 2 * k21 + 2 * k31 + k41);
        }
        double value = y0 * y0 + y1 * y1;
        double yb0 = 2 * y0 * seed;
        double yb1 = 2 * y1 * seed;
        double ab = 0;
        double bb = 0;
        double db = 0;
        double gb = 0;
        for (int s = steps - 1; s >= 0; s--) {
            double x0 = states[2 * s];
            double x1 = states[2 * s + 1];
            double k10 = alpha * x0 - beta * x0 * x1;
            double k11 = delta * x0 * x1 - gamma * x1;
            double u0 = x0 + 0.5 * dt * k10;
            double u1 = x1 + 0.5 * dt * k11;
            double k20 = alpha * u0 - beta * u0 * u1;
            double k21 = delta * u0 * u1 - gamma * u1;
            double v0 = x0 + 0.5 * dt * k20;
            double v1 = x1 + 0.5 * dt * k21;
            double k30 = alpha * v0 - beta * v0 * v1;
            double k31 = delta * v0 * v1 - gamma * v1;
            double w0 = x0 + dt * k30;
            double w1 = x1 + dt * k31;
            double k1b0 = dt / 6 * yb0;
            double k1b1 = dt / 6 * yb1;
            double k2b0 = dt / 3 * yb0;
            double k2b1 = dt / 3 * yb1;
            double k3b0 = dt / 3 * yb0;
            double k3b1 = dt / 3 * yb1;
            double k4b0 = dt / 6 * yb0;
            double k4b1 = dt / 6 * yb1;
            // k4 = f(w)
            ab += k4b0 * w0;
            bb -= k4b0 * w0 * w1;
            db += k4b1 * w0 * w1;
            gb -= k4b1 * w1;
            double wb0 = k4b0 * (alpha - beta * w1) + k4b1 * delta * w1;
            double wb1 = -k4b0 * beta * w0 + k4b1 * (delta * w0 - gamma);
            yb0 += wb0;
            yb1 += wb1;
            k3b0 += dt * wb0;
            k3b1 += dt * wb1;
            // k3 = f(v)
            ab += k3b0 * v0;
            bb -= k3b0 * v0 * v1;
            db += k3b1 * v0 * v1;
            gb -= k3b1 * v1;
            double vb0 = k3b0 * (alpha - beta * v1) + k3b1 * delta * v1;
            double vb1 = -k3b0 * beta * v0 + k3b1 * (delta * v0 - gamma);
            yb0 += vb0;
            yb1 += vb1;
            k2b0 += 0.5 * dt * vb0;
            k2b1 += 0.5 * dt * vb1;
            // k2 = f(u)
            ab += k2b0 * u0;
            bb -= k2b0 * u0 * u1;
            db += k2b1 * u0 * u1;
            gb -= k2b1 * u1;
            double ub0 = k2b0 * (alpha - beta * u1) + k2b1 * delta * u1;
            double ub1 = -k2b0 * beta * u0 + k2b1 * (delta * u0 - gamma);
            yb0 += ub0;
            yb1 += ub1;
            k1b0 += 0.5 * dt * ub0;
            k1b1 += 0.5 * dt * ub1;
            // k1 = f(x)
            ab += k1b0 * x0;
            bb -= k1b0 * x0 * x1;
            db += k1b1 * x0 * x1;
            gb -= k1b1 * x1;
            yb0 += k1b0 * (alpha - beta * x1) + k1b1 * delta * x1;
            yb1 += -k1b0 * beta * x0 + k1b1 * (delta * x0 - gamma);
        }
        grad[0] += ab;
        grad[1] += bb;
        grad[2] += db;
        grad[3] += gb;
        grad[4] += yb0;
        grad[5] += yb1;
        return value;
    }

    /**
     * Adds seed * gradient of {@link Subjects#mlpLoss} into the four accumulators; returns the loss.
     * A straightforward scalar adjoint: the forward pass keeps the hidden activations and the
     * logits in {@code hidden} and {@code logits} (workspace of nHidden and nOut doubles), the
     * backward pass runs the chain rule layer by layer with {@code hiddenAdj} as workspace.
     */
    public static double mlpLossVjp(double[] w1, double[] b1, double[] w2, double[] b2, double[] x, int label,
                                    double seed, double[] w1Adj, double[] b1Adj, double[] w2Adj, double[] b2Adj,
                                    double[] hidden, double[] logits, double[] hiddenAdj) {
        int nIn = x.length;
        int nHidden = b1.length;
        int nOut = b2.length;
        for (int j = 0; j < nHidden; j++) {
            double z = b1[j];
            for (int i = 0; i < nIn; i++) {
                z += w1[j * nIn + i] * x[i];
            }
            hidden[j] = Math.tanh(z);
        }
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
        double loss = max + Math.log(sum) - logits[label];
        for (int j = 0; j < nHidden; j++) {
            hiddenAdj[j] = 0;
        }
        for (int k = 0; k < nOut; k++) {
            double zAdj = seed * (Math.exp(logits[k] - max) / sum - (k == label ? 1 : 0));
            b2Adj[k] += zAdj;
            for (int j = 0; j < nHidden; j++) {
                w2Adj[k * nHidden + j] += zAdj * hidden[j];
                hiddenAdj[j] += zAdj * w2[k * nHidden + j];
            }
        }
        for (int j = 0; j < nHidden; j++) {
            double zAdj = hiddenAdj[j] * (1 - hidden[j] * hidden[j]);
            b1Adj[j] += zAdj;
            for (int i = 0; i < nIn; i++) {
                w1Adj[j * nIn + i] += zAdj * x[i];
            }
        }
        return loss;
    }

    /** The adjoint of {@link Subjects#logisticFlat} by hand: one forward loop, one backward loop. */
    public static double logisticVjp(double[] w, double b, double[] x, double y, double seed, double[] wAdj,
                                     double[] bAdj) {
        double z = b;
        for (int i = 0; i < x.length; i++) {
            z += w[i] * x[i];
        }
        double e = Math.exp(-Math.abs(z));
        double value = Math.max(z, 0) + Math.log1p(e) - y * z;
        // d/dz: sigmoid(z) - y
        double sigmoid = z >= 0 ? 1 / (1 + e) : e / (1 + e);
        double zAdj = seed * (sigmoid - y);
        for (int i = 0; i < x.length; i++) {
            wAdj[i] += zAdj * x[i];
        }
        bAdj[0] += zAdj;
        return value;
    }

    /**
     * Adds seed * gradient of {@link Subjects#rk4} with respect to {@code p} and {@code y0} into
     * {@code pAdj} and {@code y0Adj}, and returns its value: the state is stored at each step's start
     * ({@code states}: n * steps doubles) and the stages are computed again in the backward sweep
     * ({@code work}: 12 n doubles).
     */
    public static double rk4Vjp(double[] p, double[] y0, double dt, int steps, double seed, double[] pAdj,
                                double[] y0Adj, double[] states, double[] work) {
        int n = y0.length;
        // offsets into work: the state, k1..k4, the stage states t1..t3, then the adjoints of the
        // state, of a stage state, of a stage, and of the state after the step
        int k1 = n;
        int k2 = 2 * n;
        int k3 = 3 * n;
        int k4 = 4 * n;
        int yb = 8 * n;
        int tb = 9 * n;
        int kb = 10 * n;
        int ub = 11 * n;
        System.arraycopy(y0, 0, work, 0, n);
        for (int s = 0; s < steps; s++) {
            System.arraycopy(work, 0, states, s * n, n);
            stages(p, work, n, dt);
            for (int i = 0; i < n; i++) {
                work[i] += dt / 6 * (work[k1 + i] + 2 * work[k2 + i] + 2 * work[k3 + i] + work[k4 + i]);
            }
        }
        double value = 0;
        for (int i = 0; i < n; i++) {
            value += work[i] * work[i];
            work[yb + i] = 2 * work[i] * seed;
        }
        for (int s = steps - 1; s >= 0; s--) {
            System.arraycopy(states, s * n, work, 0, n);
            stages(p, work, n, dt);
            for (int i = 0; i < n; i++) {
                work[ub + i] = work[yb + i];
                work[kb + i] = dt / 6 * work[ub + i];
                work[tb + i] = 0;
            }
            ratesAdjoint(work, 7 * n, kb, tb, p, pAdj); // k4 = f(t3)
            for (int i = 0; i < n; i++) {
                work[yb + i] += work[tb + i]; // t3 = y + dt k3
                work[kb + i] = dt / 3 * work[ub + i] + dt * work[tb + i];
                work[tb + i] = 0;
            }
            ratesAdjoint(work, 6 * n, kb, tb, p, pAdj); // k3 = f(t2)
            for (int i = 0; i < n; i++) {
                work[yb + i] += work[tb + i]; // t2 = y + dt/2 k2
                work[kb + i] = dt / 3 * work[ub + i] + 0.5 * dt * work[tb + i];
                work[tb + i] = 0;
            }
            ratesAdjoint(work, 5 * n, kb, tb, p, pAdj); // k2 = f(t1)
            for (int i = 0; i < n; i++) {
                work[yb + i] += work[tb + i]; // t1 = y + dt/2 k1
                work[kb + i] = dt / 6 * work[ub + i] + 0.5 * dt * work[tb + i];
            }
            ratesAdjoint(work, 0, kb, yb, p, pAdj); // k1 = f(y)
        }
        for (int i = 0; i < n; i++) {
            y0Adj[i] += work[yb + i];
        }
        return value;
    }

    /** k1..k4 and the stage states t1..t3 of one RK4 step from the state at offset 0 of {@code w}. */
    private static void stages(double[] p, double[] w, int n, double dt) {
        rates(w, 0, p, w, n);
        for (int i = 0; i < n; i++) {
            w[5 * n + i] = w[i] + 0.5 * dt * w[n + i];
        }
        rates(w, 5 * n, p, w, 2 * n);
        for (int i = 0; i < n; i++) {
            w[6 * n + i] = w[i] + 0.5 * dt * w[2 * n + i];
        }
        rates(w, 6 * n, p, w, 3 * n);
        for (int i = 0; i < n; i++) {
            w[7 * n + i] = w[i] + dt * w[3 * n + i];
        }
        rates(w, 7 * n, p, w, 4 * n);
    }

    private static void rates(double[] w, int y, double[] p, double[] out, int at) {
        out[at] = p[0] * w[y] - p[1] * w[y] * w[y + 1];
        out[at + 1] = p[2] * w[y] * w[y + 1] - p[3] * w[y + 1];
    }

    /** Adds the adjoint of {@code rates} at the state at offset {@code y}, for output adjoint at {@code kb}, into {@code yb} and {@code pAdj}. */
    private static void ratesAdjoint(double[] w, int y, int kb, int yb, double[] p, double[] pAdj) {
        double y0 = w[y];
        double y1 = w[y + 1];
        double b0 = w[kb];
        double b1 = w[kb + 1];
        pAdj[0] += b0 * y0;
        pAdj[1] -= b0 * y0 * y1;
        pAdj[2] += b1 * y0 * y1;
        pAdj[3] -= b1 * y1;
        w[yb] += b0 * (p[0] - p[1] * y1) + b1 * p[2] * y1;
        w[yb + 1] += -b0 * p[1] * y0 + b1 * (p[2] * y0 - p[3]);
    }
}
