package golden;

import org.cotangent.Differentiable;

/** A caller and its callee: a void layer writing an output array, and a loss that calls it. */
public class Layers {
    @Differentiable
    static void dense(double[][] w, double[] x, double[] out) {
        for (int i = 0; i < out.length; i++) {
            double s = 0;
            for (int j = 0; j < x.length; j++) {
                s += w[i][j] * x[j];
            }
            out[i] = Math.tanh(s);
        }
    }

    @Differentiable(wrt = {"w"})
    static double loss(double[][] w, double[] x, int label) {
        double[] h = new double[w.length];
        dense(w, x, h);
        double s = 0;
        for (int i = 0; i < h.length; i++) {
            double target = i == label ? 1 : 0;
            s += (h[i] - target) * (h[i] - target);
        }
        return s;
    }
}
