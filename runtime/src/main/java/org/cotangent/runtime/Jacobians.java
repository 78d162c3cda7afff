package org.cotangent.runtime;

/**
 * Determinants of square Jacobians, for the change-of-variables term of normalizing flows:
 * {@code log p_Y(f(x)) = log p_X(x) - log |det J_f(x)|}.
 *
 * <p>Both use LU factorisation with partial pivoting (row swaps to the largest remaining pivot),
 * which is backward stable; {@link #logAbsDet} sums logarithms of the pivots, so it neither
 * overflows nor underflows where the determinant itself would. The input is not modified.
 */
public final class Jacobians {
    private Jacobians() {
    }

    /** {@code log |det a|}; {@code -Infinity} for a singular matrix. */
    public static double logAbsDet(double[][] a) {
        double[][] lu = copySquare(a);
        int n = lu.length;
        double logDet = 0.0;
        for (int k = 0; k < n; k++) {
            int pivot = pivot(lu, k);
            if (lu[pivot][k] == 0.0) {
                return Double.NEGATIVE_INFINITY;
            }
            swap(lu, k, pivot);
            logDet += Math.log(Math.abs(lu[k][k]));
            eliminate(lu, k);
        }
        return logDet;
    }

    /** {@code det a}; 0 for a singular matrix. */
    public static double det(double[][] a) {
        double[][] lu = copySquare(a);
        int n = lu.length;
        double det = 1.0;
        for (int k = 0; k < n; k++) {
            int pivot = pivot(lu, k);
            if (lu[pivot][k] == 0.0) {
                return 0.0;
            }
            if (pivot != k) {
                swap(lu, k, pivot);
                det = -det;
            }
            det *= lu[k][k];
            eliminate(lu, k);
        }
        return det;
    }

    /**
     * Zeroes {@code parts} (each a {@code double[]} or {@code double[][]}, flattened in order,
     * row-major) and sets their element at flat position {@code j} to 1: the j-th unit direction,
     * used by generated {@code _jacobian} methods.
     */
    public static void unit(int j, Object... parts) {
        zero(parts);
        int at = 0;
        for (Object part : parts) {
            if (part instanceof double[] v) {
                if (j < at + v.length) {
                    v[j - at] = 1.0;
                    return;
                }
                at += v.length;
            } else {
                for (double[] row : (double[][]) part) {
                    if (j < at + row.length) {
                        row[j - at] = 1.0;
                        return;
                    }
                    at += row.length;
                }
            }
        }
        throw new IllegalArgumentException("direction " + j + " is outside the " + at + " inputs");
    }

    /** Zeroes every element of {@code parts} ({@code double[]} or {@code double[][]}). */
    public static void zero(Object... parts) {
        for (Object part : parts) {
            if (part instanceof double[] v) {
                java.util.Arrays.fill(v, 0.0);
            } else {
                for (double[] row : (double[][]) part) {
                    java.util.Arrays.fill(row, 0.0);
                }
            }
        }
    }

    /** Copies {@code parts}, flattened in order (row-major), into {@code row}. */
    public static void flatten(double[] row, Object... parts) {
        int at = 0;
        for (Object part : parts) {
            if (part instanceof double[] v) {
                at = Adjoints.put(row, at, v);
            } else {
                at = Adjoints.put(row, at, (double[][]) part);
            }
        }
    }

    /** Writes {@code column} into column {@code j} of {@code jacobian}. */
    public static void setColumn(double[][] jacobian, int j, double[] column) {
        for (int i = 0; i < column.length; i++) {
            jacobian[i][j] = column[i];
        }
    }

    private static int pivot(double[][] lu, int k) {
        int best = k;
        for (int i = k + 1; i < lu.length; i++) {
            if (Math.abs(lu[i][k]) > Math.abs(lu[best][k])) {
                best = i;
            }
        }
        return best;
    }

    private static void swap(double[][] lu, int i, int j) {
        double[] row = lu[i];
        lu[i] = lu[j];
        lu[j] = row;
    }

    private static void eliminate(double[][] lu, int k) {
        int n = lu.length;
        for (int i = k + 1; i < n; i++) {
            double factor = lu[i][k] / lu[k][k];
            if (factor != 0.0) {
                for (int j = k + 1; j < n; j++) {
                    lu[i][j] -= factor * lu[k][j];
                }
            }
        }
    }

    private static double[][] copySquare(double[][] a) {
        if (a == null) {
            throw new IllegalArgumentException("matrix must not be null");
        }
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            if (a[i] == null || a[i].length != a.length) {
                throw new IllegalArgumentException("matrix must be square: row " + i + " has length "
                        + (a[i] == null ? "null" : String.valueOf(a[i].length)) + ", expected " + a.length);
            }
            out[i] = a[i].clone();
        }
        return out;
    }
}
