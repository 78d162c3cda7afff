package org.cotangent.it.vector;

import org.cotangent.Differentiable;

/** Coordinates and linear algebra: rotations, polar coordinates, products. */
public final class Geometry {
    private Geometry() {
    }

    /** Rotates the 2-D point p by the angle theta. */
    @Differentiable
    public static double[] rotate(double[] p, double theta) {
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        double[] q = new double[2];
        q[0] = c * p[0] - s * p[1];
        q[1] = s * p[0] + c * p[1];
        return q;
    }

    /** (r, phi) to (r cos phi, r sin phi). */
    @Differentiable
    public static double[] polarToCartesian(double r, double phi) {
        double[] xy = new double[2];
        xy[0] = r * Math.cos(phi);
        xy[1] = r * Math.sin(phi);
        return xy;
    }

    /** Spherical (r, theta, phi) to Cartesian, with hypot as a fourth output. */
    @Differentiable
    public static double[] spherical(double r, double theta, double phi) {
        double st = Math.sin(theta);
        double x = r * st * Math.cos(phi);
        double y = r * st * Math.sin(phi);
        double z = r * Math.cos(theta);
        double rho = Math.hypot(x, y);
        return new double[] {x, y, z, rho};
    }

    /** The matrix-vector product A x. */
    @Differentiable
    public static double[] matVec(double[][] a, double[] x) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double s = 0;
            for (int j = 0; j < x.length; j++) {
                s += a[i][j] * x[j];
            }
            y[i] = s;
        }
        return y;
    }

    /** The outer product a b^T, flattened row-major. */
    @Differentiable
    public static double[] outer(double[] a, double[] b) {
        double[] y = new double[a.length * b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                y[i * b.length + j] = a[i] * b[j];
            }
        }
        return y;
    }
}
