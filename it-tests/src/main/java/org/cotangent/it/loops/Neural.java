package org.cotangent.it.loops;

import org.cotangent.Differentiable;

/** Small machine-learning losses: softmax, perceptrons, attention, with data arrays left inactive. */
public final class Neural {
    private Neural() {
    }

    /** -log softmax(logits)[label], with the maximum subtracted first for stability. */
    @Differentiable
    public static double softmaxCrossEntropy(double[] logits, int label) {
        double max = logits[0];
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > max) {
                max = logits[i];
            }
        }
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            sum += Math.exp(logits[i] - max);
        }
        return Math.log(sum) + max - logits[label];
    }

    /**
     * Cross-entropy of a two-layer perceptron: hidden = tanh(w1 input + b1), logits = w2 hidden + b2;
     * differentiated with respect to the weights only, not the input.
     */
    @Differentiable(wrt = {"w1", "b1", "w2", "b2"})
    public static double mlpLoss(double[][] w1, double[] b1, double[][] w2, double[] b2, double[] input,
                                 int label) {
        double[] hidden = new double[b1.length];
        for (int h = 0; h < hidden.length; h++) {
            double z = b1[h];
            for (int j = 0; j < input.length; j++) {
                z += w1[h][j] * input[j];
            }
            hidden[h] = Math.tanh(z);
        }
        double[] logits = new double[b2.length];
        for (int c = 0; c < logits.length; c++) {
            double z = b2[c];
            for (int h = 0; h < hidden.length; h++) {
                z += w2[c][h] * hidden[h];
            }
            logits[c] = z;
        }
        double max = logits[0];
        for (int c = 1; c < logits.length; c++) {
            if (logits[c] > max) {
                max = logits[c];
            }
        }
        double sum = 0;
        for (int c = 0; c < logits.length; c++) {
            sum += Math.exp(logits[c] - max);
        }
        return Math.log(sum) + max - logits[label];
    }

    /** Mean logistic loss log(1 + exp(-y w.x)) over a data set; only w is differentiated. */
    @Differentiable(wrt = {"w"})
    public static double logisticLoss(double[] w, double[][] xs, double[] ys) {
        double total = 0;
        for (int n = 0; n < xs.length; n++) {
            double margin = 0;
            for (int j = 0; j < w.length; j++) {
                margin += w[j] * xs[n][j];
            }
            margin *= ys[n];
            total += Math.log1p(Math.exp(-margin));
        }
        return total / xs.length;
    }

    /** Ridge regression: mean squared error of w.x + b plus lambda |w|^2, wrt w and b. */
    @Differentiable(wrt = {"w", "b"})
    public static double ridgeLoss(double[] w, double b, double[][] xs, double[] ys, double lambda) {
        double total = 0;
        for (int n = 0; n < xs.length; n++) {
            double prediction = b;
            for (int j = 0; j < w.length; j++) {
                prediction += w[j] * xs[n][j];
            }
            double error = prediction - ys[n];
            total += error * error;
        }
        double penalty = 0;
        for (double wj : w) {
            penalty += wj * wj;
        }
        return total / xs.length + lambda * penalty;
    }

    /** Layer normalisation with gain and bias, then sum (i+1) tanh(y_i). */
    @Differentiable
    public static double layerNorm(double[] x, double[] gamma, double[] beta) {
        int n = x.length;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += x[i];
        }
        mean /= n;
        double variance = 0;
        for (int i = 0; i < n; i++) {
            double d = x[i] - mean;
            variance += d * d;
        }
        variance /= n;
        double inv = 1.0 / Math.sqrt(variance + 1e-5);
        double s = 0;
        for (int i = 0; i < n; i++) {
            double y = gamma[i] * (x[i] - mean) * inv + beta[i];
            s += (i + 1) * Math.tanh(y);
        }
        return s;
    }

    /** Single-query scaled dot-product attention; returns |softmax(K q / sqrt d)^T V|^2. */
    @Differentiable
    public static double attention(double[] q, double[][] k, double[][] v) {
        int keys = k.length;
        double scale = 1.0 / Math.sqrt(q.length);
        double[] scores = new double[keys];
        double max = -1e300;
        for (int i = 0; i < keys; i++) {
            double t = 0;
            for (int j = 0; j < q.length; j++) {
                t += k[i][j] * q[j];
            }
            scores[i] = t * scale;
            max = Math.max(max, scores[i]);
        }
        double sum = 0;
        for (int i = 0; i < keys; i++) {
            scores[i] = Math.exp(scores[i] - max);
            sum += scores[i];
        }
        double[] out = new double[v[0].length];
        for (int i = 0; i < keys; i++) {
            for (int j = 0; j < out.length; j++) {
                out[j] += scores[i] / sum * v[i][j];
            }
        }
        double s = 0;
        for (int j = 0; j < out.length; j++) {
            s += out[j] * out[j];
        }
        return s;
    }

    /** Valid 1-D convolution followed by a softplus and a sum. */
    @Differentiable
    public static double convSoftplus(double[] signal, double[] kernel) {
        int outputs = signal.length - kernel.length + 1;
        double s = 0;
        for (int i = 0; i < outputs; i++) {
            double z = 0;
            for (int j = 0; j < kernel.length; j++) {
                z += signal[i + j] * kernel[kernel.length - 1 - j];
            }
            s += Math.log1p(Math.exp(z));
        }
        return s;
    }

    /** log sum exp(x_i), computed naively. */
    @Differentiable
    public static double logSumExp(double[] x) {
        double sum = 0;
        for (double xi : x) {
            sum += Math.exp(xi);
        }
        return Math.log(sum);
    }
}
