package org.cotangent.bench.table;

import org.cotangent.bench.HandWritten;
import org.cotangent.bench.HipparchusSubjects;
import org.cotangent.bench.Subjects;
import org.cotangent.bench.SubjectsDerivatives;

import java.util.List;
import java.util.Random;

/** The loss of a 784-64-10 perceptron on one example, differentiated with respect to all 50,890 weights. */
final class MlpCases {
    static final int IN = 784;
    static final int HIDDEN = 64;
    static final int OUT = 10;
    private static final int CHUNK = 64;

    private MlpCases() {
    }

    static void register() {
        Catalog.add("mlp-784-64-10", MlpCases::build);
    }

    private static Case build() {
        Random random = new Random(42);
        double[] w1 = normal(random, IN * HIDDEN, Math.sqrt(1.0 / IN));
        double[] b1 = normal(random, HIDDEN, 0.1);
        double[] w2 = normal(random, HIDDEN * OUT, Math.sqrt(1.0 / HIDDEN));
        double[] b2 = normal(random, OUT, 0.1);
        double[] x = new double[IN];
        for (int i = 0; i < IN; i++) {
            x[i] = random.nextDouble();
        }
        int label = 3;
        double[] w1Adj = new double[w1.length];
        double[] b1Adj = new double[b1.length];
        double[] w2Adj = new double[w2.length];
        double[] b2Adj = new double[b2.length];
        double[] hidden = new double[HIDDEN];
        double[] logits = new double[OUT];
        double[] hiddenAdj = new double[HIDDEN];
        FiniteDifferences fd = new FiniteDifferences(() -> Subjects.mlpLoss(w1, b1, w2, b2, x, label), w1, b1, w2, b2);
        int n = fd.size();
        double[] out = new double[n];
        int passes = (n + CHUNK - 1) / CHUNK;
        return new Case("mlp-784-64-10", "MLP loss", "784-64-10, 1 example", List.of(
                Method.of("primal", () -> Subjects.mlpLoss(w1, b1, w2, b2, x, label)),
                Method.of("vjp", () -> SubjectsDerivatives.mlpLoss_vjp(w1, b1, w2, b2, x, label, 1.0, w1Adj, b1Adj,
                        w2Adj, b2Adj)),
                Method.of("grad", () -> SubjectsDerivatives.mlpLoss_grad(w1, b1, w2, b2, x, label).value()),
                Method.of("hand", () -> HandWritten.mlpLossVjp(w1, b1, w2, b2, x, label, 1.0, w1Adj, b1Adj, w2Adj,
                        b2Adj, hidden, logits, hiddenAdj)),
                Method.extrapolated("hipparchus", () -> HipparchusSubjects.mlpLoss(w1, b1, w2, b2, x, label, 0, CHUNK,
                        out), passes, "forward mode in passes of " + CHUNK + " weights; one pass timed, times the "
                        + passes + " passes a full gradient needs"),
                fd.method(0, 2000)));
    }

    static double[] normal(Random random, int n, double scale) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextGaussian() * scale;
        }
        return values;
    }
}
