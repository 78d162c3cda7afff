package org.cotangent.bench.adbench;

import org.cotangent.runtime.GradCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** GMM against ADBench's golden values, and the hand-written and Hipparchus versions against Cotangent. */
class GmmTest {
    private static final double ADBENCH_TOLERANCE = 1e-8;

    @Test
    void cotangentGradientMatchesTheGoldenValues() {
        GmmInput in = GmmInput.read("test.txt");
        double[] golden = Golden.numbers("gmm_test.expected.txt");
        GmmDerivatives.GmmObjectiveGradient g = GmmDerivatives.gmmObjective_grad(in.alphas(), in.means(), in.icf(),
                in.x(), in.d(), in.k(), in.n(), in.wishartGamma(), in.wishartM());
        Golden.assertClose("objective", golden[0], g.value(), ADBENCH_TOLERANCE);
        Golden.assertClose("objective (primal)", golden[0], in.objective(), ADBENCH_TOLERANCE);
        assertEquals(18, (int) golden[1]);
        double[] expected = Arrays.copyOfRange(golden, 2, golden.length);
        Golden.assertClose("gradient", expected, Golden.concat(g.alphas(), g.means(), g.icf()), ADBENCH_TOLERANCE);
    }

    @Test
    void handWrittenGradientMatchesTheGoldenValues() {
        GmmInput in = GmmInput.read("test.txt");
        double[] golden = Golden.numbers("gmm_test.expected.txt");
        double[][] adj = accumulators(in);
        double value = new GmmHand(in.d(), in.k()).vjp(in.alphas(), in.means(), in.icf(), in.x(), in.n(),
                in.wishartGamma(), in.wishartM(), 1.0, adj[0], adj[1], adj[2]);
        Golden.assertClose("objective", golden[0], value, ADBENCH_TOLERANCE);
        double[] expected = Arrays.copyOfRange(golden, 2, golden.length);
        Golden.assertClose("gradient", expected, Golden.concat(adj[0], adj[1], adj[2]), ADBENCH_TOLERANCE);
    }

    @Test
    void handWrittenGradientMatchesFiniteDifferencesWithAPriorAndSeveralPoints() {
        // the first 20 points of a 1k file, with a non-trivial Wishart prior (gamma != 1, m != 0)
        GmmInput file = GmmInput.read("1k/gmm_d10_K5.txt");
        int n = 20;
        GmmInput in = new GmmInput(file.d(), file.k(), n, file.alphas(), file.means(), file.icf(),
                Arrays.copyOf(file.x(), n * file.d()), 1.3, 2);
        double[] params = Golden.concat(in.alphas(), in.means(), in.icf());
        double[][] adj = accumulators(in);
        GmmHand hand = new GmmHand(in.d(), in.k());
        double value = hand.vjp(in.alphas(), in.means(), in.icf(), in.x(), n, 1.3, 2, 1.0, adj[0], adj[1], adj[2]);
        assertEquals(in.objective(), value, 1e-10 * Math.abs(value));
        double[] handGradient = Golden.concat(adj[0], adj[1], adj[2]);
        GradCheck.assertGradient(p -> objectiveAt(in, p), params, handGradient, 1e-6, 1e-6);
        double[][] generated = accumulators(in);
        GmmDerivatives.gmmObjective_vjp(in.alphas(), in.means(), in.icf(), in.x(), in.d(), in.k(), n, 1.3, 2, 1.0,
                generated[0], generated[1], generated[2]);
        Golden.assertClose("generated vs hand", handGradient, Golden.concat(generated[0], generated[1], generated[2]),
                1e-12);
    }

    @Test
    void handWrittenVjpScalesBySeedAndAccumulates() {
        GmmInput in = GmmInput.read("test.txt");
        GmmHand hand = new GmmHand(in.d(), in.k());
        double[][] once = accumulators(in);
        hand.vjp(in.alphas(), in.means(), in.icf(), in.x(), in.n(), 1, 0, 1.0, once[0], once[1], once[2]);
        double[][] twice = accumulators(in);
        hand.vjp(in.alphas(), in.means(), in.icf(), in.x(), in.n(), 1, 0, 0.5, twice[0], twice[1], twice[2]);
        hand.vjp(in.alphas(), in.means(), in.icf(), in.x(), in.n(), 1, 0, 1.5, twice[0], twice[1], twice[2]);
        for (int a = 0; a < 3; a++) {
            for (int i = 0; i < once[a].length; i++) {
                assertEquals(2 * once[a][i], twice[a][i], 1e-12 * Math.max(1, Math.abs(once[a][i])));
            }
        }
    }

    @Test
    void hipparchusForwardModeInChunksAgreesWithCotangent() {
        GmmInput in = GmmInput.read("test.txt");
        double[] hipparchus = new double[in.parameterCount()];
        double value = 0;
        for (int first = 0; first < hipparchus.length; first += 7) {
            value = GmmHipparchus.pass(in, first, 7, hipparchus);
        }
        GmmDerivatives.GmmObjectiveGradient g = GmmDerivatives.gmmObjective_grad(in.alphas(), in.means(), in.icf(),
                in.x(), in.d(), in.k(), in.n(), in.wishartGamma(), in.wishartM());
        assertEquals(g.value(), value, 1e-12);
        Golden.assertClose("hipparchus vs cotangent", Golden.concat(g.alphas(), g.means(), g.icf()), hipparchus, 1e-12);
    }

    @ParameterizedTest
    @CsvSource({
            "1k/gmm_d2_K5.txt, -5240.59056254958",
            "1k/gmm_d2_K10.txt, -3484.55236634813",
            "1k/gmm_d2_K25.txt, -3448.4057534553",
            "1k/gmm_d10_K5.txt, -31302.5409109104",
            "1k/gmm_d10_K25.txt, -25649.6526211973",
            "1k/gmm_d20_K5.txt, -121408.566502591",
            "10k/gmm_d2_K5.txt, -52512.306054523",
            "10k/gmm_d10_K5.txt, -315926.321042582"})
    void objectivesOfTheBenchmarkFilesMatchTheCrossCheckValues(String file, double expected) {
        GmmInput in = GmmInput.read(file);
        assertEquals(expected, in.objective(), 1e-9 * Math.abs(expected), file);
        double[][] adj = accumulators(in);
        double hand = new GmmHand(in.d(), in.k()).vjp(in.alphas(), in.means(), in.icf(), in.x(), in.n(),
                in.wishartGamma(), in.wishartM(), 1.0, adj[0], adj[1], adj[2]);
        assertEquals(expected, hand, 1e-9 * Math.abs(expected), file + " (hand)");
    }

    static double[][] accumulators(GmmInput in) {
        return new double[][] {new double[in.alphas().length], new double[in.means().length], new double[in.icf().length]};
    }

    private static double objectiveAt(GmmInput in, double[] p) {
        int k = in.k();
        int means = in.means().length;
        double[] alphas = Arrays.copyOfRange(p, 0, k);
        double[] mu = Arrays.copyOfRange(p, k, k + means);
        double[] icf = Arrays.copyOfRange(p, k + means, p.length);
        return Gmm.gmmObjective(alphas, mu, icf, in.x(), in.d(), k, in.n(), in.wishartGamma(), in.wishartM());
    }
}
