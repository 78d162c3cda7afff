package org.cotangent.it.calls;

import org.cotangent.Differentiable;
import org.cotangent.itlib.Kernels;
import org.cotangent.itlib.Spring;

/** Calls into org.cotangent.itlib, compiled in another module: derivatives come from its jar. */
public final class CrossModule {
    private CrossModule() {
    }

    @Differentiable
    public static double softplusMix(double x, double y) {
        return Kernels.softplus(x * y) + Kernels.bump(x, y, 0.5 + y * y);
    }

    /** A library void layer (overwrites h) and a library void add (adds to h). */
    @Differentiable
    public static double libraryLayers(double[][] w, double[] b, double[] x, double a) {
        double[] h = new double[b.length];
        Kernels.affineTanh(w, b, x, h);
        Kernels.axpySquare(a, h, h);
        double s = 0;
        for (int i = 0; i < h.length; i++) {
            s += Kernels.softplus(h[i]);
        }
        return s;
    }

    /** An instance method of a library class, on a receiver passed in. */
    @Differentiable
    public static double springLoss(Spring spring, double[] x, double s) {
        return spring.scaledEnergy(x, s) + 0.5 * spring.energy(x);
    }

    /** Library callees with an array built locally. */
    @Differentiable
    public static double libraryNorms(double[] x, double[] w) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i] - w[i] * x[i];
        }
        return Kernels.weightedSquares(w, d) * Kernels.powerNorm(d, 2.5);
    }
}
