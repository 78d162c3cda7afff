package org.cotangent.it.regressions;

import org.cotangent.Differentiable;

/**
 * An array held by a field, read as a constant in every way a method may: cloned into a local that
 * is then made active, walked by an enhanced for with a return inside, passed to a helper (the
 * fuzzer found that forward and reverse mode both stopped with an internal error here).
 */
public class FieldArrays {
    final double[] weights = {0.81, 0.33, -0.34};
    int steps = 2;

    @Differentiable
    double dot(double[] v, double p) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += v[i] * Math.sin(p * (i + 1));
        }
        return s;
    }

    @Differentiable
    public double f(double[] m, double y) {
        double[] a = weights.clone();
        a[0] *= y * m[1];
        double s = a[0] + dot(this.weights, y) + dot(a, m[0]);
        for (double w : this.weights) {
            if (steps % 2 == 1) {
                return m[0] * w;
            }
            s += w * Math.tanh(m[steps % m.length] + y);
        }
        return s;
    }
}
