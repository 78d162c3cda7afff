package org.cotangent.examples;

import java.util.Random;

/**
 * A trained (or training) classifier: the layer sizes, the flat weights of {@link Mlp}, and the
 * standardisation of the inputs learned from the training set. Not thread-safe (scratch buffers).
 */
public final class Model {
    private final int[] sizes;
    private final double[] params;
    private final double[] mean;
    private final double[] scale;
    private final double[] scaled;
    private final double[] current;
    private final double[] next;

    /** Glorot-uniform weights, zero biases; inputs standardised with the mean and deviation of {@code train}. */
    public Model(int[] sizes, Dataset train, long seed) {
        this.sizes = sizes.clone();
        this.params = new double[Mlp.parameterCount(sizes)];
        Random random = new Random(seed);
        int offset = 0;
        for (int layer = 1; layer < sizes.length; layer++) {
            int fanIn = sizes[layer - 1];
            int fanOut = sizes[layer];
            double limit = Math.sqrt(6.0 / (fanIn + fanOut));
            for (int k = 0; k < fanIn * fanOut; k++) {
                params[offset + k] = limit * (2 * random.nextDouble() - 1);
            }
            offset += fanOut * (fanIn + 1);
        }
        this.mean = train.means();
        this.scale = train.standardDeviations();
        this.scaled = new double[sizes[0]];
        this.current = new double[Mlp.widest(sizes)];
        this.next = new double[current.length];
    }

    public int[] sizes() {
        return sizes;
    }

    /** The weights, live: the optimiser updates this array in place. */
    public double[] params() {
        return params;
    }

    /** The inputs of {@code data} as the network sees them (standardised), one fresh row per sample. */
    public double[][] standardise(Dataset data) {
        double[][] rows = new double[data.size()][];
        for (int n = 0; n < rows.length; n++) {
            rows[n] = new double[sizes[0]];
            standardise(data.features()[n], rows[n]);
        }
        return rows;
    }

    private void standardise(double[] raw, double[] out) {
        for (int j = 0; j < out.length; j++) {
            out[j] = (raw[j] - mean[j]) / scale[j];
        }
    }

    /** The most likely class of a raw (unstandardised) input. */
    public int predict(double[] raw) {
        standardise(raw, scaled);
        return predictStandardised(scaled);
    }

    /** The most likely class of an input already standardised. */
    public int predictStandardised(double[] input) {
        System.arraycopy(input, 0, current, 0, sizes[0]);
        int offset = 0;
        for (int layer = 1; layer < sizes.length; layer++) {
            // the @Differentiable layer is also an ordinary Java method
            Mlp.dense(params, offset, current, sizes[layer - 1], next, sizes[layer], layer < sizes.length - 1);
            System.arraycopy(next, 0, current, 0, sizes[layer]);
            offset += sizes[layer] * (sizes[layer - 1] + 1);
        }
        int best = 0;
        for (int c = 1; c < sizes[sizes.length - 1]; c++) {
            if (current[c] > current[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Fraction of {@code data} classified correctly. */
    public double accuracy(Dataset data) {
        int correct = 0;
        for (int n = 0; n < data.size(); n++) {
            if (predict(data.features()[n]) == data.labels()[n]) {
                correct++;
            }
        }
        return (double) correct / data.size();
    }

    /** Fraction of already-standardised rows classified correctly. */
    public double accuracy(double[][] inputs, int[] labels) {
        int correct = 0;
        for (int n = 0; n < inputs.length; n++) {
            if (predictStandardised(inputs[n]) == labels[n]) {
                correct++;
            }
        }
        return (double) correct / inputs.length;
    }
}
