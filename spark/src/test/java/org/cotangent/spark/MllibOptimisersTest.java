package org.cotangent.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.mllib.classification.LogisticRegressionModel;
import org.apache.spark.mllib.classification.LogisticRegressionWithLBFGS;
import org.apache.spark.mllib.linalg.DenseVector;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.optimization.LBFGS;
import org.apache.spark.mllib.optimization.LogisticGradient;
import org.apache.spark.mllib.optimization.SimpleUpdater;
import org.apache.spark.mllib.regression.LabeledPoint;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;
import org.junit.jupiter.api.Test;
import scala.Tuple2;

/**
 * Cotangent's gradient inside MLlib's optimiser and in Hipparchus on the driver, against MLlib's
 * own logistic regression on the same data and loss: the same optimum to 1e-6.
 */
class MllibOptimisersTest {
    private static final int D = 4;
    private static final List<LabeledPoint> POINTS = TestSpark.logistic(30_000, D, 11);

    @Test
    void computeAddsTheExampleGradientIntoMllibsAccumulator() {
        LabeledPoint p = POINTS.get(5);
        double[] w = {0.1, 0.2, -0.3, 0.4, 0.05};
        double[] expected = {1, 1, 1, 1, 1};
        double loss = LossesDerivatives.logLoss_vjp(w, p.features().toArray(), p.label(), 1.0, expected);
        DenseVector accumulator = (DenseVector) Vectors.dense(1, 1, 1, 1, 1);
        double actual = new CotangentGradient(LossesDerivatives::logLoss_vjp)
                .compute(p.features(), p.label(), Vectors.dense(w), accumulator);
        assertEquals(loss, actual, 0.0);
        assertArrayEquals(expected, accumulator.values(), 0.0);
    }

    @Test
    void aSparseAccumulatorIsRefused() {
        LabeledPoint p = POINTS.get(0);
        Vector sparse = Vectors.sparse(5, new int[0], new double[0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                new CotangentGradient(LossesDerivatives::logLoss_vjp)
                        .compute(p.features(), p.label(), Vectors.zeros(5), sparse));
        assertTrue(e.getMessage().contains("dense"), e.getMessage());
    }

    @Test
    void lbfgsWithCotangentsGradientFindsMllibsLogisticRegression() {
        JavaRDD<LabeledPoint> data = TestSpark.context().parallelize(POINTS, 4).cache();
        double[] reference = mllibLogisticRegression(data);

        // the same optimiser with Cotangent's gradient; the intercept is the loss's last weight
        JavaRDD<Tuple2<Object, Vector>> pairs = data.map(p -> new Tuple2<>(p.label(), p.features()));
        Tuple2<Vector, double[]> fit = LBFGS.runLBFGS(pairs.rdd(), new CotangentGradient(LossesDerivatives::logLoss_vjp),
                new SimpleUpdater(), 10, 1e-12, 200, 0.0, Vectors.zeros(D + 1));
        assertArrayEquals(reference, fit._1().toArray(), 1e-6);

        // and with MLlib's own logistic gradient (bias appended as a feature): the same iterations
        JavaRDD<Tuple2<Object, Vector>> withBias = data.map(p -> new Tuple2<>(p.label(), appendBias(p.features())));
        Tuple2<Vector, double[]> mllib = LBFGS.runLBFGS(withBias.rdd(), new LogisticGradient(), new SimpleUpdater(),
                10, 1e-12, 200, 0.0, Vectors.zeros(D + 1));
        assertArrayEquals(mllib._1().toArray(), fit._1().toArray(), 1e-6);
        assertEquals(mllib._2().length, fit._2().length, 2, "L-BFGS iterations with either gradient");
        data.unpersist();
    }

    @Test
    void hipparchusOnTheDriverFindsTheSameOptimum() {
        JavaRDD<LabeledPoint> data = TestSpark.context().parallelize(POINTS.subList(0, 5_000), 2).cache();
        double[] reference = mllibLogisticRegression(data);
        DataParallelLoss loss = DataParallelLoss.perExample(data, D + 1, LossesDerivatives::logLoss_vjp);
        DriverObjective objective = new DriverObjective(loss);
        // conjugate gradients with an exact-enough line search, stopped by the gradient's size
        NonLinearConjugateGradientOptimizer optimizer = new NonLinearConjugateGradientOptimizer(
                NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE,
                (iteration, previous, current) -> objective.gradientBelow(1e-8).converged(iteration, previous, current)
                        || new SimpleValueChecker(1e-15, 1e-15).converged(iteration, previous, current),
                1e-12, 1e-14, 1.0);
        PointValuePair optimum = optimizer.optimize(new MaxEval(5_000), objective.function(), objective.gradient(),
                GoalType.MINIMIZE, new InitialGuess(new double[D + 1]));
        assertArrayEquals(reference, optimum.getPoint(), 1e-6);
        assertTrue(objective.evaluations() <= optimizer.getEvaluations() + 1,
                "one Spark pass per point: " + objective.evaluations() + " passes, "
                        + optimizer.getEvaluations() + " evaluations");
        data.unpersist();
    }

    /** MLlib's logistic regression, unregularised, to a tight tolerance: coefficients, then intercept. */
    static double[] mllibLogisticRegression(JavaRDD<LabeledPoint> data) {
        LogisticRegressionWithLBFGS algorithm = new LogisticRegressionWithLBFGS();
        algorithm.setIntercept(true);
        algorithm.optimizer().setRegParam(0.0).setConvergenceTol(1e-12).setNumIterations(500);
        LogisticRegressionModel model = algorithm.run(data.rdd());
        double[] w = new double[D + 1];
        System.arraycopy(model.weights().toArray(), 0, w, 0, D);
        w[D] = model.intercept();
        return w;
    }

    static Vector appendBias(Vector features) {
        double[] x = features.toArray();
        double[] withBias = java.util.Arrays.copyOf(x, x.length + 1);
        withBias[x.length] = 1.0;
        return Vectors.dense(withBias);
    }
}
