package org.cotangent.it.vector;

import org.cotangent.Differentiable;

/** Aliasing, early returns, receivers, empty outputs and other corners of vector-valued methods. */
public final class EdgeCases {
    private static final double GAIN = 1.75;

    private EdgeCases() {
    }

    /** A copy of the input. */
    @Differentiable
    public static double[] copy(double[] x) {
        return x.clone();
    }

    /** The transpose of a, flattened row-major. */
    @Differentiable
    public static double[] transposeFlat(double[][] a) {
        int rows = a.length;
        int cols = a[0].length;
        double[] y = new double[rows * cols];
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                y[j * rows + i] = a[i][j];
            }
        }
        return y;
    }

    /** Writes through an alias of the output array. */
    @Differentiable
    public static double[] aliased(double x, double y) {
        double[] out = new double[3];
        double[] view = out;
        view[0] = x * y;
        out[1] = view[0] * x;
        view[2] = out[1] - Math.sin(y);
        return out;
    }

    /** Returns from either branch, one inside a loop. */
    @Differentiable
    public static double[] earlyReturn(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.exp(x[i]);
            if (y[i] > 20) {
                y[0] = -y[i];
                return y;
            }
        }
        if (x[0] < 0) {
            double[] z = new double[2];
            z[0] = x[0] * x[0];
            z[1] = x[0] + y[0];
            return z;
        }
        return y;
    }

    /** Each output slot overwritten many times in a loop, with a data-dependent branch. */
    @Differentiable
    public static double[] overwrite(double[] x) {
        double[] y = new double[2];
        y[0] = 1.0;
        y[1] = 0.5;
        for (int i = 0; i < x.length; i++) {
            int k = i % 2;
            y[k] = Math.sin(y[k] + x[i]) * GAIN;
            if (y[k] > 0.5) {
                y[1 - k] *= y[k];
            } else {
                y[1 - k] -= 0.1 * x[i];
            }
        }
        return y;
    }

    /** No outputs at all. */
    @Differentiable
    public static double[] empty(double[] x) {
        return new double[0];
    }

    /** Differentiated in the scale only; x is data. */
    @Differentiable(wrt = {"s"})
    public static double[] scaleBy(double[] x, double s) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.pow(Math.abs(x[i]) + 1, s) * x[i];
        }
        return y;
    }

    /** Squared distance of a point to a fixed center: a scalar helper with array arguments. */
    @Differentiable
    public static double dist2(double[] p, int i, double[] c) {
        double dx = p[2 * i] - c[0];
        double dy = p[2 * i + 1] - c[1];
        return dx * dx + dy * dy;
    }

    /** Radial-basis features exp(-|p_i - c|^2) of points packed as (x0, y0, x1, y1, ...), and a gradient wrt c. */
    @Differentiable
    public static double[] rbf(double[] p, double[] c) {
        int k = p.length / 2;
        double[] y = new double[k];
        for (int i = 0; i < k; i++) {
            y[i] = Math.exp(-dist2(p, i, c));
        }
        return y;
    }

    /** var, the conditional operator, do/while and continue. */
    @Differentiable
    public static double[] misc(double[] x) {
        var y = new double[x.length];
        int i = 0;
        do {
            if (x[i] == 0) {
                i++;
                continue;
            }
            y[i] = x[i] > 0 ? Math.sqrt(x[i]) : -Math.log1p(-x[i]);
            y[i] += i > 0 ? y[i - 1] * 0.5 : 0.0;
            i++;
        } while (i < x.length);
        return y;
    }

    /**
     * Squares x in place and returns it. The generated {@code _jacobian} runs a sweep per column on
     * the same x, so it squares x n + 1 times and returns a wrong Jacobian (KNOWN_BUGS.md, bug 2);
     * {@code _vjp} and {@code _jvp} are right.
     */
    @Differentiable
    public static double[] squareInPlace(double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] = x[i] * x[i];
        }
        return x;
    }

    /** A dense layer as an instance method: tanh(W x + b) with the receiver's fields as constants. */
    public static final class Layer {
        final double[][] weights;
        final double[] bias;

        public Layer(double[][] weights, double[] bias) {
            this.weights = weights;
            this.bias = bias;
        }

        @Differentiable
        public double[] apply(double[] x) {
            double[] y = new double[bias.length];
            for (int i = 0; i < bias.length; i++) {
                double s = bias[i];
                for (int j = 0; j < x.length; j++) {
                    s += weights[i][j] * x[j];
                }
                y[i] = Math.tanh(s);
            }
            return y;
        }
    }
}
