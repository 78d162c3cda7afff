package org.cotangent.it.loops;

import org.cotangent.Differentiable;

/** Vectors and matrices: reductions, products and solves written with plain loops. */
public final class LinearAlgebra {
    private LinearAlgebra() {
    }

    /** Extended Rosenbrock: sum over i of (1 - x_i)^2 + 100 (x_{i+1} - x_i^2)^2. */
    @Differentiable
    public static double rosenbrock(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length - 1; i++) {
            double a = 1 - x[i];
            double b = x[i + 1] - x[i] * x[i];
            s += a * a + 100 * b * b;
        }
        return s;
    }

    /** x . y. */
    @Differentiable
    public static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    /** |A x - b|^2, the residual held in a local array. */
    @Differentiable
    public static double leastSquares(double[][] a, double[] x, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double row = 0;
            for (int j = 0; j < x.length; j++) {
                row += a[i][j] * x[j];
            }
            r[i] = row - b[i];
        }
        double s = 0;
        for (int i = 0; i < r.length; i++) {
            s += r[i] * r[i];
        }
        return s;
    }

    /** |A B|_F^2, the product accumulated with {@code +=} into a {@code new double[n][m]}. */
    @Differentiable
    public static double productFrobenius(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                for (int k = 0; k < b.length; k++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                s += c[i][j] * c[i][j];
            }
        }
        return s;
    }

    /** x^T A x. */
    @Differentiable
    public static double quadraticForm(double[][] a, double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                s += x[i] * a[i][j] * x[j];
            }
        }
        return s;
    }

    /** Solves L y = b by forward substitution (reads y[j] while y[i] is written); returns sum (i+1) y_i^2. */
    @Differentiable
    public static double forwardSubstitution(double[][] l, double[] b) {
        int n = b.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double t = b[i];
            for (int j = 0; j < i; j++) {
                t -= l[i][j] * y[j];
            }
            y[i] = t / l[i][i];
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (i + 1) * y[i] * y[i];
        }
        return s;
    }

    /** Rayleigh quotient of A after {@code steps} normalised power-iteration steps. */
    @Differentiable
    public static double powerIteration(double[][] a, int steps) {
        int n = a.length;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 1.0 + 0.1 * i;
        }
        double[] w = new double[n];
        for (int step = 0; step < steps; step++) {
            double norm = 0;
            for (int i = 0; i < n; i++) {
                double t = 0;
                for (int j = 0; j < n; j++) {
                    t += a[i][j] * v[j];
                }
                w[i] = t;
                norm += t * t;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                v[i] = w[i] / norm;
            }
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            double av = 0;
            for (int j = 0; j < n; j++) {
                av += a[i][j] * v[j];
            }
            num += v[i] * av;
            den += v[i] * v[i];
        }
        return num / den;
    }

    /** x . y / (|x| |y|). */
    @Differentiable
    public static double cosineSimilarity(double[] x, double[] y) {
        double xy = 0;
        double xx = 0;
        double yy = 0;
        for (int i = 0; i < x.length; i++) {
            xy += x[i] * y[i];
            xx += x[i] * x[i];
            yy += y[i] * y[i];
        }
        return xy / Math.sqrt(xx * yy);
    }

    /**
     * log |det A| by LU elimination without pivoting on an element-wise copy (for diagonally
     * dominant A): rows below the pivot are updated in place with {@code -=}.
     */
    @Differentiable
    public static double logDetLu(double[][] a) {
        int n = a.length;
        double[][] u = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                u[i][j] = a[i][j];
            }
        }
        double logDet = 0;
        for (int k = 0; k < n; k++) {
            for (int i = k + 1; i < n; i++) {
                double factor = u[i][k] / u[k][k];
                for (int j = k; j < n; j++) {
                    u[i][j] -= factor * u[k][j];
                }
            }
            logDet += Math.log(Math.abs(u[k][k]));
        }
        return logDet;
    }
}
