package org.cotangent.spark;

import java.io.Serializable;

/**
 * A minibatch loss's vector-Jacobian product, in the shape Cotangent generates for
 * {@code @Differentiable(wrt = "w") double loss(double[] w, double[][] xs, double[] ys)}, the
 * <em>sum</em> of the examples' losses: pass {@code LossDerivatives::loss_vjp}.
 *
 * <p>It returns the loss of the examples {@code xs[i], ys[i]} and adds
 * {@code seed * d loss / d w} into {@code wAdj}. The last block of a partition may hold fewer
 * examples than the others, so the loss must loop over {@code ys.length}.
 */
@FunctionalInterface
public interface BatchVjp extends Serializable {
    double vjp(double[] w, double[][] xs, double[] ys, double seed, double[] wAdj);
}
