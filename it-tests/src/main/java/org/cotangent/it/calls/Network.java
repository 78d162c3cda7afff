package org.cotangent.it.calls;

import org.cotangent.Differentiable;

/**
 * A two-layer perceptron whose loss calls layer methods: {@code dense} and {@code tanhLayer} write an
 * output array (void), {@code unit} and {@code tanhUnit} return one neuron's value.
 */
public final class Network {
    private Network() {
    }

    /** out = w x + b (overwrites out). */
    @Differentiable
    public static void dense(double[][] w, double[] b, double[] x, double[] out) {
        for (int i = 0; i < out.length; i++) {
            double s = b[i];
            for (int j = 0; j < x.length; j++) {
                s += w[i][j] * x[j];
            }
            out[i] = s;
        }
    }

    /** out = tanh(v) elementwise (overwrites out; out may be v itself). */
    @Differentiable
    public static void tanhLayer(double[] v, double[] out) {
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.tanh(v[i]);
        }
    }

    /** One neuron's pre-activation: b + w . x. */
    @Differentiable
    public static double unit(double[] w, double b, double[] x) {
        double s = b;
        for (int j = 0; j < x.length; j++) {
            s += w[j] * x[j];
        }
        return s;
    }

    @Differentiable
    public static double tanhUnit(double z) {
        return Math.tanh(z);
    }

    /** Half the squared error of tanh(w2 tanh(w1 x + b1) + b2) against target, through the void layers. */
    @Differentiable
    public static double mlpLoss(double[][] w1, double[] b1, double[][] w2, double[] b2, double[] x, double[] target) {
        double[] z1 = new double[b1.length];
        dense(w1, b1, x, z1);
        double[] h = new double[b1.length];
        tanhLayer(z1, h);
        double[] z2 = new double[b2.length];
        dense(w2, b2, h, z2);
        double[] out = new double[b2.length];
        tanhLayer(z2, out);
        double loss = 0;
        for (int i = 0; i < out.length; i++) {
            double d = out[i] - target[i];
            loss += 0.5 * d * d;
        }
        return loss;
    }

    /** The same network through the per-neuron methods (rows of w1 and w2 passed to unit). */
    @Differentiable(wrt = {"w1", "b1", "w2", "b2"})
    public static double mlpLossUnits(double[][] w1, double[] b1, double[][] w2, double[] b2, double[] x,
                                      double[] target) {
        double[] h = new double[b1.length];
        for (int i = 0; i < h.length; i++) {
            h[i] = tanhUnit(unit(w1[i], b1[i], x));
        }
        double loss = 0;
        for (int k = 0; k < b2.length; k++) {
            double d = tanhUnit(unit(w2[k], b2[k], h)) - target[k];
            loss += 0.5 * d * d;
        }
        return loss;
    }

    /**
     * Mean of mlpLoss over a minibatch: a differentiable callee inside a loop, rows as arguments. Every
     * parameter is differentiated: with wrt = {"w1", "w2"} the processor fails (COT099 "no tangent for b1").
     */
    @Differentiable
    public static double batchLoss(double[][] w1, double[] b1, double[][] w2, double[] b2, double[][] xs,
                                   double[][] targets) {
        double total = 0;
        for (int n = 0; n < xs.length; n++) {
            total += mlpLoss(w1, b1, w2, b2, xs[n], targets[n]);
        }
        return total / xs.length;
    }

    /** tanhLayer applied in place (v and out the same array), twice, then a weighted sum. */
    @Differentiable
    public static double tanhInPlace(double[] x, double[] c) {
        double[] h = x.clone();
        tanhLayer(h, h);
        tanhLayer(h, h);
        double s = 0;
        for (int i = 0; i < h.length; i++) {
            s += c[i] * h[i];
        }
        return s;
    }
}
