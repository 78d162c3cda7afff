package org.cotangent.examples;

import org.cotangent.Differentiable;

/** Logistic regression with its parameters in a record: the value-type example of the README. */
public final class Logistic {
    private Logistic() {
    }

    /** The model's parameters: weights and a bias. */
    public record Params(double[] w, double b) {
    }

    /** Cross-entropy of one labelled sample ({@code y} is 0 or 1) under the model {@code p}. */
    @Differentiable(wrt = {"p"})
    public static double loss(Params p, double[] x, double y) {
        double z = p.b();
        for (int i = 0; i < x.length; i++) {
            z += p.w()[i] * x[i];
        }
        // log(1 + e^z) - y z, written to stay finite for large |z|
        double softplus = Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
        return softplus - y * z;
    }
}
