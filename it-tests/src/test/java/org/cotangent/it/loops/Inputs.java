package org.cotangent.it.loops;

import java.util.Random;
import java.util.function.Function;
import org.cotangent.it.scalar.Check.Args;

/** Seeded random test inputs, kept in ranges where the functions are smooth and finite; shared by the it-tests packages. */
public final class Inputs {
    private final Random random;

    public Inputs(long seed) {
        random = new Random(seed);
    }

    /** {@code count} points drawn by {@code make} from one seeded stream. */
    public static Args[] points(long seed, int count, Function<Inputs, Args> make) {
        Inputs in = new Inputs(seed);
        Args[] points = new Args[count];
        for (int i = 0; i < count; i++) {
            points[i] = make.apply(in);
        }
        return points;
    }

    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    public double[] vector(int n, double lo, double hi) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = uniform(lo, hi);
        }
        return v;
    }

    public double[][] matrix(int rows, int cols, double lo, double hi) {
        double[][] m = new double[rows][];
        for (int i = 0; i < rows; i++) {
            m[i] = vector(cols, lo, hi);
        }
        return m;
    }

    /** Off-diagonal entries in [-1, 1]; each diagonal entry exceeds its row's other magnitudes by 1 to 2. */
    public double[][] diagonallyDominant(int n) {
        double[][] m = matrix(n, n, -1, 1);
        for (int i = 0; i < n; i++) {
            double off = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    off += Math.abs(m[i][j]);
                }
            }
            m[i][i] = off + uniform(1, 2);
        }
        return m;
    }

    /** Lower-triangular with diagonal entries in [1.5, 2.5] and the rest in [-0.5, 0.5]. */
    public double[][] lowerTriangular(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                m[i][j] = uniform(-0.5, 0.5);
            }
            m[i][i] = uniform(1.5, 2.5);
        }
        return m;
    }

    /** n values, any two at least {@code gap} apart, in shuffled order, starting above {@code lo}. */
    public double[] separated(int n, double lo, double gap) {
        double[] v = new double[n];
        double at = lo;
        for (int i = 0; i < n; i++) {
            at += gap * uniform(1, 2);
            v[i] = at;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
        return v;
    }

    /** Random signs, magnitudes in [min, max]. */
    public double[] awayFromZero(int n, double min, double max) {
        double[] v = vector(n, min, max);
        for (int i = 0; i < n; i++) {
            if (random.nextBoolean()) {
                v[i] = -v[i];
            }
        }
        return v;
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
