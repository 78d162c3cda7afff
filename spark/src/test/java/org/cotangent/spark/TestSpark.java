package org.cotangent.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.regression.LabeledPoint;

/** One local Spark context, two worker threads, for every test class of the JVM. */
final class TestSpark {
    private static JavaSparkContext context;

    private TestSpark() {
    }

    static synchronized JavaSparkContext context() {
        if (context == null) {
            SparkConf conf = new SparkConf()
                    .setMaster("local[2]")
                    .setAppName("cotangent-spark-tests")
                    .set("spark.ui.enabled", "false")
                    .set("spark.driver.host", "127.0.0.1")
                    .set("spark.sql.shuffle.partitions", "4");
            context = JavaSparkContext.fromSparkContext(SparkContext.getOrCreate(conf));
            Runtime.getRuntime().addShutdownHook(new Thread(context::stop));
        }
        return context;
    }

    /**
     * {@code n} examples of logistic regression with {@code d} standard normal features: labels drawn
     * from the model with coefficients {@code 0.5, -0.25, ...} and intercept 0.3, so the optimum is
     * finite (the classes overlap).
     */
    static List<LabeledPoint> logistic(int n, int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<LabeledPoint> points = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] x = new double[d];
            double margin = 0.3;
            for (int j = 0; j < d; j++) {
                x[j] = gaussian(random);
                margin += (j % 2 == 0 ? 0.5 : -0.25) / (1 + j / 2) * x[j];
            }
            double p = 1 / (1 + Math.exp(-margin));
            points.add(new LabeledPoint(random.nextDouble() < p ? 1.0 : 0.0, Vectors.dense(x)));
        }
        return points;
    }

    static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
