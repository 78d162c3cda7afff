package org.cotangent.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cotangent.runtime.GradCheck;
import org.junit.jupiter.api.Test;

class FitLotkaVolterraTest {
    @Test
    void everyFitRecoversTheParametersWithinTwoPercent() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<FitLotkaVolterra.Fit> fits = FitLotkaVolterra.run(new PrintStream(log, true, StandardCharsets.UTF_8), 1);
        String text = log.toString(StandardCharsets.UTF_8);
        assertEquals(5, fits.size(), text);
        for (FitLotkaVolterra.Fit fit : fits) {
            assertTrue(fit.worstRelativeError() < 0.02, fit.method() + " is off by more than 2%:\n" + text);
        }
    }

    @Test
    void generatedJacobianMatchesTheTangentsAndFiniteDifferences() {
        double[] p = FitLotkaVolterra.START;
        double[][] generated = LotkaVolterraDerivatives.trajectory_jacobian(p[0], p[1], p[2], p[3],
                FitLotkaVolterra.Y0, FitLotkaVolterra.DT, FitLotkaVolterra.STEPS_PER_SAMPLE, FitLotkaVolterra.SAMPLES);
        double[][] numeric = FitLotkaVolterra.centralDifferenceJacobian(p, new int[2]);
        assertEquals(2 * FitLotkaVolterra.SAMPLES, generated.length);
        for (int i = 0; i < generated.length; i++) {
            for (int j = 0; j < p.length; j++) {
                assertEquals(numeric[i][j], generated[i][j], 1e-6 * (1 + Math.abs(numeric[i][j])), "J[" + i + "][" + j + "]");
            }
        }
    }

    @Test
    void misfitGradientMatchesFiniteDifferences() {
        double[] observed = FitLotkaVolterra.observations();
        double[] p = FitLotkaVolterra.START;
        LotkaVolterraDerivatives.MisfitGradient g = LotkaVolterraDerivatives.misfit_grad(p[0], p[1], p[2], p[3],
                FitLotkaVolterra.Y0, FitLotkaVolterra.DT, FitLotkaVolterra.STEPS_PER_SAMPLE, observed);
        GradCheck.assertGradient(q -> LotkaVolterra.misfit(q[0], q[1], q[2], q[3], FitLotkaVolterra.Y0,
                        FitLotkaVolterra.DT, FitLotkaVolterra.STEPS_PER_SAMPLE, observed), p,
                new double[] {g.alpha(), g.beta(), g.delta(), g.gamma()});
        assertArrayEquals(new double[] {0.8, 0.12, 0.06, 1.3}, p, 0.0, "inputs untouched");
    }
}
