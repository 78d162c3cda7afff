package org.cotangent.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.mllib.linalg.SparseVector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.regression.LabeledPoint;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The data-parallel loss against the single-machine sum of the generated vjp (the same calls,
 * one after another), against central differences of the distributed loss itself, and in every
 * form (per example, minibatch, dense or sparse features, RDD or Dataset).
 */
class DataParallelLossTest {
    private static final int D = 5;
    private static final List<LabeledPoint> POINTS = TestSpark.logistic(20_000, D, 7);
    private static final double[] W = {0.4, -0.3, 0.2, 0.9, -0.6, 0.15};

    @ParameterizedTest
    @CsvSource({"1, 2", "3, 2", "8, 2", "8, 3", "16, 4"})
    void sumEqualsTheSingleMachineVjpSum(int partitions, int depth) {
        LossAndGradient expected = sequential(POINTS, W);
        LossAndGradient actual = DataParallelLoss.perExample(rdd(POINTS, partitions), W.length,
                LossesDerivatives::logLoss_vjp).withTreeDepth(depth).sum(W);
        assertClose(expected, actual, 1e-12);
        assertEquals(POINTS.size(), actual.count());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 64, 5000})
    void minibatchEqualsTheSingleMachineVjpSum(int batchSize) {
        LossAndGradient expected = sequential(POINTS, W);
        LossAndGradient actual = DataParallelLoss.minibatch(rdd(POINTS, 3), W.length, batchSize,
                LossesDerivatives::blockLogLoss_vjp).sum(W);
        assertClose(expected, actual, 1e-12);
        assertEquals(POINTS.size(), actual.count());
    }

    @Test
    void meanGradientMatchesCentralDifferencesOfTheDistributedLoss() {
        DataParallelLoss loss = DataParallelLoss.perExample(rdd(POINTS, 4), W.length, LossesDerivatives::logLoss_vjp);
        LossAndGradient at = loss.mean(W);
        for (int i = 0; i < W.length; i++) {
            double h = 1e-4;
            double[] plus = W.clone();
            double[] minus = W.clone();
            plus[i] += h;
            minus[i] -= h;
            double[] plus2 = W.clone();
            double[] minus2 = W.clone();
            plus2[i] += 2 * h;
            minus2[i] -= 2 * h;
            // Richardson: (4 D(h) - D(2h)) / 3 cancels the h^2 term
            double dh = (loss.mean(plus).loss() - loss.mean(minus).loss()) / (2 * h);
            double d2h = (loss.mean(plus2).loss() - loss.mean(minus2).loss()) / (4 * h);
            double fd = (4 * dh - d2h) / 3;
            assertEquals(fd, at.gradient()[i], 1e-9 * Math.max(1, Math.abs(fd)), "component " + i);
        }
    }

    @Test
    void sparseFeaturesGiveTheDenseResult() {
        List<LabeledPoint> sparse = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(3);
        for (LabeledPoint p : POINTS) {
            double[] x = p.features().toArray();
            for (int j = 0; j < x.length; j++) {
                if (random.nextInt(3) == 0) {
                    x[j] = 0.0;
                }
            }
            sparse.add(new LabeledPoint(p.label(), Vectors.dense(x).toSparse()));
        }
        assertTrue(sparse.get(0).features() instanceof SparseVector);
        List<LabeledPoint> dense = new ArrayList<>();
        for (LabeledPoint p : sparse) {
            dense.add(new LabeledPoint(p.label(), Vectors.dense(p.features().toArray())));
        }
        LossAndGradient fromSparse = DataParallelLoss.perExample(rdd(sparse, 4), W.length,
                LossesDerivatives::logLoss_vjp).sum(W);
        LossAndGradient fromDense = DataParallelLoss.perExample(rdd(dense, 4), W.length,
                LossesDerivatives::logLoss_vjp).sum(W);
        // Each example's vjp is the same either way; only the order in which the driver adds the
        // partitions' sums (task completion order) may differ, so agreement is to rounding.
        assertClose(fromDense, fromSparse, 1e-14);
        assertClose(sequential(dense, W), fromSparse, 1e-12);
    }

    @Test
    void datasetFormEqualsTheRddForm() {
        SparkSession session = SparkSession.builder().sparkContext(TestSpark.context().sc()).getOrCreate();
        List<org.apache.spark.ml.feature.LabeledPoint> rows = new ArrayList<>();
        for (LabeledPoint p : POINTS) {
            rows.add(new org.apache.spark.ml.feature.LabeledPoint(p.label(), p.features().asML()));
        }
        Dataset<Row> frame = session.createDataFrame(rows, org.apache.spark.ml.feature.LabeledPoint.class)
                .repartition(4);
        LossAndGradient fromFrame = DataParallelLoss.perExample(frame, "features", "label", W.length,
                LossesDerivatives::logLoss_vjp).sum(W);
        assertClose(sequential(POINTS, W), fromFrame, 1e-12);
        assertEquals(POINTS.size(), fromFrame.count());
    }

    @Test
    void weightsOfTheWrongLengthAreRefusedBeforeAnyJob() {
        DataParallelLoss loss = DataParallelLoss.perExample(rdd(POINTS, 2), W.length, LossesDerivatives::logLoss_vjp);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> loss.sum(new double[3]));
        assertTrue(e.getMessage().contains("w has 3 components where this loss has 6"), e.getMessage());
        assertThrows(NullPointerException.class, () -> loss.sum(null));
    }

    @Test
    void meanOverAnEmptyDataSetIsAnErrorAndItsSumIsZero() {
        JavaRDD<LabeledPoint> empty = TestSpark.context().emptyRDD();
        DataParallelLoss loss = DataParallelLoss.perExample(empty, W.length, LossesDerivatives::logLoss_vjp);
        LossAndGradient sum = loss.sum(W);
        assertEquals(0, sum.count());
        assertEquals(0.0, sum.loss());
        assertArrayEquals(new double[W.length], sum.gradient());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loss.mean(W));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void anExampleThatBreaksTheLossFailsTheJobWithItsCause() {
        List<LabeledPoint> points = new ArrayList<>(POINTS.subList(0, 100));
        points.add(new LabeledPoint(1.0, Vectors.dense(1, 2, 3, 4, 5, 6, 7))); // 7 features: reads past w
        DataParallelLoss loss = DataParallelLoss.perExample(rdd(points, 2), W.length, LossesDerivatives::logLoss_vjp);
        Exception e = assertThrows(Exception.class, () -> loss.sum(W));
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof ArrayIndexOutOfBoundsException)) {
            cause = cause.getCause();
        }
        assertTrue(cause instanceof ArrayIndexOutOfBoundsException || e.getMessage().contains("ArrayIndexOutOfBounds"),
                e::toString);
    }

    static JavaRDD<LabeledPoint> rdd(List<LabeledPoint> points, int partitions) {
        return TestSpark.context().parallelize(points, partitions);
    }

    /** The oracle: the generated vjp called on every example in turn, on this machine. */
    static LossAndGradient sequential(List<LabeledPoint> points, double[] w) {
        double[] gradient = new double[w.length];
        double loss = 0;
        for (LabeledPoint p : points) {
            loss += LossesDerivatives.logLoss_vjp(w, p.features().toArray(), p.label(), 1.0, gradient);
        }
        return new LossAndGradient(loss, gradient, points.size());
    }

    static void assertClose(LossAndGradient expected, LossAndGradient actual, double relative) {
        assertEquals(expected.loss(), actual.loss(), relative * Math.max(1, Math.abs(expected.loss())), "loss");
        for (int i = 0; i < expected.gradient().length; i++) {
            double e = expected.gradient()[i];
            assertEquals(e, actual.gradient()[i], relative * Math.max(1, Math.abs(e)), "gradient component " + i);
        }
    }
}
