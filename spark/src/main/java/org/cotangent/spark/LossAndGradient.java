package org.cotangent.spark;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A loss, its gradient with respect to the weights and the number of examples they sum over. As
 * the accumulator of a partition it is added to in place ({@link #add(LossAndGradient)}), so a
 * pass over the data allocates one per partition and nothing per example.
 */
public final class LossAndGradient implements Serializable {
    private static final long serialVersionUID = 1L;

    private double loss;
    private final double[] gradient;
    private long count;

    /** A zero sum over no examples, for weights of {@code dimension} components. */
    public LossAndGradient(int dimension) {
        this.gradient = new double[dimension];
    }

    LossAndGradient(double loss, double[] gradient, long count) {
        this.loss = loss;
        this.gradient = gradient;
        this.count = count;
    }

    /** The loss summed over the examples (or their mean, after {@link #mean()}). */
    public double loss() {
        return loss;
    }

    /** The gradient of {@link #loss()} with respect to the weights; the array itself, not a copy. */
    public double[] gradient() {
        return gradient;
    }

    /** How many examples the sum holds. */
    public long count() {
        return count;
    }

    /** The mean over the examples: loss and gradient divided by {@link #count()}. */
    public LossAndGradient mean() {
        if (count == 0) {
            throw new IllegalStateException("the mean over no examples is undefined: the data set is empty");
        }
        double[] g = gradient.clone();
        for (int i = 0; i < g.length; i++) {
            g[i] /= count;
        }
        return new LossAndGradient(loss / count, g, count);
    }

    /** Adds one example's loss; its gradient the caller has already added into {@link #gradient()}. */
    void addExample(double exampleLoss) {
        loss += exampleLoss;
        count++;
    }

    void addExamples(double blockLoss, int examples) {
        loss += blockLoss;
        count += examples;
    }

    /** Adds {@code other} into this sum and returns this: the combiner of partitions. */
    LossAndGradient add(LossAndGradient other) {
        loss += other.loss;
        count += other.count;
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] += other.gradient[i];
        }
        return this;
    }

    @Override
    public String toString() {
        return "LossAndGradient[loss=" + loss + ", count=" + count + ", gradient=" + Arrays.toString(gradient) + "]";
    }
}
