package org.cotangent.it.loops;

import org.cotangent.Differentiable;

/** Two-dimensional arrays: new double[n][m], compound updates of elements, ragged rows. */
public final class Matrices {
    private Matrices() {
    }

    /**
     * Copies A into a new matrix, scales its columns in place ({@code b[i][j] *= s[j]}), divides rows
     * ({@code /=}), and returns the squared Frobenius norm.
     */
    @Differentiable
    public static double scaleInPlace(double[][] a, double[] s) {
        int rows = a.length;
        int cols = a[0].length;
        double[][] b = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                b[i][j] = a[i][j];
                b[i][j] *= s[j];
                b[i][j] /= 1 + s[j] * s[j] + i;
            }
        }
        double f = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                f += b[i][j] * b[i][j];
            }
        }
        return f;
    }

    /** A {@code new double[n][m]} filled from x, then summed with alternating signs. */
    @Differentiable
    public static double newMatrix(double x, int n, int m) {
        double[][] t = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                t[i][j] = Math.pow(x, i) * Math.cos(j * x);
            }
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                s += (i + j) % 2 == 0 ? t[i][j] : -t[i][j];
            }
        }
        return s;
    }

    /** trace(A^p) by repeated multiplication into a scratch matrix that is copied back each time. */
    @Differentiable
    public static double matrixPowerTrace(double[][] a, int p) {
        int n = a.length;
        double[][] power = new double[n][n];
        for (int i = 0; i < n; i++) {
            power[i][i] = 1;
        }
        double[][] scratch = new double[n][n];
        for (int step = 0; step < p; step++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double t = 0;
                    for (int k = 0; k < n; k++) {
                        t += power[i][k] * a[k][j];
                    }
                    scratch[i][j] = t;
                }
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    power[i][j] = scratch[i][j];
                }
            }
        }
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += power[i][i];
        }
        return trace;
    }

    /** Softmax of each row in place in a copy, then sum over entries of (j+1) p_ij. */
    @Differentiable
    public static double rowSoftmax(double[][] a) {
        double[][] p = new double[a.length][a[0].length];
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double sum = 0;
            for (int j = 0; j < a[i].length; j++) {
                p[i][j] = Math.exp(a[i][j]);
                sum += p[i][j];
            }
            for (int j = 0; j < a[i].length; j++) {
                p[i][j] /= sum;
                s += (j + 1) * p[i][j];
            }
        }
        return s;
    }

    /** |u v^T|_F^2 + trace-like coupling, via an outer product in a new matrix. */
    @Differentiable
    public static double outerProduct(double[] u, double[] v) {
        double[][] o = new double[u.length][v.length];
        for (int i = 0; i < u.length; i++) {
            for (int j = 0; j < v.length; j++) {
                o[i][j] = u[i] * v[j];
            }
        }
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            for (int j = 0; j < v.length; j++) {
                s += o[i][j] * o[i][j] + (i == j ? o[i][j] : 0);
            }
        }
        return s;
    }

    /** A ragged double[][] (rows of different lengths), walked with a[i].length; sum of row-wise log-norms. */
    @Differentiable
    public static double raggedRows(double[][] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double norm = 0;
            for (int j = 0; j < a[i].length; j++) {
                norm += a[i][j] * a[i][j] * (j + 1);
            }
            s += Math.log(1 + norm) * (i + 1);
        }
        return s;
    }

    /** Gaussian kernel sum over pairs of points (rows), with a bandwidth. */
    @Differentiable
    public static double kernelSum(double[][] points, double bandwidth) {
        double s = 0;
        for (int i = 0; i < points.length; i++) {
            for (int j = i + 1; j < points.length; j++) {
                double d2 = 0;
                for (int k = 0; k < points[i].length; k++) {
                    double d = points[i][k] - points[j][k];
                    d2 += d * d;
                }
                s += Math.exp(-d2 / (2 * bandwidth * bandwidth));
            }
        }
        return s;
    }

    /** Transposes an element-wise copy in place by swaps, then a weighted sum that sees the order. */
    @Differentiable
    public static double transposeInPlace(double[][] a) {
        int n = a.length;
        double[][] t = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                t[i][j] = a[i][j];
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double tmp = t[i][j];
                t[i][j] = t[j][i];
                t[j][i] = tmp;
            }
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s += (i * n + j + 1) * t[i][j] * Math.abs(t[i][j] + 3);
            }
        }
        return s;
    }
}
