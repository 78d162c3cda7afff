package org.cotangent.spark;

import org.cotangent.Differentiable;

/** The losses the tests differentiate, written as a user of Cotangent would. */
public final class Losses {
    private Losses() {
    }

    /**
     * Logistic regression's log loss of one example with label {@code y} in {0, 1}: the weights are
     * {@code x.length} coefficients and an intercept, last.
     */
    @Differentiable(wrt = "w")
    public static double logLoss(double[] w, double[] x, double y) {
        int d = x.length;
        double margin = w[d];
        for (int j = 0; j < d; j++) {
            margin += w[j] * x[j];
        }
        // -log sigmoid(margin) for y = 1, -log(1 - sigmoid(margin)) for y = 0, without overflow
        double z = y > 0.5 ? -margin : margin;
        if (z > 0) {
            return z + Math.log1p(Math.exp(-z));
        }
        return Math.log1p(Math.exp(z));
    }

    /** The summed log loss of a block of examples. */
    @Differentiable(wrt = "w")
    public static double blockLogLoss(double[] w, double[][] xs, double[] ys) {
        double sum = 0;
        for (int i = 0; i < ys.length; i++) {
            sum += logLoss(w, xs[i], ys[i]);
        }
        return sum;
    }
}
