package org.cotangent.spark.examples;

import org.cotangent.Differentiable;

/**
 * The per-example losses the Spark example trains, written as plain Java: Cotangent generates
 * {@code ModelsDerivatives.logLoss_vjp} and {@code mlpLoss_vjp}, which the Spark code calls.
 * Labels are 0 or 1.
 */
public final class Models {
    /** Hidden units of the MLP. */
    public static final int HIDDEN = 8;

    private Models() {
    }

    /** Logistic regression: {@code x.length} coefficients, then the intercept, in {@code w}. */
    @Differentiable(wrt = "w")
    public static double logLoss(double[] w, double[] x, double y) {
        int d = x.length;
        double margin = w[d];
        for (int j = 0; j < d; j++) {
            margin += w[j] * x[j];
        }
        return logisticLoss(margin, y);
    }

    /**
     * A multilayer perceptron with one hidden layer of {@link #HIDDEN} tanh units and a logistic
     * output. {@code w} holds, per hidden unit, its {@code x.length} input weights and its bias;
     * then the {@code HIDDEN} output weights and the output bias.
     */
    @Differentiable(wrt = "w")
    public static double mlpLoss(double[] w, double[] x, double y) {
        int d = x.length;
        int output = HIDDEN * (d + 1);
        double margin = w[output + HIDDEN];
        for (int k = 0; k < HIDDEN; k++) {
            int row = k * (d + 1);
            double a = w[row + d];
            for (int j = 0; j < d; j++) {
                a += w[row + j] * x[j];
            }
            margin += w[output + k] * Math.tanh(a);
        }
        return logisticLoss(margin, y);
    }

    /** The MLP's number of weights for {@code d} features. */
    public static int mlpWeights(int d) {
        return HIDDEN * (d + 1) + HIDDEN + 1;
    }

    /** -log P(y | margin) under the logistic model, without overflow for large margins. */
    @Differentiable
    public static double logisticLoss(double margin, double y) {
        double z = y > 0.5 ? -margin : margin;
        if (z > 0) {
            return z + Math.log1p(Math.exp(-z));
        }
        return Math.log1p(Math.exp(z));
    }

    /** The probability of label 1 under the logistic model. */
    public static double logisticProbability(double[] w, double[] x) {
        int d = x.length;
        double margin = w[d];
        for (int j = 0; j < d; j++) {
            margin += w[j] * x[j];
        }
        return 1 / (1 + Math.exp(-margin));
    }

    /** The probability of label 1 under the MLP. */
    public static double mlpProbability(double[] w, double[] x) {
        return 1 / (1 + Math.exp(mlpLoss(w, x, 1.0) - mlpLoss(w, x, 0.0)));
    }
}
