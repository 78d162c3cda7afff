package org.cotangent.spark.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/** The PNG of the comparison's loss curves, drawn with XChart (headless). */
final class LossCurves {
    private LossCurves() {
    }

    /**
     * Writes {@code spark-loss.png}: left, the logistic runs' mean loss above the reference optimum
     * (log scale) per iteration; right, the MLP's and logistic regression's mean loss on the
     * interaction data. Returns the file.
     */
    static Path write(Path directory, LogisticRegressionOnSpark.Report report) throws IOException {
        Files.createDirectories(directory);
        double best = report.reference().meanLoss();
        for (Run run : report.logistic()) {
            best = Math.min(best, run.meanLoss());
        }
        XYChart gap = chart("Logistic regression on Spark, " + String.format("%,d", report.examples()) + " examples",
                "mean loss - optimum", true);
        for (Map.Entry<String, double[]> e : curves(report.logistic()).entrySet()) {
            double[] y = e.getValue().clone();
            for (int i = 0; i < y.length; i++) {
                y[i] = Math.max(y[i] - best, 1e-16);
            }
            add(gap, e.getKey(), y);
        }
        XYChart mlp = chart("Label from x0 * x1: MLP against logistic regression", "mean loss", false);
        for (Map.Entry<String, double[]> e : curves(report.mlp()).entrySet()) {
            add(mlp, e.getKey(), e.getValue());
        }
        Path file = directory.resolve("spark-loss.png");
        BitmapEncoder.saveBitmap(java.util.List.of(gap, mlp), 1, 2, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        return file;
    }

    private static XYChart chart(String title, String yTitle, boolean logarithmic) {
        XYChart chart = new XYChartBuilder().width(640).height(440).title(title)
                .xAxisTitle("iteration").yAxisTitle(yTitle).build();
        chart.getStyler().setYAxisLogarithmic(logarithmic);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setMarkerSize(0);
        return chart;
    }

    private static void add(XYChart chart, String name, double[] y) {
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        chart.addSeries(name, x, y).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    }

    /** Each run's loss per iteration, by name; runs that report none are left out. */
    private static Map<String, double[]> curves(List<Run> runs) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (Run run : runs) {
            if (run.lossPerIteration().length > 0) {
                out.put(run.name(), run.lossPerIteration());
            }
        }
        return out;
    }
}
