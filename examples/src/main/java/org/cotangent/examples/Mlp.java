package org.cotangent.examples;

import org.cotangent.Differentiable;

/**
 * A multi-layer perceptron as plain Java over one flat {@code double[]} of weights: dense layers with
 * tanh between them and a softmax cross-entropy on the last layer's outputs (the logits).
 *
 * <p>{@code sizes} lists the layer widths, input first: {@code {4, 16, 3}} is 4 inputs, one hidden layer of
 * 16 and 3 classes. Layer {@code l} owns {@code sizes[l] * sizes[l - 1]} weights (row-major, one row per
 * output) followed by {@code sizes[l]} biases; the layers follow each other in {@code params}.
 *
 * <p>Only {@link #batchLoss} and the methods it calls are {@code @Differentiable}; Cotangent writes
 * {@code MlpDerivatives.batchLoss_vjp}, which the training loop calls once per minibatch.
 */
public final class Mlp {
    private Mlp() {
    }

    /**
     * The training objective: the mean cross-entropy of the samples {@code order[from..to)} of the data set,
     * plus {@code decay / 2} times the squared norm of the weights (L2 regularisation, biases included).
     */
    @Differentiable(wrt = {"params"})
    public static double batchLoss(double[] params, int[] sizes, double[][] inputs, int[] labels, int[] order,
                                   int from, int to, double decay) {
        int width = widest(sizes);
        double[] current = new double[width];
        double[] next = new double[width];
        double total = 0;
        for (int n = from; n < to; n++) {
            int sample = order[n];
            for (int j = 0; j < sizes[0]; j++) {
                current[j] = inputs[sample][j];
            }
            int offset = 0;
            for (int layer = 1; layer < sizes.length; layer++) {
                int fanIn = sizes[layer - 1];
                int fanOut = sizes[layer];
                dense(params, offset, current, fanIn, next, fanOut, layer < sizes.length - 1);
                for (int i = 0; i < fanOut; i++) {
                    current[i] = next[i];
                }
                offset += fanOut * (fanIn + 1);
            }
            total += crossEntropy(current, sizes[sizes.length - 1], labels[sample]);
        }
        double squares = 0;
        for (int k = 0; k < params.length; k++) {
            squares += params[k] * params[k];
        }
        return total / (to - from) + 0.5 * decay * squares;
    }

    /**
     * One dense layer: {@code out[i] = act(b[i] + sum_j W[i][j] in[j])} for the weights starting at
     * {@code params[offset]}, with {@code act} tanh for a hidden layer and the identity for the last.
     */
    @Differentiable
    public static void dense(double[] params, int offset, double[] in, int fanIn, double[] out, int fanOut,
                             boolean hidden) {
        int biases = offset + fanOut * fanIn;
        for (int i = 0; i < fanOut; i++) {
            double z = params[biases + i];
            int row = offset + i * fanIn;
            for (int j = 0; j < fanIn; j++) {
                z += params[row + j] * in[j];
            }
            out[i] = hidden ? Math.tanh(z) : z;
        }
    }

    /** -log softmax(logits[0..classes))[label], with the largest logit subtracted first so exp cannot overflow. */
    @Differentiable
    public static double crossEntropy(double[] logits, int classes, int label) {
        double max = logits[0];
        for (int c = 1; c < classes; c++) {
            max = Math.max(max, logits[c]);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += Math.exp(logits[c] - max);
        }
        return Math.log(sum) + max - logits[label];
    }

    /** The widest layer: the length of the activation buffers. */
    public static int widest(int[] sizes) {
        int width = 0;
        for (int size : sizes) {
            width = Math.max(width, size);
        }
        return width;
    }

    /** Number of weights and biases of a network with these layer sizes. */
    public static int parameterCount(int[] sizes) {
        int count = 0;
        for (int layer = 1; layer < sizes.length; layer++) {
            count += sizes[layer] * (sizes[layer - 1] + 1);
        }
        return count;
    }
}
