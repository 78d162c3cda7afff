package org.cotangent.spark;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import org.hipparchus.optim.ConvergenceChecker;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunctionGradient;

/**
 * A {@link DataParallelLoss}'s mean as a Hipparchus objective, for an optimiser that runs on the
 * driver (e.g. {@code NonLinearConjugateGradientOptimizer}) while every evaluation is one Spark
 * job. Hipparchus asks for the value and for the gradient at the same point separately; one pass
 * computes both, and the last point's result is kept, so each point costs one job.
 */
public final class DriverObjective {
    private final DataParallelLoss loss;
    private final Consumer<Evaluation> listener;
    private double[] lastPoint;
    private LossAndGradient lastResult;
    private int evaluations;

    /** One evaluation: its number (from 1), the point, the mean loss there and its wall time. */
    public record Evaluation(int number, double[] point, double loss, double[] gradient, long nanos) {
    }

    public DriverObjective(DataParallelLoss loss) {
        this(loss, e -> { });
    }

    /** Tells {@code listener} of every Spark pass, e.g. to print progress. */
    public DriverObjective(DataParallelLoss loss, Consumer<Evaluation> listener) {
        this.loss = Objects.requireNonNull(loss, "loss");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public ObjectiveFunction function() {
        return new ObjectiveFunction(w -> at(w).loss());
    }

    public ObjectiveFunctionGradient gradient() {
        return new ObjectiveFunctionGradient(w -> at(w).gradient().clone());
    }

    /**
     * Converged when every component of the mean gradient at the current point is below
     * {@code tolerance} in magnitude: a test of optimality, where Hipparchus's value checkers test
     * only that the loss stopped moving. The gradient comes from the pass that computed the value
     * there, so the check costs no extra job.
     */
    public ConvergenceChecker<PointValuePair> gradientBelow(double tolerance) {
        return (iteration, previous, current) -> {
            for (double g : at(current.getPoint()).gradient()) {
                if (!(Math.abs(g) < tolerance)) {
                    return false;
                }
            }
            return true;
        };
    }

    /** The number of Spark passes so far. */
    public int evaluations() {
        return evaluations;
    }

    private synchronized LossAndGradient at(double[] w) {
        if (lastPoint == null || !Arrays.equals(lastPoint, w)) {
            long start = System.nanoTime();
            lastResult = loss.mean(w);
            lastPoint = w.clone();
            evaluations++;
            listener.accept(new Evaluation(evaluations, lastPoint.clone(), lastResult.loss(),
                    lastResult.gradient().clone(), System.nanoTime() - start));
        }
        return lastResult;
    }
}
