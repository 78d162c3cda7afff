package org.cotangent.bench.adbench;

import org.cotangent.runtime.GradCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The LSTM loss against ADBench's golden values; the hand-written and Hipparchus versions against Cotangent. */
class LstmTest {
    private static final double ADBENCH_TOLERANCE = 1e-8;
    private static final double L2_C1024 = 0.666665179558852;

    @Test
    void cotangentGradientMatchesTheGoldenValues() {
        LstmInput in = LstmInput.read("lstm_l2_c1024.txt");
        double[] stateBefore = in.state().clone();
        LstmDerivatives.LstmObjectiveGradient g = LstmDerivatives.lstmObjective_grad(in.main(), in.extra(), in.state(),
                in.sequence(), in.l(), in.c(), in.b());
        assertEquals(L2_C1024, g.value(), 1e-13);
        assertArrayEquals(stateBefore, in.state(), "the state is passed by value");
        assertGolden(Golden.concat(g.main(), g.extra()));
    }

    @Test
    void handWrittenGradientMatchesTheGoldenValues() {
        LstmInput in = LstmInput.read("lstm_l2_c1024.txt");
        double[] main = new double[in.main().length];
        double[] extra = new double[in.extra().length];
        double value = new LstmHand(in.l(), in.c(), in.b()).vjp(in.main(), in.extra(), in.state(), in.sequence(), 1.0,
                main, extra);
        assertEquals(L2_C1024, value, 1e-13);
        assertGolden(Golden.concat(main, extra));
    }

    @Test
    void handWrittenGradientMatchesFiniteDifferencesAndCotangentOnFourLayers() {
        LstmInput file = LstmInput.read("lstm_l4_c1024.txt");
        int c = 40;
        LstmInput in = new LstmInput(file.l(), c, file.b(), file.main(), file.extra(), file.state(),
                Arrays.copyOf(file.sequence(), c * file.b()));
        double[] main = new double[in.main().length];
        double[] extra = new double[in.extra().length];
        LstmHand hand = new LstmHand(in.l(), c, in.b());
        hand.vjp(in.main(), in.extra(), in.state(), in.sequence(), 1.0, main, extra);
        double[] handGradient = Golden.concat(main, extra);
        int mains = in.main().length;
        GradCheck.assertGradient(p -> Lstm.lstmObjective(Arrays.copyOf(p, mains), Arrays.copyOfRange(p, mains, p.length),
                in.state(), in.sequence(), in.l(), c, in.b()), Golden.concat(in.main(), in.extra()), handGradient,
                1e-6, 1e-9);
        LstmDerivatives.LstmObjectiveGradient g = LstmDerivatives.lstmObjective_grad(in.main(), in.extra(), in.state(),
                in.sequence(), in.l(), c, in.b());
        Golden.assertClose("hand vs cotangent", Golden.concat(g.main(), g.extra()), handGradient, 1e-13);
        // a second call into fresh accumulators gives the same: the workspace is reset on every call
        double[] main2 = new double[main.length];
        double[] extra2 = new double[extra.length];
        hand.vjp(in.main(), in.extra(), in.state(), in.sequence(), 1.0, main2, extra2);
        assertArrayEquals(handGradient, Golden.concat(main2, extra2));
    }

    @Test
    void hipparchusForwardModeInChunksAgreesWithCotangent() {
        LstmInput file = LstmInput.read("lstm_l2_c1024.txt");
        int c = 12;
        LstmInput in = new LstmInput(file.l(), c, file.b(), file.main(), file.extra(), file.state(),
                Arrays.copyOf(file.sequence(), c * file.b()));
        double[] hipparchus = new double[in.parameterCount()];
        double value = 0;
        for (int first = 0; first < hipparchus.length; first += 100) {
            value = LstmHipparchus.pass(in, first, 100, hipparchus);
        }
        LstmDerivatives.LstmObjectiveGradient g = LstmDerivatives.lstmObjective_grad(in.main(), in.extra(), in.state(),
                in.sequence(), in.l(), c, in.b());
        assertEquals(g.value(), value, 1e-14);
        Golden.assertClose("hipparchus vs cotangent", Golden.concat(g.main(), g.extra()), hipparchus, 1e-13);
    }

    @ParameterizedTest
    @CsvSource({
            "lstm_l2_c1024.txt, 0.666665179558852",
            "lstm_l4_c1024.txt, 0.710676638558428",
            "lstm_l2_c4096.txt, 0.694856334236502",
            "lstm_l4_c4096.txt, 0.687268403981811"})
    void objectivesOfTheBenchmarkFilesMatchTheCrossCheckValues(String file, double expected) {
        LstmInput in = LstmInput.read(file);
        assertEquals(expected, in.objective(), 1e-12, file);
    }

    private static void assertGolden(double[] gradient) {
        double[] golden = Golden.numbers("lstm_l2_c1024.expected.txt");
        Golden.assertClose("objective (8 digits)", golden[0], L2_C1024, 1e-8);
        assertEquals(266, (int) golden[1]);
        Golden.assertClose("gradient", Arrays.copyOfRange(golden, 2, golden.length), gradient, ADBENCH_TOLERANCE);
    }
}
