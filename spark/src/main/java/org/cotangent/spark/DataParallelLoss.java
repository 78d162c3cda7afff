package org.cotangent.spark;

import java.io.Serializable;
import java.util.Iterator;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.regression.LabeledPoint;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A loss summed over a distributed data set, and its gradient, from the per-example (or
 * minibatch) vjp that Cotangent generated: each evaluation broadcasts the weights, every partition
 * calls the vjp on its examples into one accumulator of its own, and {@code treeAggregate} adds
 * the partitions' accumulators. Nothing is allocated per example (dense features are passed as
 * they are stored; sparse ones through one buffer per partition; the minibatch form asks sparse
 * features for a dense copy each).
 *
 * <p>The result is the same as calling the vjp on every example on one machine, up to the order of
 * the additions: with {@code treeAggregate}, partitions are added in a tree, so the last bits can
 * differ from a sequential sum (tests hold the two within 1e-12 relative).
 *
 * <pre>{@code
 * DataParallelLoss loss = DataParallelLoss.perExample(points, 11, LogisticDerivatives::logLoss_vjp);
 * LossAndGradient at = loss.mean(w);   // at.loss(), at.gradient()
 * }</pre>
 *
 * <p>Bad input: weights of the wrong length are an {@link IllegalArgumentException} before any
 * Spark job runs; a vjp that throws on an example fails the Spark job with that exception as the
 * cause; the mean over an empty data set is an {@link IllegalStateException}. NaN in the data
 * passes through to the loss and gradient, as in the vjp itself.
 */
public final class DataParallelLoss implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int DEFAULT_DEPTH = 2;

    private final transient JavaRDD<LabeledPoint> data;
    private final int dimension;
    private final ExampleVjp example;
    private final BatchVjp batch;
    private final int batchSize;
    private final int depth;

    private DataParallelLoss(JavaRDD<LabeledPoint> data, int dimension, ExampleVjp example, BatchVjp batch,
                             int batchSize, int depth) {
        this.data = Objects.requireNonNull(data, "data");
        if (dimension < 1) {
            throw new IllegalArgumentException("the weights need at least one component, not " + dimension);
        }
        if (depth < 1) {
            throw new IllegalArgumentException("the aggregation tree needs a depth of at least 1, not " + depth);
        }
        this.dimension = dimension;
        this.example = example;
        this.batch = batch;
        this.batchSize = batchSize;
        this.depth = depth;
    }

    /** The loss {@code sum_i loss(w, x_i, y_i)} over {@code data}, for weights of {@code dimension} components. */
    public static DataParallelLoss perExample(JavaRDD<LabeledPoint> data, int dimension, ExampleVjp vjp) {
        return new DataParallelLoss(data, dimension, Objects.requireNonNull(vjp, "vjp"), null, 0, DEFAULT_DEPTH);
    }

    /**
     * The same loss over a {@code Dataset} with a column of {@code org.apache.spark.ml.linalg.Vector}
     * features and a numeric label column (the layout of Spark ML's estimators).
     */
    public static DataParallelLoss perExample(Dataset<Row> data, String featuresColumn, String labelColumn,
                                              int dimension, ExampleVjp vjp) {
        return perExample(points(data, featuresColumn, labelColumn), dimension, vjp);
    }

    /**
     * The loss computed a block of up to {@code batchSize} examples at a time by a minibatch loss
     * (whose value is the sum of its examples' losses), so that one vjp call amortises its set-up
     * over the block.
     */
    public static DataParallelLoss minibatch(JavaRDD<LabeledPoint> data, int dimension, int batchSize, BatchVjp vjp) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a minibatch holds at least one example, not " + batchSize);
        }
        return new DataParallelLoss(data, dimension, null, Objects.requireNonNull(vjp, "vjp"), batchSize,
                DEFAULT_DEPTH);
    }

    /** The same loss, with partitions combined by a {@code treeAggregate} of this depth (default 2). */
    public DataParallelLoss withTreeDepth(int treeDepth) {
        return new DataParallelLoss(data, dimension, example, batch, batchSize, treeDepth);
    }

    /** The number of weights. */
    public int dimension() {
        return dimension;
    }

    /** The data set this loss sums over. */
    public JavaRDD<LabeledPoint> data() {
        return data;
    }

    /** The loss and its gradient summed over every example: one Spark job. */
    public LossAndGradient sum(double[] w) {
        Objects.requireNonNull(w, "w");
        if (w.length != dimension) {
            throw new IllegalArgumentException("w has " + w.length + " components where this loss has "
                    + dimension);
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(data.context());
        Broadcast<double[]> weights = context.broadcast(w.clone());
        try {
            // one accumulator per partition; treeAggregate copies the zero for each and adds them in a tree
            return data.mapPartitions(points -> single(partitionSum(weights.value(), points)))
                    .treeAggregate(new LossAndGradient(dimension), LossAndGradient::add, LossAndGradient::add, depth);
        } finally {
            weights.destroy();
        }
    }

    /** The mean loss over the examples and its gradient. */
    public LossAndGradient mean(double[] w) {
        return sum(w).mean();
    }

    private LossAndGradient partitionSum(double[] w, Iterator<LabeledPoint> points) {
        LossAndGradient acc = new LossAndGradient(dimension);
        return example != null ? perExample(w, points, acc) : blocks(w, points, acc);
    }

    private LossAndGradient perExample(double[] w, Iterator<LabeledPoint> points, LossAndGradient acc) {
        DenseFeatures features = new DenseFeatures();
        double[] gradient = acc.gradient();
        while (points.hasNext()) {
            LabeledPoint p = points.next();
            acc.addExample(example.vjp(w, features.of(p.features()), p.label(), 1.0, gradient));
        }
        return acc;
    }

    private LossAndGradient blocks(double[] w, Iterator<LabeledPoint> points, LossAndGradient acc) {
        double[][] xs = new double[batchSize][];
        double[] ys = new double[batchSize];
        double[] gradient = acc.gradient();
        int n = 0;
        while (points.hasNext()) {
            LabeledPoint p = points.next();
            xs[n] = p.features().toArray();
            ys[n] = p.label();
            n++;
            if (n == batchSize) {
                acc.addExamples(batch.vjp(w, xs, ys, 1.0, gradient), n);
                n = 0;
            }
        }
        if (n > 0) {
            double[][] lastXs = java.util.Arrays.copyOf(xs, n);
            double[] lastYs = java.util.Arrays.copyOf(ys, n);
            acc.addExamples(batch.vjp(w, lastXs, lastYs, 1.0, gradient), n);
        }
        return acc;
    }

    private static Iterator<LossAndGradient> single(LossAndGradient value) {
        return java.util.List.of(value).iterator();
    }

    private static JavaRDD<LabeledPoint> points(Dataset<Row> data, String featuresColumn, String labelColumn) {
        Objects.requireNonNull(data, "data");
        return data.select(featuresColumn, labelColumn).javaRDD().map(row -> {
            Object features = row.get(0);
            Vector v = features instanceof org.apache.spark.ml.linalg.Vector ml ? Vectors.fromML(ml)
                    : (Vector) features;
            return new LabeledPoint(((Number) row.get(1)).doubleValue(), v);
        });
    }
}
