package org.cotangent.spark.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.classification.LogisticRegressionModel;
import org.apache.spark.mllib.classification.LogisticRegressionWithLBFGS;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.optimization.LBFGS;
import org.apache.spark.mllib.optimization.LogisticGradient;
import org.apache.spark.mllib.optimization.SimpleUpdater;
import org.apache.spark.mllib.regression.LabeledPoint;
import org.cotangent.spark.CotangentGradient;
import org.cotangent.spark.DataParallelLoss;
import org.cotangent.spark.DriverObjective;
import org.cotangent.spark.ExampleVjp;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;
import scala.Tuple2;

/**
 * Logistic regression on Spark with Cotangent's generated gradient, side by side with MLlib's
 * built-in {@code LogisticRegressionWithLBFGS} on the same data and the same (unregularised) loss:
 *
 * <ol>
 *   <li>MLlib's {@code LogisticRegressionWithLBFGS}, the reference optimum;</li>
 *   <li>MLlib's {@code LBFGS} with MLlib's hand-written {@code LogisticGradient};</li>
 *   <li>the same {@code LBFGS} with Cotangent's gradient ({@link CotangentGradient} over the
 *       generated {@code logLoss_vjp}): only the gradient differs from run 2;</li>
 *   <li>Hipparchus's conjugate gradients on the driver over a {@link DataParallelLoss}, one Spark
 *       pass per point, with a progress line per iteration.</li>
 * </ol>
 * Then a small MLP on data that no linear model fits, trained by MLlib's {@code LBFGS} with
 * Cotangent's gradient of the MLP. Prints a Markdown table and writes PNG loss curves.
 *
 * <p>Options: {@code --examples N} (default 1,000,000), {@code --features D} (10),
 * {@code --partitions P} (4), {@code --mlp-examples N} (200,000), {@code --plots DIR}
 * ({@code spark-examples/target/plots}). The master is {@code local[*]} unless set by
 * {@code spark-submit} or {@code --master}.
 */
public final class LogisticRegressionOnSpark {
    private static final int MAX_ITERATIONS = 200;
    private static final double TOLERANCE = 1e-12;

    private LogisticRegressionOnSpark() {
    }

    /** What to run. */
    record Options(long examples, int features, int partitions, long mlpExamples, Path plots, String master) {
        static Options parse(String[] args) {
            long examples = 1_000_000;
            int features = 10;
            int partitions = 4;
            long mlpExamples = 200_000;
            Path plots = Path.of("spark-examples", "target", "plots");
            String master = null;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--examples" -> examples = Long.parseLong(required(args[i], value));
                    case "--features" -> features = Integer.parseInt(required(args[i], value));
                    case "--partitions" -> partitions = Integer.parseInt(required(args[i], value));
                    case "--mlp-examples" -> mlpExamples = Long.parseLong(required(args[i], value));
                    case "--plots" -> plots = Path.of(required(args[i], value));
                    case "--master" -> master = required(args[i], value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (known: --examples, --features, --partitions, --mlp-examples, --plots, --master)");
                }
                i++;
            }
            return new Options(examples, features, partitions, mlpExamples, plots, master);
        }

        private static String required(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }
    }

    /** Everything one comparison measured. */
    record Report(long examples, int features, double generateSeconds, List<Run> logistic, List<Run> mlp) {
        Run reference() {
            return logistic.get(0);
        }
    }

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args);
        SparkConf conf = new SparkConf().setAppName("cotangent-logistic-regression")
                .setIfMissing("spark.ui.enabled", "false");
        if (options.master() != null) {
            conf.setMaster(options.master());
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        try (JavaSparkContext sc = JavaSparkContext.fromSparkContext(SparkContext.getOrCreate(conf))) {
            Report report = run(sc, options, System.out);
            System.out.println();
            System.out.print(table(report));
            Path curves = LossCurves.write(options.plots(), report);
            System.out.println("\nloss curves: " + curves.toAbsolutePath());
        }
    }

    static Report run(JavaSparkContext sc, Options options, PrintStream out) {
        int d = options.features();
        out.printf(Locale.ROOT, "Spark %s, master %s, %d partitions; %,d examples of %d features%n",
                sc.version(), sc.master(), options.partitions(), options.examples(), d);
        long start = System.nanoTime();
        JavaRDD<LabeledPoint> data = SyntheticData.logistic(sc, options.examples(), d, options.partitions(), 1).cache();
        long count = data.count();
        double generateSeconds = seconds(start);
        out.printf(Locale.ROOT, "generated and cached %,d examples in %.1f s%n", count, generateSeconds);
        DataParallelLoss loss = DataParallelLoss.perExample(data, d + 1, ModelsDerivatives::logLoss_vjp);

        List<Run> logistic = new ArrayList<>();
        logistic.add(mllibLogisticRegression(data, loss, out));
        JavaRDD<Tuple2<Object, Vector>> withBias = data.map(p -> new Tuple2<Object, Vector>(p.label(),
                appendBias(p.features()))).cache();
        withBias.count();
        logistic.add(lbfgs("MLlib LBFGS + LogisticGradient", "MLlib, hand-written", withBias, new LogisticGradient(),
                d + 1, loss, out));
        withBias.unpersist();
        JavaRDD<Tuple2<Object, Vector>> pairs = data.map(p -> new Tuple2<Object, Vector>(p.label(), p.features()));
        logistic.add(lbfgs("MLlib LBFGS + Cotangent", "Cotangent logLoss_vjp",
                pairs, new CotangentGradient(ModelsDerivatives::logLoss_vjp), d + 1, loss, out));
        logistic.add(hipparchus(loss, out));
        data.unpersist();

        List<Run> mlp = mlp(sc, options, out);
        return new Report(count, d, generateSeconds, logistic, mlp);
    }

    private static Run mllibLogisticRegression(JavaRDD<LabeledPoint> data, DataParallelLoss loss, PrintStream out) {
        out.println("\n[1] MLlib LogisticRegressionWithLBFGS (reference)");
        long start = System.nanoTime();
        LogisticRegressionWithLBFGS algorithm = new LogisticRegressionWithLBFGS();
        algorithm.setIntercept(true);
        algorithm.optimizer().setRegParam(0.0).setConvergenceTol(TOLERANCE).setNumIterations(MAX_ITERATIONS);
        LogisticRegressionModel model = algorithm.run(data.rdd());
        double seconds = seconds(start);
        double[] w = Arrays.copyOf(model.weights().toArray(), loss.dimension());
        w[loss.dimension() - 1] = model.intercept();
        double meanLoss = loss.mean(w).loss();
        out.printf(Locale.ROOT, "    done in %.1f s: mean loss %.10f (MLlib reports no iteration count here)%n",
                seconds, meanLoss);
        return new Run("MLlib LogisticRegressionWithLBFGS", "MLlib, built in", "MLlib L-BFGS", -1, -1, seconds,
                meanLoss, w, new double[0]);
    }

    private static Run lbfgs(String name, String gradientName, JavaRDD<Tuple2<Object, Vector>> pairs,
                             org.apache.spark.mllib.optimization.Gradient gradient, int dimension,
                             DataParallelLoss loss, PrintStream out) {
        out.println("\n[" + name + "]");
        long start = System.nanoTime();
        Tuple2<Vector, double[]> fit = LBFGS.runLBFGS(pairs.rdd(), gradient, new SimpleUpdater(), 10, TOLERANCE,
                MAX_ITERATIONS, 0.0, Vectors.zeros(dimension));
        double seconds = seconds(start);
        double[] history = fit._2();
        for (int i = 0; i < history.length; i++) {
            out.printf(Locale.ROOT, "    iteration %3d  mean loss %.12f%n", i, history[i]);
        }
        double[] w = fit._1().toArray();
        double meanLoss = loss.mean(w).loss();
        out.printf(Locale.ROOT, "    done in %.1f s, %d iterations%n", seconds, history.length - 1);
        return new Run(name, gradientName, "MLlib L-BFGS", history.length - 1, -1, seconds, meanLoss, w, history);
    }

    private static Run hipparchus(DataParallelLoss loss, PrintStream out) {
        out.println("\n[Hipparchus CG on the driver + Cotangent]");
        long start = System.nanoTime();
        // the loss at the start (the first pass), then after each iteration: index = iteration
        List<Double> curve = new ArrayList<>();
        DriverObjective objective = new DriverObjective(loss, e -> {
            if (e.number() == 1) {
                curve.add(e.loss());
            }
        });
        // stop at a gradient below 1e-8, or where the line search can no longer lower the loss
        var small = objective.gradientBelow(1e-8);
        var stalled = new org.hipparchus.optim.SimpleValueChecker(1e-15, 1e-15);
        NonLinearConjugateGradientOptimizer optimizer = new NonLinearConjugateGradientOptimizer(
                NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE,
                (iteration, previous, current) -> {
                    curve.add(current.getValue());
                    out.printf(Locale.ROOT, "    iteration %3d  mean loss %.12f  (%d passes, %.1f s)%n", iteration,
                            current.getValue(), objective.evaluations(), seconds(start));
                    return small.converged(iteration, previous, current)
                            || stalled.converged(iteration, previous, current);
                }, 1e-12, 1e-14, 1.0);
        PointValuePair optimum = optimizer.optimize(new MaxEval(5_000), objective.function(), objective.gradient(),
                GoalType.MINIMIZE, new InitialGuess(new double[loss.dimension()]));
        double seconds = seconds(start);
        out.printf(Locale.ROOT, "    done in %.1f s, %d iterations, %d passes%n", seconds, optimizer.getIterations(),
                objective.evaluations());
        return new Run("Hipparchus CG + Cotangent", "Cotangent logLoss_vjp", "Hipparchus conjugate gradients",
                optimizer.getIterations(), objective.evaluations(), seconds, optimum.getValue(), optimum.getPoint(),
                curve.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static List<Run> mlp(JavaSparkContext sc, Options options, PrintStream out) {
        int d = Math.max(3, Math.min(options.features(), 4));
        out.printf(Locale.ROOT, "%n%,d examples of %d features whose label depends on x0 * x1%n",
                options.mlpExamples(), d);
        JavaRDD<LabeledPoint> data = SyntheticData.interaction(sc, options.mlpExamples(), d, options.partitions(), 2)
                .cache();
        data.count();
        JavaRDD<Tuple2<Object, Vector>> pairs = data.map(p -> new Tuple2<Object, Vector>(p.label(), p.features()));
        List<Run> runs = new ArrayList<>();
        runs.add(train("logistic regression", ModelsDerivatives::logLoss_vjp, new double[d + 1], pairs, data,
                false, out));
        double[] start = new double[Models.mlpWeights(d)];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < start.length; i++) {
            start[i] = 0.5 * (2 * random.nextDouble() - 1);
        }
        runs.add(train("MLP " + d + "-" + Models.HIDDEN + "-1 (tanh)", ModelsDerivatives::mlpLoss_vjp, start, pairs,
                data, true, out));
        data.unpersist();
        return runs;
    }

    private static Run train(String name, ExampleVjp vjp, double[] start, JavaRDD<Tuple2<Object, Vector>> pairs,
                             JavaRDD<LabeledPoint> data, boolean mlp, PrintStream out) {
        out.println("\n[" + name + ": MLlib LBFGS + Cotangent]");
        long begin = System.nanoTime();
        Tuple2<Vector, double[]> fit = LBFGS.runLBFGS(pairs.rdd(), new CotangentGradient(vjp), new SimpleUpdater(),
                10, 1e-9, MAX_ITERATIONS, 0.0, Vectors.dense(start));
        double seconds = seconds(begin);
        double[] history = fit._2();
        for (int i = 0; i < history.length; i += Math.max(1, history.length / 10)) {
            out.printf(Locale.ROOT, "    iteration %3d  mean loss %.6f%n", i, history[i]);
        }
        double[] w = fit._1().toArray();
        double accuracy = data.map(p -> {
            double[] x = p.features().toArray();
            double probability = mlp ? Models.mlpProbability(w, x) : Models.logisticProbability(w, x);
            return (probability > 0.5) == (p.label() > 0.5) ? 1.0 : 0.0;
        }).reduce(Double::sum) / data.count();
        out.printf(Locale.ROOT, "    done in %.1f s, %d iterations: mean loss %.6f, training accuracy %.2f%%%n",
                seconds, history.length - 1, history[history.length - 1], 100 * accuracy);
        return new Run(name, String.format(Locale.ROOT, "accuracy %.2f%%", 100 * accuracy), "MLlib L-BFGS",
                history.length - 1, -1, seconds, history[history.length - 1], w, history);
    }

    /** The README's table: one row per run, the distance of each optimum from MLlib's. */
    static String table(Report report) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Logistic regression, %,d examples, %d features (+ intercept):%n%n",
                report.examples(), report.features()));
        sb.append("| run | gradient | iterations | passes | wall s | mean loss | max |w - w_MLlib| |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|\n");
        double[] reference = report.reference().weights();
        for (Run run : report.logistic()) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.1f | %.10f | %.1e |%n", run.name(),
                    run.gradient(), count(run.iterations()), count(run.passes()), run.seconds(), run.meanLoss(),
                    maxDifference(reference, run.weights())));
        }
        if (!report.mlp().isEmpty()) {
            sb.append("\nA model that logistic regression cannot fit (label from x0 * x1):\n\n");
            sb.append("| model | iterations | wall s | mean loss | training accuracy |\n|---|---:|---:|---:|---:|\n");
            for (Run run : report.mlp()) {
                sb.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.6f | %s |%n", run.name(), run.iterations(),
                        run.seconds(), run.meanLoss(), run.gradient().replace("accuracy ", "")));
            }
        }
        return sb.toString();
    }

    static double maxDifference(double[] a, double[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private static String count(int n) {
        return n < 0 ? "n/a" : Integer.toString(n);
    }

    static Vector appendBias(Vector features) {
        double[] x = features.toArray();
        double[] withBias = Arrays.copyOf(x, x.length + 1);
        withBias[x.length] = 1.0;
        return Vectors.dense(withBias);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
