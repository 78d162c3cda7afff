package org.cotangent.it.hessian;

import org.cotangent.Differentiable;

/** Scalar functions whose Hessians are checked: closed forms, finite differences of the gradient, symmetry. */
public class SecondOrder {
    /** Extended Rosenbrock. */
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

    /** Mean logistic-regression loss of weights w and bias b over a data set. */
    @Differentiable(wrt = {"w", "b"})
    public static double logisticLoss(double[] w, double b, double[][] xs, double[] ys) {
        double total = 0;
        for (int n = 0; n < xs.length; n++) {
            double z = b;
            for (int j = 0; j < w.length; j++) {
                z += w[j] * xs[n][j];
            }
            total += Math.log1p(Math.exp(-Math.abs(z))) + Math.max(z, 0) - ys[n] * z;
        }
        return total / xs.length;
    }

    @Differentiable
    public static double trig(double x, double y) {
        return Math.sin(x * y) + Math.cos(x - 2 * y) * Math.exp(0.3 * x);
    }

    @Differentiable
    public static double rational(double x, double y, double z) {
        return (x * y + z) / (1 + x * x + y * y * z * z);
    }

    @Differentiable
    public static double logSumExp(double[] v) {
        double m = v[0];
        for (double e : v) {
            m = Math.max(m, e);
        }
        double s = 0;
        for (double e : v) {
            s += Math.exp(e - m);
        }
        return m + Math.log(s);
    }

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

    @Differentiable
    public static double powers(double x, double y) {
        return Math.pow(x, 3.5) * Math.hypot(x, y) + Math.atan2(y, x) + Math.sqrt(x + y * y);
    }

    @Differentiable
    public static double pendulumChain(double[] theta) {
        double e = 0;
        double x = 0;
        double y = 0;
        for (int i = 0; i < theta.length; i++) {
            x += Math.sin(theta[i]);
            y -= Math.cos(theta[i]);
            e += y + 0.5 * x * x;
        }
        return e;
    }

    @Differentiable
    public static double callsInside(double x, double y) {
        return trig(x, y) * rational(x, y, 0.5) + trig(y, x);
    }
}
