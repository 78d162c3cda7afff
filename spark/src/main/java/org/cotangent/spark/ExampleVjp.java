package org.cotangent.spark;

import java.io.Serializable;

/**
 * A per-example loss's vector-Jacobian product, in the shape Cotangent generates for
 * {@code @Differentiable(wrt = "w") double loss(double[] w, double[] x, double y)}: pass the
 * generated method by reference, {@code LossDerivatives::loss_vjp}.
 *
 * <p>It returns the loss of example {@code (x, y)} at weights {@code w} and adds
 * {@code seed * d loss / d w} into {@code wAdj}. A reference to a static method is serialisable,
 * so Spark ships it to the executors as it is.
 */
@FunctionalInterface
public interface ExampleVjp extends Serializable {
    double vjp(double[] w, double[] x, double y, double seed, double[] wAdj);
}
