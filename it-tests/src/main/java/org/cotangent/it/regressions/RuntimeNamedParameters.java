package org.cotangent.it.regressions;

import org.cotangent.Differentiable;

/** Parameters and locals named as runtime classes and generated names (Checks, Dual, seed, tape, result, x_adj). */
public class RuntimeNamedParameters {
    @Differentiable
    public static double f(double at, double row, double gradient, double[] Checks) {
        double self = at * row;
        double seed_adj = gradient * self;
        double s = 0;
        for (int k = 0; k < Checks.length; k++) {
            s += Checks[k] * seed_adj;
        }
        return s + self;
    }

    @Differentiable
    public static double g(double seed, double tape, double result, double[] Dual) {
        double x_adj = seed * tape;
        double Adjoints = x_adj + result;
        double[] Primitives = Dual.clone();
        for (int i = 0; i < Primitives.length; i++) {
            Primitives[i] *= Adjoints;
            x_adj += Math.sin(Primitives[i]);
        }
        return x_adj * result;
    }
}
