package org.cotangent.spark.examples;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.regression.LabeledPoint;

/**
 * Data sets generated where they are stored: each partition draws its own examples from a seed of
 * its own, so the set is the same for the same arguments on any cluster and never passes through
 * the driver. Features are standard normal; labels are drawn from a known model, so the classes
 * overlap and the unregularised optimum is finite.
 */
final class SyntheticData {
    private SyntheticData() {
    }

    /** Labels from a logistic model with coefficients 0.5, -0.25, 0.25, -0.125, ... and intercept 0.3. */
    static JavaRDD<LabeledPoint> logistic(JavaSparkContext sc, long examples, int features, int partitions,
                                          long seed) {
        return generate(sc, examples, features, partitions, seed, false);
    }

    /** Labels from a model no linear classifier can fit: the sign of x0 x1 matters, plus 0.5 x2. */
    static JavaRDD<LabeledPoint> interaction(JavaSparkContext sc, long examples, int features, int partitions,
                                             long seed) {
        return generate(sc, examples, features, partitions, seed, true);
    }

    static double trueMargin(double[] x, boolean interaction) {
        if (interaction) {
            return 3 * x[0] * x[1] + 0.5 * x[2] - 0.2;
        }
        double margin = 0.3;
        for (int j = 0; j < x.length; j++) {
            margin += (j % 2 == 0 ? 0.5 : -0.25) / (1 + j / 2) * x[j];
        }
        return margin;
    }

    private static JavaRDD<LabeledPoint> generate(JavaSparkContext sc, long examples, int features, int partitions,
                                                  long seed, boolean interaction) {
        if (interaction && features < 3) {
            throw new IllegalArgumentException("the interaction model needs at least 3 features, not " + features);
        }
        List<Integer> ids = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            ids.add(p);
        }
        return sc.parallelize(ids, partitions).flatMap(p -> {
            long count = examples / partitions + (p < examples % partitions ? 1 : 0);
            return points(new SplittableRandom(seed * 1_000_003L + p), count, features, interaction);
        });
    }

    private static Iterator<LabeledPoint> points(SplittableRandom random, long count, int features,
                                                 boolean interaction) {
        return new Iterator<>() {
            private long made;

            @Override
            public boolean hasNext() {
                return made < count;
            }

            @Override
            public LabeledPoint next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                made++;
                double[] x = new double[features];
                for (int j = 0; j < features; j++) {
                    x[j] = gaussian(random);
                }
                double p = 1 / (1 + Math.exp(-trueMargin(x, interaction)));
                return new LabeledPoint(random.nextDouble() < p ? 1.0 : 0.0, Vectors.dense(x));
            }
        };
    }

    private static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
