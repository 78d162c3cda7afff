package org.cotangent.spark.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Spark example at a test's size: every run that uses Cotangent's gradient reaches
 * MLlib's LogisticRegressionWithLBFGS optimum to 1e-6, L-BFGS takes as many iterations with either
 * gradient, the MLP fits what logistic regression cannot, and the loss curves are written.
 */
class LogisticRegressionOnSparkTest {
    @Test
    void cotangentsFitsMatchMllibs(@TempDir Path plots) throws Exception {
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("spark-example-test")
                .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1");
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(SparkContext.getOrCreate(conf));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        LogisticRegressionOnSpark.Options options = new LogisticRegressionOnSpark.Options(40_000, 6, 3, 20_000, plots,
                null);
        LogisticRegressionOnSpark.Report report = LogisticRegressionOnSpark.run(sc, options,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        String text = printed.toString(StandardCharsets.UTF_8);

        double[] reference = report.reference().weights();
        for (Run run : report.logistic().subList(1, report.logistic().size())) {
            assertTrue(LogisticRegressionOnSpark.maxDifference(reference, run.weights()) < 1e-6,
                    run.name() + " ended " + LogisticRegressionOnSpark.maxDifference(reference, run.weights())
                            + " from MLlib's optimum\n" + text);
        }
        Run mllibGradient = report.logistic().get(1);
        Run cotangentGradient = report.logistic().get(2);
        assertEquals(mllibGradient.iterations(), cotangentGradient.iterations(), 1, text);
        assertTrue(text.contains("iteration   1"), "a progress line per iteration:\n" + text);

        Run linear = report.mlp().get(0);
        Run mlp = report.mlp().get(1);
        assertTrue(mlp.meanLoss() < linear.meanLoss() - 0.1, "the MLP fits x0 * x1:\n" + text);

        String table = LogisticRegressionOnSpark.table(report);
        assertTrue(table.contains("| MLlib LBFGS + Cotangent |"), table);
        Path png = LossCurves.write(plots, report);
        byte[] header = Files.readAllBytes(png);
        assertTrue(header.length > 1000 && header[1] == 'P' && header[2] == 'N' && header[3] == 'G', png::toString);
        sc.stop();
    }
}
