package org.cotangent.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/** Primal, generated {@code _vjp} and hand-written adjoint of each subject, side by side. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GradientBenchmarks {

    /** Extended Rosenbrock at n. */
    @State(Scope.Thread)
    public static class Rosenbrock {
        @Param({"1000"})
        public int n;
        double[] x;
        double[] xAdj;

        @Setup(Level.Trial)
        public void setUp() {
            Random random = new Random(42);
            x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextDouble() * 2 - 1;
            }
            xAdj = new double[n];
        }
    }

    /** RK4 Lotka-Volterra over 1,000 steps. */
    @State(Scope.Thread)
    public static class LotkaVolterra {
        final int steps = 1000;
        final double[] alpha = new double[1];
        final double[] beta = new double[1];
        final double[] delta = new double[1];
        final double[] gamma = new double[1];
        final double[] prey = new double[1];
        final double[] predator = new double[1];
        final double[] grad = new double[6];
        final double[] states = new double[2 * (steps + 1)];
    }

    @Benchmark
    public double rosenbrockPrimal(Rosenbrock s) {
        return Subjects.rosenbrock(s.x);
    }

    @Benchmark
    public double rosenbrockVjp(Rosenbrock s) {
        return SubjectsDerivatives.rosenbrock_vjp(s.x, 1.0, s.xAdj);
    }

    @Benchmark
    public double rosenbrockHandWritten(Rosenbrock s) {
        return HandWritten.rosenbrockVjp(s.x, 1.0, s.xAdj);
    }

    @Benchmark
    public double lotkaVolterraPrimal(LotkaVolterra s) {
        return Subjects.lotkaVolterra(1.1, 0.4, 0.1, 0.4, 10, 10, 0.01, s.steps);
    }

    @Benchmark
    public double lotkaVolterraVjp(LotkaVolterra s) {
        return SubjectsDerivatives.lotkaVolterra_vjp(1.1, 0.4, 0.1, 0.4, 10, 10, 0.01, s.steps, 1.0,
                s.alpha, s.beta, s.delta, s.gamma, s.prey, s.predator);
    }

    @Benchmark
    public double lotkaVolterraHandWritten(LotkaVolterra s) {
        return HandWritten.lotkaVolterraVjp(1.1, 0.4, 0.1, 0.4, 10, 10, 0.01, s.steps, 1.0, s.grad, s.states);
    }

    @Benchmark
    public double lotkaVolterraCallsPrimal(LotkaVolterra s) {
        return Subjects.lotkaVolterraCalls(1.1, 0.4, 0.1, 0.4, 10, 10, 0.01, s.steps);
    }

    @Benchmark
    public double lotkaVolterraCallsVjp(LotkaVolterra s) {
        return SubjectsDerivatives.lotkaVolterraCalls_vjp(1.1, 0.4, 0.1, 0.4, 10, 10, 0.01, s.steps, 1.0,
                s.alpha, s.beta, s.delta, s.gamma, s.prey, s.predator);
    }
}
