package org.cotangent.it.vector;

import org.cotangent.Differentiable;

/**
 * Subjects of {@code _jacobian}'s vector reverse mode: one forward sweep, then one backward sweep
 * per output row. Each one makes a later row depend on something an earlier row's backward sweep
 * changed: a scalar it overwrote, an element it put back, a work array's adjoint, a matrix
 * accumulator. The last one takes the fallback (one {@code _vjp} per row) and must agree all the same.
 */
public final class Rows {
    private Rows() {
    }

    /** A scalar overwritten twice: each row's backward sweep restores it, the next must start from its final value. */
    @Differentiable
    public static double[] scalarOverwrite(double[] x, double c) {
        double s = x[0] * c;
        s = Math.sin(s) * x[1];
        s = s * s + x[2] * c;
        double[] out = new double[2];
        out[0] = s * x[3];
        out[1] = Math.exp(0.5 * s) - x[1] * c;
        return out;
    }

    /** Elements overwritten in branches (a rotation of a work vector, then a clamp). */
    @Differentiable
    public static double[] branchRestore(double[] x) {
        double[] y = new double[3];
        y[0] = x[0];
        y[1] = x[1];
        y[2] = x[2] * x[3];
        for (int i = 0; i < 3; i++) {
            if (y[i] > 0.2) {
                y[i] = y[i] * y[(i + 1) % 3];
            } else {
                y[i] -= 0.3 * x[3];
            }
        }
        return y;
    }

    /** m given by an argument: m >= n takes forward-mode columns, m < n backward rows; both must match. */
    @Differentiable(wrt = {"x"})
    public static double[] resize(double[] x, int m) {
        double[] out = new double[m];
        int n = x.length;
        for (int i = 0; i < m; i++) {
            out[i] = Math.sin(x[i % n]) * x[(i + 1) % n] + 0.1 * i;
        }
        return out;
    }

    /** A work array read by both outputs: its adjoint is zeroed before every row. */
    @Differentiable
    public static double[] sharedWork(double[] x) {
        double[] t = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            t[i] = x[i] * x[i] + 1.0;
        }
        double sum = 0;
        double prod = 1;
        for (int i = 0; i < t.length; i++) {
            sum += t[i];
            prod *= t[i];
        }
        double[] out = new double[2];
        out[0] = Math.log(sum);
        out[1] = prod / sum + t[0] * t[t.length - 1];
        return out;
    }

    /** A matrix accumulator and a scalar one (row sums of s * a, then their product). */
    @Differentiable
    public static double[] matrixRows(double[][] a, double s) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double r = 0;
            for (int j = 0; j < a[i].length; j++) {
                r += Math.tanh(s * a[i][j]);
            }
            out[i] = r * r;
        }
        return out;
    }

    /** A loop-carried scalar overwritten every iteration: taped, so each row calls {@code _vjp}. */
    @Differentiable
    public static double[] tapedHorner(double[] coefficients, double z) {
        double p = 0;
        double dp = 0;
        for (int i = 0; i < coefficients.length; i++) {
            dp = dp * z + p;
            p = p * z + coefficients[i];
        }
        double[] out = new double[2];
        out[0] = p;
        out[1] = dp;
        return out;
    }

    /**
     * A while loop at the top level keeps its trip count in a local that the backward sweep counts
     * down: each row's sweep must start from the count again (fuzzer seed 26016951).
     */
    @Differentiable
    public static double[] whileTripCount(double[] x, double y) {
        double v = y;
        int k = 0;
        while (k < 3) {
            v = v * x[k % x.length] + Math.sin(v);
            k++;
        }
        return new double[] {v * v, Math.cos(v) + y, v * x[0]};
    }

    /**
     * An array created only in one branch and overwritten there: where the branch is not taken it
     * stays null, and the rows' copies of it must allow that (fuzzer seed 26022546).
     */
    @Differentiable
    public static double[] arrayInBranch(double[] x, double[] z) {
        double[] a = x.clone();
        a[2] = Math.sin(x[1]) * a[2];
        if (a[0] < a[1]) {
            double[] b = z.clone();
            for (int i = 0; i < 2; i++) {
                b[i % b.length] += -1.22;
                double unused = b[i % 3] * 2;
                b[1] = Math.tanh(x[i % x.length]);
                double read = b[0];
            }
        }
        return new double[] {Math.log(1.71 + Math.cos(z[2] * a[2])), a[1]};
    }
}
