package org.cotangent.it.loops;

import org.cotangent.Differentiable;

/** Every loop form and jump: break, labelled continue and break, do/while, switch, return in a loop. */
public final class ControlFlow {
    private ControlFlow() {
    }

    /** Adds x_i^2 + x_i until the running sum passes the threshold ({@code break}); then scales by the sum. */
    @Differentiable
    public static double sumUntil(double[] x, double threshold) {
        double s = 0;
        int used = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * x[i] + x[i];
            used++;
            if (s > threshold) {
                break;
            }
        }
        return s * used + Math.sin(s);
    }

    /** Sums over rows; a negative entry abandons the rest of its row ({@code continue rows}). */
    @Differentiable
    public static double labelledContinue(double[][] m) {
        double s = 0;
        rows:
        for (int i = 0; i < m.length; i++) {
            double rowProduct = 1;
            for (int j = 0; j < m[i].length; j++) {
                if (m[i][j] < 0) {
                    s += rowProduct * m[i][j];
                    continue rows;
                }
                rowProduct *= 1 + m[i][j];
            }
            s += Math.log(rowProduct);
        }
        return s;
    }

    /** Searches a matrix for the first entry above a limit, leaving both loops with {@code break search}. */
    @Differentiable
    public static double labelledBreak(double[][] m, double limit) {
        double s = 0;
        double found = 0;
        search:
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                if (m[i][j] > limit) {
                    found = m[i][j] * m[i][j];
                    break search;
                }
                s += Math.cos(m[i][j]);
            }
            s *= 0.9;
        }
        return s + found;
    }

    /** Halves until at most 1 in a do/while (at least once), then multiplies the pieces back. */
    @Differentiable
    public static double doWhileHalving(double x) {
        double y = x;
        double product = 1;
        int count = 0;
        do {
            y = y / 2;
            product *= 1 + y;
            count++;
        } while (y > 1);
        return product * y + count;
    }

    /** A classic {@code switch} on i % 4 in a loop, with a fall-through and a default. */
    @Differentiable
    public static double switchInLoop(double[] x) {
        double s = 0;
        double p = 1;
        for (int i = 0; i < x.length; i++) {
            switch (i % 4) {
                case 0:
                    s += x[i];
                    break;
                case 1:
                    s *= 1 + x[i] * x[i];
                    // fall through
                case 2:
                    p *= Math.cos(x[i]);
                    break;
                default:
                    s -= Math.exp(x[i]) * p;
                    break;
            }
        }
        return s + p;
    }

    /** A {@code switch} with arrow labels on an int parameter, inside a loop. */
    @Differentiable
    public static double switchArrow(double[] x, int mode) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            switch ((i + mode) % 3) {
                case 0 -> s += Math.sin(x[i]);
                case 1 -> {
                    double t = x[i] * x[i];
                    s += t * s;
                }
                default -> s = s * 0.5 + x[i];
            }
        }
        return s;
    }

    /** Returns from inside the loop at the first element above the limit; else after it. */
    @Differentiable
    public static double returnFromLoop(double[] x, double limit) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > limit) {
                return s * x[i] + Math.exp(x[i]);
            }
            s += x[i] * x[i];
        }
        return -s;
    }

    /** Three nested loops: sum over i, j, k of a_ij w_k sin(a_jk)-like couplings. */
    @Differentiable
    public static double nestedThreeDeep(double[][] a, double[] w) {
        int n = a.length;
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double inner = 0;
                for (int k = 0; k < w.length; k++) {
                    inner += w[k] * Math.sin(a[j][i] + w[k] * k);
                }
                s += a[i][j] * inner;
            }
        }
        return s;
    }

    /** Enhanced {@code for} over a double[] parameter and over a local array. */
    @Differentiable
    public static double enhancedFor(double[] x) {
        double s = 0;
        double[] squares = new double[x.length];
        int i = 0;
        for (double v : x) {
            s += v * Math.exp(-v * v);
            squares[i] = v * v;
            i++;
        }
        for (var q : squares) {
            s += Math.sqrt(1 + q);
        }
        return s;
    }

    /** A {@code while} loop whose body skips even indices with an unlabelled {@code continue}. */
    @Differentiable
    public static double whileContinue(double[] x) {
        double s = 1;
        int i = 0;
        while (i < x.length) {
            i++;
            if (i % 2 == 0) {
                continue;
            }
            s = s * x[i - 1] + 1;
        }
        return s;
    }

    /** A data-dependent {@code while}: grows s until it exceeds 10; the count is used as data. */
    @Differentiable
    public static double dataDependentWhile(double x) {
        double s = 1;
        int k = 0;
        while (s < 10) {
            s = s * 1.5 + x;
            k++;
        }
        return s / k + x * k;
    }

    /** A while loop counting down an int parameter. */
    @Differentiable
    public static double countdown(double x, int n) {
        double y = x;
        while (n > 0) {
            n--;
            y = Math.sin(y) + x * n;
        }
        return y;
    }

    /** An if/else-if chain inside a loop choosing one of three formulas per element. */
    @Differentiable
    public static double piecewise(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            if (v < -1) {
                s += v * v;
            } else if (v < 1) {
                s += Math.sin(v) * s;
            } else {
                s -= Math.log(v) + s * 0.5;
            }
        }
        return s;
    }
}
