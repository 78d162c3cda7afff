package org.cotangent.it.loops;

import org.cotangent.Differentiable;

/**
 * Loops that refill work arrays each iteration (GMM's per-component {@code x - mu} and
 * {@code Q (x - mu)}): reverse mode either runs each iteration again before its backward code, or
 * keeps what the iteration left (its work arrays, a stepped index) and puts it back there. The cost
 * model picks one per loop; {@code -Acotangent.checkpoint=always} always replays, {@code never}
 * keeps wherever keeping is right, and every subject must come out the same all three ways.
 */
public final class WorkArrays {
    private WorkArrays() {
    }

    /**
     * Per component c: centred point, a scale and a strictly lower-triangular transform walked by a
     * stepped index (not contiguous from one component to the next), its squared norm; then a log-sum-exp over the components, summed over the points.
     */
    @Differentiable(wrt = {"means", "l"})
    public static double quadraticForms(double[] means, double[] l, double[] x, int d, int k) {
        int n = x.length / d;
        int tri = d * (d - 1) / 2;
        double[] terms = new double[k];
        double[] centred = new double[d];
        double[] mapped = new double[d];
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    centred[j] = x[i * d + j] - means[c * d + j];
                }
                // the component's scale, then the strictly lower part: l holds tri + 1 entries per component
                for (int j = 0; j < d; j++) {
                    mapped[j] = l[c * (tri + 1)] * centred[j];
                }
                int at = c * (tri + 1) + 1;
                for (int col = 0; col < d; col++) {
                    for (int row = col + 1; row < d; row++) {
                        mapped[row] += l[at] * centred[col];
                        at++;
                    }
                }
                double norm = 0;
                for (int j = 0; j < d; j++) {
                    norm += mapped[j] * mapped[j];
                }
                terms[c] = -0.5 * norm;
            }
            double max = terms[0];
            for (int c = 1; c < k; c++) {
                max = Math.max(max, terms[c]);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                sum += Math.exp(terms[c] - max);
            }
            total += max + Math.log(sum);
        }
        return total;
    }

    /**
     * A work-array loop at the top level whose outputs feed a product afterwards: what it keeps
     * stays on the tape until the backward sweep reaches it.
     */
    @Differentiable(wrt = {"w"})
    public static double topLevel(double[] w, double[] x, int k) {
        int d = x.length;
        double[] work = new double[d];
        double[] out = new double[k];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                work[j] = w[c * d + j] * x[j];
            }
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += work[j] * work[j] + work[j];
            }
            out[c] = s;
        }
        double p = 1;
        for (int c = 0; c < k; c++) {
            p *= 1 + 0.1 * out[c];
        }
        return p;
    }

    /**
     * The work array is overwritten again within the iteration after the backward code needs its
     * first contents: keeping what the iteration left would be wrong, so the loop is always replayed.
     */
    @Differentiable(wrt = {"w"})
    public static double overwrittenWithin(double[] w, double[] x, int k) {
        int d = x.length;
        double[] work = new double[d];
        double total = 0;
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                work[j] = w[c * d + j] * x[j];
            }
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += work[j] * work[j];
            }
            for (int j = 0; j < d; j++) {
                work[j] = s * work[j];
            }
            for (int j = 0; j < d; j++) {
                s += work[j] * work[j];
            }
            total += s * s;
        }
        return total;
    }

    /**
     * The same loop inside an outer loop that stays taped (its sum is scaled afterwards): the old
     * elements of {@code out} are saved by the forward run, so the loop must not be replayed (its
     * replay would push above them).
     */
    @Differentiable(wrt = {"w"})
    public static double overwrittenInOuterLoop(double[] w, double[] x, int k) {
        int d = x.length;
        double[] work = new double[d];
        double[] out = new double[k];
        double total = 0;
        for (int p = 0; p < 2; p++) {
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    work[j] = w[c * d + j] * x[(j + p) % d];
                }
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += work[j] * work[j];
                }
                for (int j = 0; j < d; j++) {
                    work[j] = 0.5 * s * work[j];
                }
                for (int j = 0; j < d; j++) {
                    s += work[j] * work[j];
                }
                out[c] = s;
            }
            for (int c = 0; c < k; c++) {
                total += Math.tanh(out[c]);
            }
        }
        return total * Math.cos(total);
    }

    /** Vector-valued: one output per component, so {@code _jacobian} runs the backward sweep once per row. */
    @Differentiable(wrt = {"w"})
    public static double[] perComponent(double[] w, double[] x, int k) {
        int d = x.length;
        double[] work = new double[d];
        double[] out = new double[k];
        for (int c = 0; c < k; c++) {
            int at = c * d;
            for (int j = 0; j < d; j++) {
                work[j] = w[at] * x[j] + 0.5 * x[j];
                at++;
            }
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += work[j] * work[j];
            }
            out[c] = s;
        }
        return out;
    }
}
