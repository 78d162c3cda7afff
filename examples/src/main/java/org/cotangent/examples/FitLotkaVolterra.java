package org.cotangent.examples;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.cotangent.runtime.DualVector;
import org.hipparchus.analysis.MultivariateFunction;
import org.hipparchus.analysis.MultivariateVectorFunction;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.hipparchus.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction;
import org.hipparchus.util.Pair;

/**
 * Recovers the four parameters of a Lotka-Volterra system from noisy observations by least squares through an
 * RK4 integrator ({@link LotkaVolterra}), with Hipparchus optimisers fed by derivatives Cotangent generated:
 * Levenberg-Marquardt with {@code trajectory_jacobian}, and nonlinear conjugate gradients with
 * {@code misfit_vjp}. Each fit is repeated with central finite differences instead, and a table compares them.
 *
 * <pre>
 * java -cp "examples/target/classes:examples/target/lib/*" org.cotangent.examples.FitLotkaVolterra
 * </pre>
 */
public final class FitLotkaVolterra {
    /** alpha, beta, delta, gamma used to simulate the observations. */
    public static final double[] TRUE_PARAMETERS = {1.0, 0.1, 0.075, 1.5};
    /** Where every fit starts: each parameter 13-20% off (from 30% off, Levenberg-Marquardt can settle in a
     *  local minimum of this misfit, whatever the derivatives). */
    public static final double[] START = {0.8, 0.12, 0.06, 1.3};
    static final String[] NAMES = {"alpha", "beta", "delta", "gamma"};
    static final double[] Y0 = {10, 5};
    static final double DT = 0.025;
    static final int STEPS_PER_SAMPLE = 10;
    static final int SAMPLES = 32;
    static final double NOISE = 0.02;
    static final long SEED = 42;

    /** Where Levenberg-Marquardt's Jacobian comes from. */
    enum Derivatives {
        /** {@code trajectory_jacobian}, plus a plain call for the value. */
        GENERATED_JACOBIAN("Levenberg-Marquardt, trajectory_jacobian"),
        /** Four {@code trajectory_jvp} sweeps, one per parameter; the first also gives the value. */
        GENERATED_TANGENTS("Levenberg-Marquardt, 4 x trajectory_jvp"),
        /** Central differences: eight more integrations per Jacobian. */
        FINITE_DIFFERENCES("Levenberg-Marquardt, central differences");

        final String label;

        Derivatives(String label) {
            this.label = label;
        }
    }

    private FitLotkaVolterra() {
    }

    /** One fit: what it found and what it cost. */
    public record Fit(String method, double[] parameters, int iterations, int valueEvaluations,
                      int derivativeEvaluations, double millis) {
        /** Largest relative error of the recovered parameters against the true ones. */
        public double worstRelativeError() {
            double worst = 0;
            for (int i = 0; i < parameters.length; i++) {
                worst = Math.max(worst, Math.abs(parameters[i] / TRUE_PARAMETERS[i] - 1));
            }
            return worst;
        }
    }

    public static void main(String[] args) {
        run(System.out, 10);
    }

    /** Simulates the observations, runs every fit {@code rounds} times and prints the table (fastest times). */
    public static List<Fit> run(PrintStream log, int rounds) {
        double[] observed = observations();
        log.printf(Locale.ROOT, "Lotka-Volterra: %d noisy observations (%.0f%% multiplicative noise, seed %d) of "
                        + "prey and predators at t = %.2f, %.2f, ..., %.2f; RK4 with dt = %.3f%n",
                SAMPLES, 100 * NOISE, SEED, STEPS_PER_SAMPLE * DT, 2 * STEPS_PER_SAMPLE * DT,
                SAMPLES * STEPS_PER_SAMPLE * DT, DT);
        log.printf(Locale.ROOT, "true parameters %s, start %s%n", format(TRUE_PARAMETERS), format(START));
        // Every fit runs `rounds` times and keeps its fastest time: the first rounds include JIT compilation of
        // code that the other fits may have warmed up already, which would make the comparison meaningless.
        List<Fit> fits = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            List<Fit> latest = List.of(
                    levenbergMarquardt(observed, Derivatives.GENERATED_JACOBIAN),
                    levenbergMarquardt(observed, Derivatives.GENERATED_TANGENTS),
                    levenbergMarquardt(observed, Derivatives.FINITE_DIFFERENCES),
                    conjugateGradient(observed, true),
                    conjugateGradient(observed, false));
            for (int i = 0; i < latest.size(); i++) {
                if (round == 0) {
                    fits.add(latest.get(i));
                } else if (latest.get(i).millis() < fits.get(i).millis()) {
                    fits.set(i, latest.get(i));
                }
            }
        }
        log.println();
        log.printf("%-42s %5s %8s %9s %8s  %-34s %s%n", "method", "iter", "f evals", "J/g evals", "time ms",
                "alpha, beta, delta, gamma", "max rel err");
        for (Fit fit : fits) {
            log.printf(Locale.ROOT, "%-42s %5d %8d %9d %8.2f  %-34s %.2f%%%n", fit.method(), fit.iterations(),
                    fit.valueEvaluations(), fit.derivativeEvaluations(), fit.millis(), format(fit.parameters()),
                    100 * fit.worstRelativeError());
        }
        log.println("f evals: plain integrations of the model (including those of central differences); J/g evals:"
                + " Jacobians or gradients requested by the optimiser; the 4 x trajectory_jvp row takes its values"
                + " from the tangent sweeps. Times: fastest of " + rounds + " runs.");
        return fits;
    }

    /** The trajectory from the true parameters, each value times (1 + NOISE z) with z standard normal. */
    static double[] observations() {
        double[] clean = LotkaVolterra.trajectory(TRUE_PARAMETERS[0], TRUE_PARAMETERS[1], TRUE_PARAMETERS[2],
                TRUE_PARAMETERS[3], Y0, DT, STEPS_PER_SAMPLE, SAMPLES);
        Random random = new Random(SEED);
        double[] noisy = new double[clean.length];
        for (int i = 0; i < clean.length; i++) {
            noisy[i] = clean[i] * (1 + NOISE * random.nextGaussian());
        }
        return noisy;
    }

    static double[] trajectory(double[] p) {
        return LotkaVolterra.trajectory(p[0], p[1], p[2], p[3], Y0, DT, STEPS_PER_SAMPLE, SAMPLES);
    }

    /**
     * Levenberg-Marquardt on the residuals {@code observed - trajectory(p)}. Hipparchus asks the model for the
     * trajectory and its 60 x 4 Jacobian at each point; the Jacobian comes from Cotangent's
     * {@code trajectory_jacobian} (4 forward-mode sweeps through the integrator) or from central differences.
     */
    static Fit levenbergMarquardt(double[] observed, Derivatives derivatives) {
        int[] counts = new int[2]; // value evaluations (integrations), Jacobian evaluations
        MultivariateJacobianFunction model = point -> {
            double[] p = point.toArray();
            counts[1]++;
            double[] value;
            double[][] jacobian;
            switch (derivatives) {
                case GENERATED_JACOBIAN -> {
                    value = trajectory(p);
                    counts[0]++;
                    jacobian = LotkaVolterraDerivatives.trajectory_jacobian(p[0], p[1], p[2], p[3], Y0, DT,
                            STEPS_PER_SAMPLE, SAMPLES);
                }
                case GENERATED_TANGENTS -> {
                    jacobian = new double[2 * SAMPLES][p.length];
                    value = null;
                    for (int j = 0; j < p.length; j++) {
                        DualVector column = LotkaVolterraDerivatives.trajectory_jvp(p[0], p[1], p[2], p[3], Y0, DT,
                                STEPS_PER_SAMPLE, SAMPLES, j == 0 ? 1 : 0, j == 1 ? 1 : 0, j == 2 ? 1 : 0,
                                j == 3 ? 1 : 0);
                        value = column.value();
                        for (int i = 0; i < jacobian.length; i++) {
                            jacobian[i][j] = column.tangent()[i];
                        }
                    }
                }
                default -> {
                    value = trajectory(p);
                    counts[0]++;
                    jacobian = centralDifferenceJacobian(p, counts);
                }
            }
            return new Pair<>(new ArrayRealVector(value, false), new Array2DRowRealMatrix(jacobian, false));
        };
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .start(START)
                .target(observed)
                .model(model)
                .lazyEvaluation(false)
                .maxEvaluations(1000)
                .maxIterations(1000)
                .build();
        long start = System.nanoTime();
        LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer().optimize(problem);
        double millis = (System.nanoTime() - start) / 1e6;
        return new Fit(derivatives.label, optimum.getPoint().toArray(), optimum.getIterations(), counts[0],
                counts[1], millis);
    }

    /** The 60 x 4 Jacobian of the trajectory by central differences: 8 more integrations, counted in counts[0]. */
    static double[][] centralDifferenceJacobian(double[] p, int[] counts) {
        double[][] jacobian = new double[2 * SAMPLES][p.length];
        double[] shifted = p.clone();
        for (int j = 0; j < p.length; j++) {
            double h = 1e-6 * Math.max(Math.abs(p[j]), 1e-3);
            shifted[j] = p[j] + h;
            double[] up = trajectory(shifted);
            shifted[j] = p[j] - h;
            double[] down = trajectory(shifted);
            shifted[j] = p[j];
            counts[0] += 2;
            for (int i = 0; i < up.length; i++) {
                jacobian[i][j] = (up[i] - down[i]) / (2 * h);
            }
        }
        return jacobian;
    }

    /**
     * Nonlinear conjugate gradients (Polak-Ribiere) on the sum of squares. The gradient comes from Cotangent's
     * {@code misfit_vjp} (one reverse sweep through the integrator, whatever the number of parameters) or from
     * central differences.
     */
    static Fit conjugateGradient(double[] observed, boolean generated) {
        int[] counts = new int[2];
        MultivariateFunction misfit = p -> {
            counts[0]++;
            return LotkaVolterra.misfit(p[0], p[1], p[2], p[3], Y0, DT, STEPS_PER_SAMPLE, observed);
        };
        double[][] adjoints = new double[4][1]; // accumulators: _vjp adds into slot 0 of each
        MultivariateVectorFunction gradient = p -> {
            counts[1]++;
            if (!generated) {
                return centralDifferenceGradient(misfit, p);
            }
            for (double[] adjoint : adjoints) {
                adjoint[0] = 0;
            }
            LotkaVolterraDerivatives.misfit_vjp(p[0], p[1], p[2], p[3], Y0, DT, STEPS_PER_SAMPLE, observed, 1.0,
                    adjoints[0], adjoints[1], adjoints[2], adjoints[3]);
            return new double[] {adjoints[0][0], adjoints[1][0], adjoints[2][0], adjoints[3][0]};
        };
        NonLinearConjugateGradientOptimizer optimizer = new NonLinearConjugateGradientOptimizer(
                NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE, new SimpleValueChecker(1e-12, 1e-12));
        long start = System.nanoTime();
        PointValuePair optimum = optimizer.optimize(new MaxEval(200_000), new ObjectiveFunction(misfit),
                new ObjectiveFunctionGradient(gradient), GoalType.MINIMIZE, new InitialGuess(START));
        double millis = (System.nanoTime() - start) / 1e6;
        return new Fit("conjugate gradients, " + (generated ? "misfit_vjp" : "central differences"),
                optimum.getPoint(), optimizer.getIterations(), counts[0], counts[1], millis);
    }

    private static double[] centralDifferenceGradient(MultivariateFunction f, double[] p) {
        double[] g = new double[p.length];
        double[] shifted = p.clone();
        for (int j = 0; j < p.length; j++) {
            double h = 1e-6 * Math.max(Math.abs(p[j]), 1e-3);
            shifted[j] = p[j] + h;
            double up = f.value(shifted);
            shifted[j] = p[j] - h;
            double down = f.value(shifted);
            shifted[j] = p[j];
            g[j] = (up - down) / (2 * h);
        }
        return g;
    }

    private static String format(double[] p) {
        StringBuilder text = new StringBuilder();
        for (double v : p) {
            text.append(text.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", v));
        }
        return text.toString();
    }
}
