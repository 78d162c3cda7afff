package org.cotangent.it.scalar;

import static org.cotangent.it.scalar.Check.scalar;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Derivative code that reads the user's locals for calls it needs again, checked against finite differences. */
class SharedCallsTest {
    private static final double[][] PAIRS = {{0.5, 1.2}, {-1.0, 0.3}, {2.0, -0.7}, {1.1, -1.6}};

    @Test
    void rotation() {
        scalar("rotation", "theta x y", v -> SharedCalls.rotation(v[0], v[1], v[2]),
                v -> SharedCallsDerivatives.rotation_grad(v[0], v[1], v[2]),
                (v, s, a) -> SharedCallsDerivatives.rotation_vjp(v[0], v[1], v[2], s, a[0], a[1], a[2]),
                new double[] {0.3, 1.0, -0.5}, new double[] {-1.2, 0.4, 0.8}, new double[] {2.5, -0.3, 0.2});
    }

    @Test
    void holderOverwrittenAfter() {
        scalar("holderOverwrittenAfter", "x y", v -> SharedCalls.holderOverwrittenAfter(v[0], v[1]),
                v -> SharedCallsDerivatives.holderOverwrittenAfter_grad(v[0], v[1]),
                (v, s, a) -> SharedCallsDerivatives.holderOverwrittenAfter_vjp(v[0], v[1], s, a[0], a[1]),
                PAIRS);
    }

    @Test
    void argumentChanged() {
        scalar("argumentChanged", "x y", v -> SharedCalls.argumentChanged(v[0], v[1]),
                v -> SharedCallsDerivatives.argumentChanged_grad(v[0], v[1]),
                (v, s, a) -> SharedCallsDerivatives.argumentChanged_vjp(v[0], v[1], s, a[0], a[1]),
                PAIRS);
    }

    @Test
    void holderChanged() {
        scalar("holderChanged", "x y", v -> SharedCalls.holderChanged(v[0], v[1]),
                v -> SharedCallsDerivatives.holderChanged_grad(v[0], v[1]),
                (v, s, a) -> SharedCallsDerivatives.holderChanged_vjp(v[0], v[1], s, a[0], a[1]),
                PAIRS);
    }

    @Test
    void selfReading() {
        scalar("selfReading", "x", v -> SharedCalls.selfReading(v[0]),
                v -> SharedCallsDerivatives.selfReading_grad(v[0]),
                (v, s, a) -> SharedCallsDerivatives.selfReading_vjp(v[0], s, a[0]),
                new double[] {0.5}, new double[] {-1.3}, new double[] {2.0});
    }

    @Test
    void inBranches() {
        scalar("inBranches", "x y", v -> SharedCalls.inBranches(v[0], v[1]),
                v -> SharedCallsDerivatives.inBranches_grad(v[0], v[1]),
                (v, s, a) -> SharedCallsDerivatives.inBranches_vjp(v[0], v[1], s, a[0], a[1]),
                PAIRS);
    }

    @Test
    void powersAndLogs() {
        scalar("powersAndLogs", "x y", v -> SharedCalls.powersAndLogs(v[0], v[1]),
                v -> SharedCallsDerivatives.powersAndLogs_grad(v[0], v[1]),
                (v, s, a) -> SharedCallsDerivatives.powersAndLogs_vjp(v[0], v[1], s, a[0], a[1]),
                PAIRS);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5})
    void inLoop(int n) {
        scalar("inLoop", "x y", v -> SharedCalls.inLoop(v[0], v[1], n),
                v -> SharedCallsDerivatives.inLoop_grad(v[0], v[1], n),
                (v, s, a) -> SharedCallsDerivatives.inLoop_vjp(v[0], v[1], n, s, a[0], a[1]),
                PAIRS);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4})
    void beforeLoop(int n) {
        scalar("beforeLoop", "x y", v -> SharedCalls.beforeLoop(v[0], v[1], n),
                v -> SharedCallsDerivatives.beforeLoop_grad(v[0], v[1], n),
                (v, s, a) -> SharedCallsDerivatives.beforeLoop_vjp(v[0], v[1], n, s, a[0], a[1]),
                PAIRS);
    }
}
