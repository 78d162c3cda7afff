package org.cotangent.bench.adbench;

import org.cotangent.runtime.GradCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Random;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BA residuals and the CSR Jacobian against ADBench's golden values, by every method. */
class BaTest {
    private static final double ADBENCH_TOLERANCE = 1e-8;

    @Test
    void residualsMatchTheGoldenValues() {
        BaInput in = BaInput.read("test.txt");
        double[] golden = Golden.numbers("ba_test.expected.txt");
        double[] residuals = new double[3 * in.p()];
        in.residuals(residuals);
        for (int i = 0; i < in.p(); i++) {
            Golden.assertClose("e" + i + ".x", golden[0], residuals[2 * i], ADBENCH_TOLERANCE);
            Golden.assertClose("e" + i + ".y", golden[1], residuals[2 * i + 1], ADBENCH_TOLERANCE);
            Golden.assertClose("g" + i, golden[2], residuals[2 * in.p() + i], ADBENCH_TOLERANCE);
        }
    }

    @Test
    void csrStructureHasFifteenColumnsPerReprojectionRowInOrder() {
        BaInput in = BaInput.read("test.txt");
        double[] golden = Golden.numbers("ba_test.expected.txt");
        BaJacobian j = new BaJacobian(in);
        assertEquals((int) golden[3], j.rows());
        assertEquals((int) golden[4], in.columns());
        assertEquals((int) golden[5], j.values.length);
        for (int row = 0; row < j.rows(); row++) {
            int count = j.rowStart[row + 1] - j.rowStart[row];
            assertEquals(row < 2 * in.p() ? 15 : 1, count, "row " + row);
            for (int at = j.rowStart[row] + 1; at < j.rowStart[row + 1]; at++) {
                assertTrue(j.columns[at - 1] < j.columns[at], "columns ascend in row " + row);
            }
        }
    }

    @Test
    void cotangentJacobianByJacobianMatchesTheGoldenValues() {
        BaJacobian j = new BaJacobian(BaInput.read("test.txt"));
        j.fillByJacobian();
        assertGolden(j.values);
    }

    @Test
    void cotangentJacobianByTwoVjpsMatchesTheGoldenValues() {
        BaJacobian j = new BaJacobian(BaInput.read("test.txt"));
        j.fillByVjp();
        assertGolden(j.values);
        j.fillByVjp();
        assertGolden(j.values);
    }

    @Test
    void handWrittenJacobianMatchesTheGoldenValues() {
        BaJacobian j = new BaJacobian(BaInput.read("test.txt"));
        j.fillByHand();
        assertGolden(j.values);
    }

    @Test
    void hipparchusJacobianMatchesTheGoldenValues() {
        BaJacobian j = new BaJacobian(BaInput.read("test.txt"));
        j.fillByHipparchus();
        assertGolden(j.values);
    }

    @Test
    void finiteDifferenceJacobianIsCloseToTheGoldenValues() {
        BaInput in = BaInput.read("test.txt");
        BaJacobian j = new BaJacobian(in);
        j.fillByFiniteDifferences(in.p());
        double[] golden = Golden.numbers("ba_test.expected.txt");
        Golden.assertClose("CSR values by differences", Arrays.copyOfRange(golden, 6, golden.length), j.values, 1e-6);
    }

    @Test
    void handWrittenBlockMatchesFiniteDifferencesAndCotangentAtRandomPoints() {
        BaInput in = BaInput.read("test.txt");
        Random random = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            double[] params = new double[15];
            double[] camera = in.cameras()[0];
            double[] point = in.points()[0];
            for (int j = 0; j < 11; j++) {
                params[j] = camera[j] * (1 + 0.2 * (random.nextDouble() - 0.5)) + 0.01 * random.nextGaussian();
            }
            if (trial == 0) {
                params[0] = 0;
                params[1] = 0;
                params[2] = 0; // the first-order branch at theta = 0
            }
            for (int j = 0; j < 3; j++) {
                params[11 + j] = point[j] + random.nextGaussian();
            }
            params[14] = in.weights()[0] + 0.1 * random.nextGaussian();
            double[] feature = in.features()[0];
            double[] hand = new double[30];
            BaHand.jacobian(Arrays.copyOf(params, 11), Arrays.copyOfRange(params, 11, 14), params[14], feature, hand, 0);
            double[][] generated = BaDerivatives.reprojection_jacobian(Arrays.copyOf(params, 11),
                    Arrays.copyOfRange(params, 11, 14), params[14], feature);
            for (int row = 0; row < 2; row++) {
                int r = row;
                double[] handRow = Arrays.copyOfRange(hand, 15 * row, 15 * row + 15);
                if (trial > 0) {
                    // at theta = 0 the residual is not smooth in the rotation (the branch), so no differences there
                    ToDoubleFunction<double[]> e = p -> Ba.reprojection(Arrays.copyOf(p, 11), Arrays.copyOfRange(p, 11, 14),
                            p[14], feature)[r];
                    GradCheck.assertGradient(e, params, handRow, 1e-6, 1e-7);
                }
                Golden.assertClose("trial " + trial + " row " + row, generated[row], handRow, 1e-12);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ba1_n49_m7776_p31843.txt", "ba2_n21_m11315_p36455.txt", "ba3_n161_m48126_p182072.txt",
            "ba4_n372_m47423_p204472.txt", "ba5_n257_m65132_p225911.txt"})
    void residualsOfTheBenchmarkFilesMatchTheCrossCheckValues(String file) {
        BaInput in = BaInput.read(file);
        double[] residuals = new double[3 * in.p()];
        in.residuals(residuals);
        int last = in.p() - 1;
        assertEquals(0.101335837914414, residuals[2 * last], 1e-12);
        assertEquals(-0.0689677659244811, residuals[2 * last + 1], 1e-12);
        assertEquals(0.826092651516, residuals[2 * in.p() + last], 1e-12);
    }

    private static void assertGolden(double[] values) {
        double[] golden = Golden.numbers("ba_test.expected.txt");
        Golden.assertClose("CSR values", Arrays.copyOfRange(golden, 6, golden.length), values, ADBENCH_TOLERANCE);
    }
}
