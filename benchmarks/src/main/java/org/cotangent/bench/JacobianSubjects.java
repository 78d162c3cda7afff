package org.cotangent.bench;

import org.cotangent.Differentiable;

/** A wide map (n = 1000 inputs, m = 1 output) and a tall one (n = 1, m = 1000). */
public final class JacobianSubjects {
    private JacobianSubjects() {
    }

    @Differentiable
    public static double[] wide(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += Math.sin(x[i]) * x[i];
        }
        return new double[] {s};
    }

    @Differentiable
    public static double[] tall(double x, int m) {
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            y[i] = Math.sin((i + 1) * x) * x;
        }
        return y;
    }
}
