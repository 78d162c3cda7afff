package org.cotangent.it.vector;

import org.cotangent.Differentiable;

/** Invertible 2-D maps of normalizing flows. */
public final class Flows {
    private Flows() {
    }

    /** Planar flow f(z) = z + u tanh(w . z + b), differentiated in z only (invertible when w . u >= -1). */
    @Differentiable(wrt = {"z"})
    public static double[] planar(double[] z, double[] u, double[] w, double b) {
        double a = Math.tanh(w[0] * z[0] + w[1] * z[1] + b);
        double[] y = new double[2];
        y[0] = z[0] + u[0] * a;
        y[1] = z[1] + u[1] * a;
        return y;
    }

    /** The planar flow differentiated in every parameter (7 inputs, 2 outputs). */
    @Differentiable
    public static double[] planarAll(double[] z, double[] u, double[] w, double b) {
        double dot = 0;
        for (int i = 0; i < 2; i++) {
            dot += w[i] * z[i];
        }
        double a = Math.tanh(dot + b);
        double[] y = z.clone();
        for (int i = 0; i < 2; i++) {
            y[i] += u[i] * a;
        }
        return y;
    }

    /** Log-scale of the coupling layer. */
    @Differentiable
    public static double scale(double z0, double[] theta) {
        return theta[0] * Math.tanh(theta[1] * z0 + theta[2]);
    }

    /** Shift of the coupling layer. */
    @Differentiable
    public static double shift(double z0, double[] theta) {
        return theta[3] * Math.sin(z0) + theta[4] * z0 * z0 / (1 + z0 * z0);
    }

    /** Affine coupling: y0 = z0, y1 = z1 exp(s(z0)) + t(z0); differentiated in z and theta. */
    @Differentiable
    public static double[] coupling(double[] z, double[] theta) {
        double s = scale(z[0], theta);
        double t = shift(z[0], theta);
        double[] y = new double[2];
        y[0] = z[0];
        y[1] = z[1] * Math.exp(s) + t;
        return y;
    }

    /** The coupling layer differentiated in z only (a square Jacobian). */
    @Differentiable(wrt = {"z"})
    public static double[] couplingZ(double[] z, double[] theta) {
        double s = scale(z[0], theta);
        double t = shift(z[0], theta);
        double e = Math.exp(s);
        return new double[] {z[0], z[1] * e + t};
    }
}
