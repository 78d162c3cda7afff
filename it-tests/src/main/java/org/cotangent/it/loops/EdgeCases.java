package org.cotangent.it.loops;

import org.cotangent.Differentiable;

/** Harder cases: indices that coincide at run time, self-reading compound updates, nested data-dependent loops, aliases. */
public final class EdgeCases {
    private EdgeCases() {
    }

    /** a[dst_k] = 3 a[src_k] + sin(a[dst_k]) on a clone, where dst_k and src_k coincide for some k. */
    @Differentiable
    public static double aliasedIndices(double[] x, int[] dst, int[] src) {
        double[] a = x.clone();
        for (int k = 0; k < dst.length; k++) {
            a[dst[k]] = 3 * a[src[k]] + Math.sin(a[dst[k]]);
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * (i + 1);
        }
        return s;
    }

    /** a[i] += a[i] * a[i]: compound assignment reading its own target. */
    @Differentiable
    public static double compoundSelfRead(double[] x) {
        double[] a = x.clone();
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < a.length; i++) {
                a[i] += 0.1 * a[i] * a[i];
            }
        }
        return a[0] + 2 * a[a.length - 1];
    }

    /** a[i] *= a[j] with i == j possible. */
    @Differentiable
    public static double timesEqualsAliased(double[] x, int[] p) {
        double[] a = x.clone();
        for (int k = 0; k < p.length; k++) {
            a[p[k]] *= a[p[(k + 1) % p.length]];
        }
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }

    /** A Newton solve per element: a data-dependent while nested in a for. */
    @Differentiable
    public static double newtonPerElement(double[] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double x = a[i] > 1 ? a[i] : 1;
            double step = 1;
            while (Math.abs(step) > 1e-13) {
                step = (x * x - a[i]) / (2 * x);
                x -= step;
            }
            s += x * (i + 1);
        }
        return s;
    }

    /** for with two loop variables and a compound update. */
    @Differentiable
    public static double twoVariableFor(double[] x) {
        double s = 0;
        for (int i = 0, j = x.length - 1; i < j; i++, j--) {
            s += x[i] * x[j];
        }
        for (int i = x.length - 1; i >= 0; i -= 2) {
            s += x[i];
        }
        return s;
    }

    /** for (;;) with a break on a data condition. */
    @Differentiable
    public static double infiniteForWithBreak(double x) {
        double y = x;
        int k = 0;
        for (;;) {
            y = y * 0.7 + 0.1 * x;
            k++;
            if (y < 0.05 || k > 100) {
                break;
            }
        }
        return y * k;
    }

    /** In-place leaky relu with a ternary reading the element. */
    @Differentiable
    public static double leakyReluInPlace(double[] x) {
        double[] a = x.clone();
        for (int i = 0; i < a.length; i++) {
            a[i] = a[i] > 0 ? a[i] : 0.1 * a[i];
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * a[i] * (i + 1);
        }
        return s;
    }

    /** continue inside a do/while jumps to the condition. */
    @Differentiable
    public static double doWhileContinue(double[] x) {
        double s = 1;
        int i = 0;
        do {
            double v = x[i];
            i++;
            if (v < 0) {
                continue;
            }
            s = s * (1 + v);
        } while (i < x.length);
        return s;
    }

    /** return from inside a switch inside nested loops. */
    @Differentiable
    public static double returnFromSwitch(double[][] m, int stop) {
        double s = 0;
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                switch (i * m[i].length + j == stop ? 1 : 0) {
                    case 1:
                        return s * m[i][j];
                    default:
                        s += Math.sin(m[i][j]);
                }
            }
        }
        return s;
    }

    /** The same element multiplied many times: a[i][j] *= in a loop over steps. */
    @Differentiable
    public static double repeatedElementProduct(double[][] a, double[] f) {
        double[][] b = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                b[i][j] = a[i][j];
            }
        }
        for (int step = 0; step < f.length; step++) {
            for (int i = 0; i < b.length; i++) {
                for (int j = 0; j < b[i].length; j++) {
                    b[i][j] *= f[step] + b[(i + 1) % b.length][j] * 0.1;
                }
            }
        }
        double s = 0;
        for (int i = 0; i < b.length; i++) {
            for (int j = 0; j < b[i].length; j++) {
                s += b[i][j];
            }
        }
        return s;
    }

    /** A local alias of an array: writes through one name, reads through the other. */
    @Differentiable
    public static double localAlias(double[] x) {
        double[] a = x.clone();
        double[] b = a;
        for (int i = 1; i < a.length; i++) {
            b[i] = a[i - 1] * a[i] + 1;
        }
        return a[a.length - 1] + b[0];
    }

    /** Scalar overwritten conditionally in a while loop with data-dependent exit, and used after. */
    @Differentiable
    public static double conditionalOverwriteWhile(double x, double y) {
        double a = x;
        double b = y;
        int k = 0;
        while (k < 20 && Math.abs(a - b) > 1e-3) {
            if (a > b) {
                a = Math.sqrt(a * b);
            } else {
                b = 0.5 * (a + b);
            }
            k++;
        }
        return a * b + k;
    }

    /** Postfix and prefix increments of int counters as statements of their own, the counter used as an index. */
    @Differentiable
    public static double incrementStatements(double[] x) {
        double[] a = new double[x.length];
        int k = 0;
        for (int i = x.length - 1; i >= 0; i--) {
            a[k] = x[i] * x[i];
            k++;
        }
        double s = 0;
        int j = 0;
        while (j < a.length) {
            s += a[j] * (j + 1);
            ++j;
        }
        return s;
    }

    /** Enhanced for over the rows of a double[][]. */
    @Differentiable
    public static double enhancedForRows(double[][] m) {
        double s = 0;
        for (double[] row : m) {
            for (double v : row) {
                s += v * v;
            }
            s = Math.sqrt(s);
        }
        return s;
    }
}
