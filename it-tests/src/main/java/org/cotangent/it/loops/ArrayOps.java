package org.cotangent.it.loops;

import org.cotangent.Differentiable;

/** One-dimensional array idioms: in-place updates, clones, sorting, gathers and scatters. */
public final class ArrayOps {
    private ArrayOps() {
    }

    /** c_0 + c_1 x + ... + c_n x^n by Horner's rule, from the highest coefficient down. */
    @Differentiable
    public static double horner(double[] coeffs, double x) {
        double p = coeffs[coeffs.length - 1];
        for (int i = coeffs.length - 2; i >= 0; i--) {
            p = p * x + coeffs[i];
        }
        return p;
    }

    /** Cumulative products in place on a clone ({@code a[i] = a[i - 1] * a[i]}); returns their sum. */
    @Differentiable
    public static double cumulativeProduct(double[] x) {
        double[] a = x.clone();
        for (int i = 1; i < a.length; i++) {
            a[i] = a[i - 1] * a[i];
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i];
        }
        return s;
    }

    /** Bubble sort of a clone, then sum (i+1) sorted_i: the derivative follows the permutation. */
    @Differentiable
    public static double bubbleSortWeighted(double[] values) {
        double[] a = values.clone();
        int n = a.length;
        boolean swapped = true;
        while (swapped) {
            swapped = false;
            for (int i = 0; i + 1 < n; i++) {
                if (a[i] > a[i + 1]) {
                    double t = a[i];
                    a[i] = a[i + 1];
                    a[i + 1] = t;
                    swapped = true;
                }
            }
            n--;
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (i + 1) * a[i];
        }
        return s;
    }

    /**
     * Insertion sort of an index permutation written into the caller's int[] {@code order} (inactive,
     * modified exactly as here), then sum (i+1) values[order[i]]^2.
     */
    @Differentiable
    public static double argsortWeighted(double[] values, int[] order) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = 1; i < order.length; i++) {
            int key = order[i];
            int j = i - 1;
            while (j >= 0 && values[order[j]] > values[key]) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = key;
        }
        double s = 0;
        for (int i = 0; i < order.length; i++) {
            s += (i + 1) * values[order[i]] * values[order[i]];
        }
        return s;
    }

    /** Array initialisers of both ranks built from the parameters. */
    @Differentiable
    public static double initialisers(double x, double y) {
        double[] v = {x, y, 2 * x, Math.sin(y)};
        double[][] m = {{x, y}, {y * y, 1}, {3, x * y}};
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += v[i] * (i + 1);
        }
        for (int i = 0; i < m.length; i++) {
            s += m[i][0] * m[i][1];
        }
        return s * v[2];
    }

    /** One element overwritten on every iteration: acc[0] = acc[0] * x_i + 1. */
    @Differentiable
    public static double overwriteElement(double[] x) {
        double[] acc = new double[1];
        for (int i = 0; i < x.length; i++) {
            acc[0] = acc[0] * x[i] + 1;
        }
        return acc[0];
    }

    /** Gathers through an int[] of indices (with repeats): sum x[idx_k] x[idx_{k+1}]. */
    @Differentiable
    public static double gather(double[] x, int[] idx) {
        double s = 0;
        for (int k = 0; k < idx.length; k++) {
            s += x[idx[k]] * x[idx[(k + 1) % idx.length]];
        }
        return s;
    }

    /** Scatter-adds x_k^2 into buckets chosen by an int[] ({@code +=} on elements), then sum sqrt(1 + b^2). */
    @Differentiable
    public static double scatterAdd(double[] x, int[] bucket, int buckets) {
        double[] b = new double[buckets];
        for (int k = 0; k < x.length; k++) {
            b[bucket[k]] += x[k] * x[k];
            b[bucket[k]] -= 0.5 * x[k];
        }
        double s = 0;
        for (int i = 0; i < buckets; i++) {
            s += Math.sqrt(1 + b[i] * b[i]);
        }
        return s;
    }

    /** Prefix sums in place ({@code a[i] += a[i - 1]}) on a clone; then sum sin(a_i). */
    @Differentiable
    public static double prefixSums(double[] x) {
        double[] a = x.clone();
        for (int i = 1; i < a.length; i++) {
            a[i] += a[i - 1];
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += Math.sin(a[i]);
        }
        return s;
    }

    /** Reverses a clone in place by swaps, then a position-weighted sum with an index expression. */
    @Differentiable
    public static double reverseInPlace(double[] x) {
        double[] a = x.clone();
        int n = a.length;
        for (int i = 0; i < n / 2; i++) {
            double t = a[i];
            a[i] = a[n - 1 - i];
            a[n - 1 - i] = t;
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[(3 * i + 1) % n] * (i + 1) + a[i] * a[i];
        }
        return s;
    }

    /** {@code .length} and {@code .clone()}: a clone modified, compared with the original by position. */
    @Differentiable
    public static double cloneAndLength(double[] x) {
        double[] c = x.clone();
        c[0] = c[c.length - 1] * 2;
        c[c.length - 1] *= c[0];
        double s = c.length;
        for (int i = 0; i < x.length; i++) {
            s += c[i] * x[i];
        }
        return s;
    }

    /** Moving average with window w into a new array, then the sum of squares of the averages. */
    @Differentiable
    public static double movingAverage(double[] x, int w) {
        double[] avg = new double[x.length - w + 1];
        for (int i = 0; i < avg.length; i++) {
            for (int j = i; j < i + w; j++) {
                avg[i] += x[j];
            }
            avg[i] /= w;
        }
        double s = 0;
        for (int i = 0; i < avg.length; i++) {
            s += avg[i] * avg[i];
        }
        return s;
    }

    /**
     * A local array variable reassigned to a freshly allocated array each step ({@code cur = next}):
     * five smoothing passes over a clone.
     */
    @Differentiable
    public static double reassignLocalArray(double[] x) {
        double[] cur = x.clone();
        for (int pass = 0; pass < 5; pass++) {
            double[] next = new double[cur.length];
            for (int i = 0; i < cur.length; i++) {
                double left = i > 0 ? cur[i - 1] : cur[i];
                double right = i + 1 < cur.length ? cur[i + 1] : cur[i];
                next[i] = 0.25 * left + 0.5 * cur[i] + 0.25 * right * cur[i];
            }
            cur = next;
        }
        double s = 0;
        for (int i = 0; i < cur.length; i++) {
            s += cur[i] * (i + 1);
        }
        return s;
    }
}
