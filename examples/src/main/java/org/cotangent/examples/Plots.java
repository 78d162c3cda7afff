package org.cotangent.examples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.Square;

/** PNG charts of a training run, drawn with XChart (headless). */
final class Plots {
    private static final Color[] REGION = {new Color(0xC6DBEF), new Color(0xFDD0A2), new Color(0xC7E9C0)};
    private static final Color[] POINT = {new Color(0x2171B5), new Color(0xD94801), new Color(0x238B45)};
    private static final int WIDTH = 720;
    private static final int HEIGHT = 600;
    private static final int GRID = 120;

    private Plots() {
    }

    /** Curves of one value per epoch, one series per run, e.g. training loss (log scale) or accuracy. */
    static Path curves(Path directory, String file, String title, String yTitle, boolean logarithmic,
                       Map<String, double[]> series) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT / 4 * 3).title(title)
                .xAxisTitle("epoch").yAxisTitle(yTitle).build();
        chart.getStyler().setYAxisLogarithmic(logarithmic);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setMarkerSize(0);
        for (Map.Entry<String, double[]> entry : series.entrySet()) {
            double[] y = entry.getValue();
            double[] x = new double[y.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i + 1;
            }
            chart.addSeries(entry.getKey(), x, y).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        }
        return save(chart, directory.resolve(file));
    }

    /** A plane through input space: where each point of the picture sits in the model's input space. */
    interface Plane {
        String xTitle();

        String yTitle();

        /** The raw model input at plane coordinates (u, v). */
        double[] input(double u, double v);

        /** The plane coordinates of a raw input. */
        double[] coordinates(double[] input);
    }

    /** The identity plane of a two-dimensional data set. */
    static Plane identity(Dataset data) {
        return new Plane() {
            public String xTitle() {
                return data.featureNames()[0];
            }

            public String yTitle() {
                return data.featureNames()[1];
            }

            public double[] input(double u, double v) {
                return new double[] {u, v};
            }

            public double[] coordinates(double[] input) {
                return input.clone();
            }
        };
    }

    /**
     * The plane of the first two principal components of {@code data} after standardising each column (a
     * point of the plane maps back to the input with the other components at zero, i.e. at the mean).
     */
    static Plane principalComponents(Dataset data) {
        double[] mean = data.means();
        double[] sd = data.standardDeviations();
        int d = data.dimension();
        double[][] covariance = new double[d][d];
        for (double[] row : data.features()) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    covariance[i][j] += (row[i] - mean[i]) / sd[i] * (row[j] - mean[j]) / sd[j] / data.size();
                }
            }
        }
        EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(covariance));
        int first = 0;
        for (int k = 1; k < d; k++) {
            if (eigen.getEigenvalue(k) > eigen.getEigenvalue(first)) {
                first = k;
            }
        }
        int second = first == 0 ? 1 : 0;
        for (int k = 0; k < d; k++) {
            if (k != first && eigen.getEigenvalue(k) > eigen.getEigenvalue(second)) {
                second = k;
            }
        }
        double total = 0;
        for (double lambda : eigen.getEigenvalues()) {
            total += lambda;
        }
        double[] pc1 = eigen.getEigenvector(first).toArray();
        double[] pc2 = eigen.getEigenvector(second).toArray();
        String xTitle = String.format(java.util.Locale.ROOT, "PC1 (%.0f%% of variance)",
                100 * eigen.getEigenvalue(first) / total);
        String yTitle = String.format(java.util.Locale.ROOT, "PC2 (%.0f%% of variance)",
                100 * eigen.getEigenvalue(second) / total);
        return new Plane() {
            public String xTitle() {
                return xTitle;
            }

            public String yTitle() {
                return yTitle;
            }

            public double[] input(double u, double v) {
                double[] x = new double[d];
                for (int j = 0; j < d; j++) {
                    x[j] = mean[j] + sd[j] * (u * pc1[j] + v * pc2[j]);
                }
                return x;
            }

            public double[] coordinates(double[] input) {
                double u = 0;
                double v = 0;
                for (int j = 0; j < d; j++) {
                    double z = (input[j] - mean[j]) / sd[j];
                    u += z * pc1[j];
                    v += z * pc2[j];
                }
                return new double[] {u, v};
            }
        };
    }

    /**
     * The class the model predicts over a grid of the plane (light colours), with the training samples
     * (dots) and held-out samples (triangles) in their true class's colour on top.
     */
    static Path decisionRegions(Path directory, String file, String title, Model model, Dataset.Split split,
                                Plane plane) throws IOException {
        List<double[]> all = new ArrayList<>();
        for (double[] row : split.train().features()) {
            all.add(plane.coordinates(row));
        }
        for (double[] row : split.test().features()) {
            all.add(plane.coordinates(row));
        }
        double[] bounds = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double[] p : all) {
            bounds[0] = Math.min(bounds[0], p[0]);
            bounds[1] = Math.max(bounds[1], p[0]);
            bounds[2] = Math.min(bounds[2], p[1]);
            bounds[3] = Math.max(bounds[3], p[1]);
        }
        double padX = 0.08 * (bounds[1] - bounds[0]);
        double padY = 0.08 * (bounds[3] - bounds[2]);
        double x0 = bounds[0] - padX;
        double x1 = bounds[1] + padX;
        double y0 = bounds[2] - padY;
        double y1 = bounds[3] + padY;

        XYChart chart = new XYChartBuilder().width(WIDTH + 240).height(HEIGHT).title(title)
                .xAxisTitle(plane.xTitle()).yAxisTitle(plane.yTitle()).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setPlotContentSize(1.0);
        chart.getStyler().setXAxisMin(x0).setXAxisMax(x1).setYAxisMin(y0).setYAxisMax(y1);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setMarkerSize(Math.max(WIDTH, HEIGHT) / GRID + 2); // grid cells overlap: no gaps

        int classes = split.train().classes();
        List<List<double[]>> regions = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            regions.add(new ArrayList<>());
        }
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                double u = x0 + (x1 - x0) * (i + 0.5) / GRID;
                double v = y0 + (y1 - y0) * (j + 0.5) / GRID;
                regions.get(model.predict(plane.input(u, v))).add(new double[] {u, v});
            }
        }
        String[] names = split.train().classNames();
        for (int c = 0; c < classes; c++) {
            add(chart, "predicted " + names[c], regions.get(c), new Square(), REGION[c]);
        }
        for (int c = 0; c < classes; c++) {
            add(chart, names[c] + " (train)", points(split.train(), c, plane), new Dot(7, false), POINT[c]);
        }
        for (int c = 0; c < classes; c++) {
            add(chart, names[c] + " (held out)", points(split.test(), c, plane), new Dot(9, true), POINT[c]);
        }
        return save(chart, directory.resolve(file));
    }

    private static List<double[]> points(Dataset data, int label, Plane plane) {
        List<double[]> points = new ArrayList<>();
        for (int n = 0; n < data.size(); n++) {
            if (data.labels()[n] == label) {
                points.add(plane.coordinates(data.features()[n]));
            }
        }
        return points;
    }

    private static void add(XYChart chart, String name, List<double[]> points, Marker marker, Color color) {
        if (points.isEmpty()) {
            return;
        }
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        XYSeries series = chart.addSeries(name, x, y);
        series.setMarker(marker);
        series.setMarkerColor(color);
    }

    private static Path save(XYChart chart, Path file) throws IOException {
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        return file;
    }

    /** A data point of fixed size (the chart's marker size is the grid cell): a dot, or a triangle, outlined. */
    private static final class Dot extends Marker {
        private final int size;
        private final boolean triangle;

        Dot(int size, boolean triangle) {
            this.size = size;
            this.triangle = triangle;
        }

        @Override
        public void paint(Graphics2D g, double x, double y, int ignoredSize) {
            double half = size / 2.0;
            java.awt.Shape shape;
            if (triangle) {
                Path2D.Double path = new Path2D.Double();
                path.moveTo(x, y - half - 1);
                path.lineTo(x + half + 1, y + half);
                path.lineTo(x - half - 1, y + half);
                path.closePath();
                shape = path;
            } else {
                shape = new Ellipse2D.Double(x - half, y - half, size, size);
            }
            g.fill(shape);
            Color fill = g.getColor();
            g.setColor(triangle ? Color.BLACK : Color.WHITE);
            g.setStroke(new BasicStroke(1f));
            g.draw(shape);
            g.setColor(fill);
        }
    }
}
