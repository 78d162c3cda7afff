package org.cotangent.it.calls;

import org.cotangent.runtime.GradCheck;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrivateStateTest {
    @Test
    void privateStaticField() {
        for (double x : new double[] {-1.2, 0.3, 2.0}) {
            PrivateStateDerivatives.ScaledGradient g = PrivateStateDerivatives.scaled_grad(x);
            assertEquals(PrivateState.scaled(x), g.value());
            GradCheck.Result r = GradCheck.check(v -> PrivateState.scaled(v[0]), new double[] {x}, new double[] {g.x()});
            assertTrue(r.passed(), r.toString());
            assertEquals(g.x(), PrivateStateDerivatives.scaled_jvp(x, 1.0).tangent(), 1e-12 * Math.abs(g.x()));
        }
    }

    @Test
    void privateInstanceFields() {
        PrivateState state = new PrivateState(new double[] {0.5, -1.5, 2.0}, 0.25);
        double[] x = {0.7, -0.2, 1.1};
        PrivateStateDerivatives.EnergyGradient g = PrivateStateDerivatives.energy_grad(state, x);
        assertEquals(state.energy(x), g.value());
        GradCheck.Result r = GradCheck.check(state::energy, x, g.x());
        assertTrue(r.passed(), r.toString());
    }
}
