package org.cotangent.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.cotangent.runtime.GradCheck;
import org.junit.jupiter.api.Test;

class FitLogisticTest {
    @Test
    void gradientMatchesFiniteDifferences() {
        double[] x = {0.7, -1.3};
        double[] flat = {0.4, -0.2, 0.1};
        double[] gradient = LogisticDerivatives.loss_grad(new Logistic.Params(new double[] {0.4, -0.2}, 0.1), x, 1.0)
                .p().toArray();
        GradCheck.Result r = GradCheck.check(v -> Logistic.loss(new Logistic.Params(new double[] {v[0], v[1]}, v[2]),
                x, 1.0), flat, gradient);
        assertTrue(r.passed(), r.toString());
    }

    @Test
    void trainsToASeparatingLine() {
        FitLogistic.Result r = FitLogistic.run(400, 200, new PrintStream(new ByteArrayOutputStream()));
        assertTrue(r.accuracy() > 0.9, "accuracy " + r.accuracy());
        assertTrue(r.loss() < 0.3, "loss " + r.loss());
        assertEquals(2, r.params().w().length);
    }
}
