package org.cotangent.bench;

import org.cotangent.runtime.DualVector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * {@code _jacobian} picks the cheaper association: for n = 1000, m = 1 one reverse sweep beats 1000
 * forward sweeps; for n = 1, m = 1000 one forward sweep beats 1000 reverse sweeps. Each subject is
 * timed automatic, forced forward and forced reverse.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class JacobianBenchmarks {
    private final int n = 1000;
    private final double[] x = new double[n];
    private final double[] direction = new double[n];
    private final double[] accumulator = new double[n];
    private final double[] seed = new double[n];
    private final double[] scalarAccumulator = new double[1];

    {
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(i);
        }
    }

    @Benchmark
    public double[][] wideAutomatic() {
        return JacobianSubjectsDerivatives.wide_jacobian(x);
    }

    @Benchmark
    public double[][] wideForcedForward() {
        double[][] jacobian = new double[1][n];
        for (int j = 0; j < n; j++) {
            java.util.Arrays.fill(direction, 0.0);
            direction[j] = 1.0;
            DualVector column = JacobianSubjectsDerivatives.wide_jvp(x, direction);
            jacobian[0][j] = column.tangent()[0];
        }
        return jacobian;
    }

    @Benchmark
    public double[][] wideForcedReverse() {
        java.util.Arrays.fill(accumulator, 0.0);
        JacobianSubjectsDerivatives.wide_vjp(x, new double[] {1.0}, accumulator);
        return new double[][] {accumulator.clone()};
    }

    @Benchmark
    public double[][] tallAutomatic() {
        return JacobianSubjectsDerivatives.tall_jacobian(0.3, n);
    }

    @Benchmark
    public double[][] tallForcedForward() {
        DualVector column = JacobianSubjectsDerivatives.tall_jvp(0.3, n, 1.0);
        double[][] jacobian = new double[n][1];
        for (int i = 0; i < n; i++) {
            jacobian[i][0] = column.tangent()[i];
        }
        return jacobian;
    }

    @Benchmark
    public double[][] tallForcedReverse() {
        double[][] jacobian = new double[n][1];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(seed, 0.0);
            seed[i] = 1.0;
            scalarAccumulator[0] = 0.0;
            JacobianSubjectsDerivatives.tall_vjp(0.3, n, seed, scalarAccumulator);
            jacobian[i][0] = scalarAccumulator[0];
        }
        return jacobian;
    }
}
