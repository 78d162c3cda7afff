package org.cotangent.examples;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Random;

/**
 * Fits {@link Logistic#loss} by full-batch gradient descent on two noisy Gaussian clouds. The
 * gradient of the mean loss over the data is summed into one {@code ParamsTangent} by
 * {@code LogisticDerivatives.loss_vjp}: no allocation per sample.
 *
 * <pre>
 * java -cp "examples/target/classes:examples/target/lib/*" org.cotangent.examples.FitLogistic
 * </pre>
 */
public final class FitLogistic {
    private FitLogistic() {
    }

    /** The fitted parameters, the final mean loss and the training accuracy. */
    public record Result(Logistic.Params params, double loss, double accuracy) {
    }

    public static void main(String[] args) {
        run(400, 200, System.out);
    }

    /** {@code samples} points, {@code steps} steps of gradient descent. */
    public static Result run(int samples, int steps, PrintStream log) {
        Random random = new Random(42);
        double[][] xs = new double[samples][];
        double[] ys = new double[samples];
        for (int k = 0; k < samples; k++) {
            ys[k] = k % 2;
            double shift = ys[k] == 1 ? 1.5 : -1.5;
            xs[k] = new double[] {shift + random.nextGaussian(), 0.5 * shift + random.nextGaussian()};
        }
        Logistic.Params p = new Logistic.Params(new double[2], 0.0);
        double rate = 0.5;
        double mean = Double.NaN;
        for (int step = 0; step <= steps; step++) {
            Logistic_ParamsTangent g = Logistic_ParamsTangent.zerosLike(p);
            double total = 0;
            for (int k = 0; k < samples; k++) {
                total += LogisticDerivatives.loss_vjp(p, xs[k], ys[k], 1.0 / samples, g);
            }
            mean = total / samples;
            if (step % 50 == 0) {
                log.printf(Locale.ROOT, "step %3d: mean loss %.4f, w = [%.3f, %.3f], b = %.3f%n", step, mean,
                        p.w()[0], p.w()[1], p.b());
            }
            double[] w = p.w().clone();
            for (int i = 0; i < w.length; i++) {
                w[i] -= rate * g.w[i];
            }
            p = new Logistic.Params(w, p.b() - rate * g.b);
        }
        int right = 0;
        for (int k = 0; k < samples; k++) {
            double z = p.b() + p.w()[0] * xs[k][0] + p.w()[1] * xs[k][1];
            right += (z > 0) == (ys[k] == 1) ? 1 : 0;
        }
        double accuracy = (double) right / samples;
        log.printf(Locale.ROOT, "training accuracy %.1f%%%n", 100 * accuracy);
        return new Result(p, mean, accuracy);
    }
}
