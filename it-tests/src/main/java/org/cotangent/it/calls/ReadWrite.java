package org.cotangent.it.calls;

import org.cotangent.Differentiable;

/** Callees that read and write the same array; callers that read it before and after. */
public final class ReadWrite {
    private ReadWrite() {
    }

    /** v[i] += c v[i-1]^2, left to right: each write reads the previous write. */
    @Differentiable
    public static void smooth(double[] v, double c) {
        for (int i = 1; i < v.length; i++) {
            v[i] = v[i] + c * v[i - 1] * v[i - 1];
        }
    }

    /** v /= |v|. */
    @Differentiable
    public static void normalize(double[] v) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += v[i] * v[i];
        }
        double n = Math.sqrt(s);
        for (int i = 0; i < v.length; i++) {
            v[i] = v[i] / n;
        }
    }

    /** Rotates (p[0], p[1]) by theta in place. */
    @Differentiable
    public static void rotate(double[] p, double theta) {
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        double x = p[0];
        p[0] = c * x - s * p[1];
        p[1] = s * x + c * p[1];
    }

    /** m[i][j] = a[i] b[j]: a void method writing a matrix. */
    @Differentiable
    public static void outer(double[] a, double[] b, double[][] m) {
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                m[i][j] = a[i] * b[j];
            }
        }
    }

    /** smooth, normalize, smooth again on a local copy; reads values before and after. */
    @Differentiable
    public static double smoothTwice(double[] x, double c) {
        double[] v = x.clone();
        double first = v[v.length - 1];
        smooth(v, c);
        double mid = v[v.length - 1];
        normalize(v);
        smooth(v, 0.5 * c);
        double s = first * mid;
        for (int i = 0; i < v.length; i++) {
            s += (i + 1) * v[i];
        }
        return s;
    }

    /** Modifies its own parameter x through the callee, as the primal does. */
    @Differentiable
    public static double modifiesInput(double[] x, double c) {
        smooth(x, c);
        normalize(x);
        return x[0] + 2 * x[x.length - 1];
    }

    /** Rotations in a loop; the value before each rotation is read afterwards. */
    @Differentiable
    public static double rotations(double x, double y, double theta) {
        double[] p = {x, y};
        double s = 0;
        for (int k = 0; k < 5; k++) {
            double before = p[1];
            rotate(p, theta * (k + 1));
            s += before * p[0];
        }
        return s + p[0] * p[1];
    }

    /** Frobenius norm squared of a sum of outer products written into one matrix by the void callee. */
    @Differentiable
    public static double outerSum(double[] a, double[] b) {
        double[][] m = new double[a.length][b.length];
        double s = 0;
        outer(a, b, m);
        outer(m[0], b, m);
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                s += m[i][j] * m[i][j];
            }
        }
        return s;
    }
}
