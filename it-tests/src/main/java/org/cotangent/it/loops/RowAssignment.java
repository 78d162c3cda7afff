package org.cotangent.it.loops;
import org.cotangent.Differentiable;
/** Rows of local matrices assigned, aliased and built jagged in a loop. */
public class RowAssignment {
    @Differentiable
    public static double f(double[][] m) {
        double[][] c = new double[1][];
        c[0] = m[0].clone();
        return c[0][0];
    }
    @Differentiable
    public static double g(double[][] m, double x) {
        double[][] c = new double[2][];
        c[0] = m[0];
        c[1] = new double[1];
        c[1][0] = x;
        return c[1][0] * x + c[0][1] * c[0][0];
    }
    @Differentiable
    public static double jag(double[] x) {
        double[][] t = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            t[i] = new double[i + 1];
            for (int j = 0; j <= i; j++) {
                t[i][j] = x[i] * x[j];
            }
        }
        double s = 0;
        for (double[] row : t) { for (double v : row) { s += v * v; } }
        return s;
    }
}
