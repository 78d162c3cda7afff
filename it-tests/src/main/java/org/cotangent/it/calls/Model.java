package org.cotangent.it.calls;

import org.cotangent.Differentiable;

/** A small network held in fields: instance methods read the weights as constants. */
public class Model {
    final double[][] w1;
    final double[] b1;
    final double[] w2;
    double bias;
    final int hidden;
    private static final double SCALE = 0.5;

    public Model(double[][] w1, double[] b1, double[] w2, double bias) {
        this.w1 = w1;
        this.b1 = b1;
        this.w2 = w2;
        this.bias = bias;
        this.hidden = b1.length;
    }

    /** Hidden unit i: tanh(b1[i] + w1[i] . x). */
    @Differentiable
    public double hiddenUnit(double[] x, int i) {
        double s = b1[i];
        for (int j = 0; j < x.length; j++) {
            s += w1[i][j] * x[j];
        }
        return Math.tanh(s);
    }

    /** Calls hiddenUnit implicitly (no receiver written). */
    @Differentiable
    public double predict(double[] x) {
        double s = bias;
        for (int i = 0; i < hidden; i++) {
            s += w2[i] * hiddenUnit(x, i);
        }
        return SCALE * s;
    }

    /** Calls predict through this, and a static method of another class. */
    @Differentiable
    public double loss(double[] x, double y) {
        double d = this.predict(x) - y;
        return d * d + 0.01 * Nested.g(x[0]);
    }

    /** An instance method scaling its input by a parameter, calling another instance method on it. */
    @Differentiable
    public double scaledLoss(double[] x, double y, double s) {
        double[] z = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            z[j] = s * x[j];
        }
        return loss(z, y);
    }

    /** Static: two receivers given as parameters. */
    @Differentiable
    public static double ensembleLoss(Model a, Model b, double[] x, double y) {
        double p = 0.5 * (a.predict(x) + b.predict(x));
        return (p - y) * (p - y) + 0.1 * a.hiddenUnit(x, 0) * b.hiddenUnit(x, 1);
    }
}
