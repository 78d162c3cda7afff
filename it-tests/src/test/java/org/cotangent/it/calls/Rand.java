package org.cotangent.it.calls;

import java.util.Random;
import java.util.function.Function;
import org.cotangent.it.scalar.Check.Args;

/** Seeded random test inputs (as loops.Inputs, which is package-private there). */
final class Rand {
    private final Random random;

    Rand(long seed) {
        random = new Random(seed);
    }

    static Args[] points(long seed, int count, Function<Rand, Args> make) {
        Rand in = new Rand(seed);
        Args[] points = new Args[count];
        for (int i = 0; i < count; i++) {
            points[i] = make.apply(in);
        }
        return points;
    }

    double uniform(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    double[] vector(int n, double lo, double hi) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = uniform(lo, hi);
        }
        return v;
    }

    double[][] matrix(int rows, int cols, double lo, double hi) {
        double[][] m = new double[rows][];
        for (int i = 0; i < rows; i++) {
            m[i] = vector(cols, lo, hi);
        }
        return m;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
