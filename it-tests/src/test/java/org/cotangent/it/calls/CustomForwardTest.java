package org.cotangent.it.calls;

import org.cotangent.runtime.Dual;
import org.cotangent.runtime.GradCheck;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustomForwardTest {
    @Test
    void forwardModeCallsTheCustomJvpAndAgreesWithReverse() {
        double a = 0.7;
        double b = -1.3;
        CustomForwardDerivatives.ModelGradient g = CustomForwardDerivatives.model_grad(a, b);
        GradCheck.Result r = GradCheck.check(v -> CustomForward.model(v[0], v[1]), new double[] {a, b},
                new double[] {g.a(), g.b()});
        assertTrue(r.passed(), r.toString());
        int before = CustomForward.forwardCalls;
        Dual d = CustomForwardDerivatives.model_jvp(a, b, 0.3, -0.8);
        assertEquals(2, CustomForward.forwardCalls - before, "the @CustomJvp rule runs once per call site");
        assertEquals(CustomForward.model(a, b), d.value());
        double expected = 0.3 * g.a() - 0.8 * g.b();
        assertEquals(expected, d.tangent(), 1e-12 * (Math.abs(0.3 * g.a()) + Math.abs(0.8 * g.b())));
    }
}
