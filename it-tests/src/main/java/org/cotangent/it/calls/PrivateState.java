package org.cotangent.it.calls;

import org.cotangent.Differentiable;

/**
 * Private fields, static and instance, read as constants through the generated class's VarHandles,
 * and a private differentiable method called through a method handle.
 */
public class PrivateState {
    private static double scale = 2.5;
    private final double[] weights;
    private double bias;

    public PrivateState(double[] weights, double bias) {
        this.weights = weights.clone();
        this.bias = bias;
    }

    @Differentiable
    public static double scaled(double x) {
        return scale * Math.sin(x) * x;
    }

    @Differentiable
    public double energy(double[] x) {
        double s = bias;
        for (int i = 0; i < x.length; i++) {
            s += weights[i] * x[i] * x[i] + scaled(x[i]) + damp(x[i] * bias);
        }
        return s;
    }

    @Differentiable
    private static double damp(double v) {
        return v / (1 + v * v);
    }
}
