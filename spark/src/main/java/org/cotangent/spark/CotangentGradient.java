package org.cotangent.spark;

import java.util.Objects;
import org.apache.spark.mllib.linalg.DenseVector;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.optimization.Gradient;

/**
 * MLlib's {@link Gradient} from a Cotangent-generated per-example vjp, so that MLlib's own
 * optimisers ({@code LBFGS}, {@code GradientDescent}) train a user's model:
 *
 * <pre>{@code
 * Tuple2<Vector, double[]> fit = LBFGS.runLBFGS(pairs.rdd(), new CotangentGradient(LossDerivatives::loss_vjp),
 *         new SimpleUpdater(), 10, 1e-9, 100, 0.0, Vectors.zeros(dimension));
 * }</pre>
 *
 * MLlib sums {@code compute} over the examples (with {@code treeAggregate}) and divides by their
 * number; the vjp adds straight into MLlib's dense accumulator, so nothing is allocated per
 * example. The weights must be dense (MLlib's optimisers keep them so).
 */
public final class CotangentGradient extends Gradient {
    private static final long serialVersionUID = 1L;

    private final ExampleVjp vjp;

    public CotangentGradient(ExampleVjp vjp) {
        this.vjp = Objects.requireNonNull(vjp, "vjp");
    }

    /** Adds the example's gradient into {@code cumGradient} (dense, of the weights' size) and returns its loss. */
    @Override
    public double compute(Vector data, double label, Vector weights, Vector cumGradient) {
        if (!(cumGradient instanceof DenseVector accumulator)) {
            throw new IllegalArgumentException("the gradient accumulator must be a dense vector to be added into,"
                    + " not " + cumGradient.getClass().getSimpleName());
        }
        if (cumGradient.size() != weights.size()) {
            throw new IllegalArgumentException("the gradient accumulator has " + cumGradient.size()
                    + " components where the weights have " + weights.size());
        }
        return vjp.vjp(dense(weights), dense(data), label, 1.0, accumulator.values());
    }

    private static double[] dense(Vector v) {
        return v instanceof DenseVector d ? d.values() : v.toArray();
    }
}
