package org.cotangent.itlib;

import org.cotangent.Differentiable;

/** A chain of springs whose constants are fields, read as constants by the differentiable methods. */
public class Spring {
    public final double stiffness;
    public final double[] rest;
    final double[][] coupling;
    private static final double DAMPING = 0.125;

    public Spring(double stiffness, double[] rest, double[][] coupling) {
        this.stiffness = stiffness;
        this.rest = rest;
        this.coupling = coupling;
    }

    /** Elastic energy of the positions x, plus a quadratic coupling term. */
    @Differentiable
    public double energy(double[] x) {
        double e = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - rest[i];
            e += 0.5 * stiffness * d * d;
        }
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                e += DAMPING * coupling[i][j] * x[i] * x[j];
            }
        }
        return e;
    }

    /** Energy of a single displacement scaled by s: calls {@link #energy} on a local array. */
    @Differentiable
    public double scaledEnergy(double[] x, double s) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = s * x[i];
        }
        return energy(y);
    }
}
