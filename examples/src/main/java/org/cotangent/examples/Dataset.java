package org.cotangent.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A labelled data set: one row of features per sample, a class index per sample.
 *
 * @param name short name used in output and file names
 * @param features {@code features[n]} is sample n
 * @param labels class index of each sample, {@code 0 <= label < classNames.length}
 * @param featureNames one per column
 * @param classNames one per class
 */
public record Dataset(String name, double[][] features, int[] labels, String[] featureNames, String[] classNames) {

    /** The two parts of a split. */
    public record Split(Dataset train, Dataset test) {
    }

    public int size() {
        return labels.length;
    }

    public int classes() {
        return classNames.length;
    }

    public int dimension() {
        return featureNames.length;
    }

    /**
     * Fisher's Iris data (150 samples, 4 measurements in cm, 3 species), read from the {@code iris.csv}
     * resource next to this class; see the comment at the top of that file for its origin and licence.
     */
    public static Dataset iris() {
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> species = new ArrayList<>();
        String[] header = null;
        try (InputStream in = Dataset.class.getResourceAsStream("iris.csv")) {
            if (in == null) {
                throw new IllegalStateException("iris.csv is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(",");
                if (header == null) {
                    header = cells;
                    continue;
                }
                double[] row = new double[cells.length - 1];
                for (int j = 0; j < row.length; j++) {
                    row[j] = Double.parseDouble(cells[j]);
                }
                String name = cells[cells.length - 1].trim();
                if (!species.contains(name)) {
                    species.add(name);
                }
                rows.add(row);
                labels.add(species.indexOf(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] featureNames = Arrays.copyOf(header, header.length - 1);
        return new Dataset("iris", rows.toArray(double[][]::new), labels.stream().mapToInt(Integer::intValue).toArray(),
                featureNames, species.toArray(String[]::new));
    }

    /**
     * Two interleaved spirals of {@code perClass} points each, one and a half turns, with Gaussian noise of
     * standard deviation {@code noise}: arm k is {@code r (cos(theta + k pi), sin(theta + k pi))} with
     * {@code theta = 3 pi r}, and r drawn so that points are spread evenly along the arm.
     */
    public static Dataset spirals(int perClass, double noise, long seed) {
        Random random = new Random(seed);
        double[][] features = new double[2 * perClass][];
        int[] labels = new int[2 * perClass];
        for (int n = 0; n < features.length; n++) {
            int arm = n % 2;
            double r = Math.sqrt(random.nextDouble());
            double theta = 3 * Math.PI * r + arm * Math.PI;
            features[n] = new double[] {
                r * Math.cos(theta) + noise * random.nextGaussian(),
                r * Math.sin(theta) + noise * random.nextGaussian()};
            labels[n] = arm;
        }
        return new Dataset("spirals", features, labels, new String[] {"x", "y"}, new String[] {"arm A", "arm B"});
    }

    /** Per class, a seeded shuffle and then the first {@code testFraction} of that class held out. */
    public Split stratifiedSplit(double testFraction, long seed) {
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int c = 0; c < classes(); c++) {
            List<Integer> members = new ArrayList<>();
            for (int n = 0; n < size(); n++) {
                if (labels[n] == c) {
                    members.add(n);
                }
            }
            Collections.shuffle(members, random);
            int held = (int) Math.round(testFraction * members.size());
            test.addAll(members.subList(0, held));
            train.addAll(members.subList(held, members.size()));
        }
        return new Split(subset(name + "-train", train), subset(name + "-test", test));
    }

    private Dataset subset(String subsetName, List<Integer> indices) {
        double[][] x = new double[indices.size()][];
        int[] y = new int[indices.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = features[indices.get(i)].clone();
            y[i] = labels[indices.get(i)];
        }
        return new Dataset(subsetName, x, y, featureNames, classNames);
    }

    /** Column means, for standardising. */
    public double[] means() {
        double[] mean = new double[dimension()];
        for (double[] row : features) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += row[j] / size();
            }
        }
        return mean;
    }

    /** Column standard deviations (population), for standardising. */
    public double[] standardDeviations() {
        double[] mean = means();
        double[] sd = new double[dimension()];
        for (double[] row : features) {
            for (int j = 0; j < sd.length; j++) {
                double d = row[j] - mean[j];
                sd[j] += d * d / size();
            }
        }
        for (int j = 0; j < sd.length; j++) {
            sd[j] = Math.sqrt(sd[j]);
        }
        return sd;
    }

    /** Number of samples of each class. */
    public int[] classCounts() {
        int[] counts = new int[classes()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }
}
