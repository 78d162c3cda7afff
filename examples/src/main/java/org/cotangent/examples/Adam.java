package org.cotangent.examples;

/**
 * The Adam optimiser (Kingma and Ba, 2015) over a flat parameter vector: user code, a few lines, not part of
 * Cotangent. Allocates its two moment vectors once; {@link #step} allocates nothing.
 */
public final class Adam {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double learningRate;
    private final double[] m;
    private final double[] v;
    private int t;

    public Adam(int size, double learningRate) {
        this.learningRate = learningRate;
        this.m = new double[size];
        this.v = new double[size];
    }

    /** One update of {@code params} against {@code gradient} (the gradient of the loss being minimised). */
    public void step(double[] params, double[] gradient) {
        t++;
        double correction1 = 1 - Math.pow(BETA1, t);
        double correction2 = 1 - Math.pow(BETA2, t);
        for (int i = 0; i < params.length; i++) {
            double g = gradient[i];
            m[i] = BETA1 * m[i] + (1 - BETA1) * g;
            v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
            params[i] -= learningRate * (m[i] / correction1) / (Math.sqrt(v[i] / correction2) + EPSILON);
        }
    }
}
