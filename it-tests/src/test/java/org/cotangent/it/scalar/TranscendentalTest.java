package org.cotangent.it.scalar;

import static org.cotangent.it.scalar.Check.scalar;

import org.junit.jupiter.api.Test;

class TranscendentalTest {
    @Test
    void trig() {
        scalar("trig", "x", v -> Transcendental.trig(v[0]),
                v -> TranscendentalDerivatives.trig_grad(v[0]),
                (v, s, a) -> TranscendentalDerivatives.trig_vjp(v[0], s, a[0]),
                new double[] {0.3}, new double[] {1.2}, new double[] {-2.0});
    }

    @Test
    void inverseTrig() {
        scalar("inverseTrig", "x y", v -> Transcendental.inverseTrig(v[0], v[1]),
                v -> TranscendentalDerivatives.inverseTrig_grad(v[0], v[1]),
                (v, s, a) -> TranscendentalDerivatives.inverseTrig_vjp(v[0], v[1], s, a[0], a[1]),
                new double[] {0.3, -0.4}, new double[] {-0.6, 0.5}, new double[] {0.1, 0.8});
    }

    @Test
    void polar() {
        scalar("polar", "x y", v -> Transcendental.polar(v[0], v[1]),
                v -> TranscendentalDerivatives.polar_grad(v[0], v[1]),
                (v, s, a) -> TranscendentalDerivatives.polar_vjp(v[0], v[1], s, a[0], a[1]),
                new double[] {1.0, 0.5}, new double[] {-0.7, 1.3}, new double[] {0.4, -2.0},
                new double[] {-1.5, -0.2});
    }

    @Test
    void hyperbolic() {
        scalar("hyperbolic", "x", v -> Transcendental.hyperbolic(v[0]),
                v -> TranscendentalDerivatives.hyperbolic_grad(v[0]),
                (v, s, a) -> TranscendentalDerivatives.hyperbolic_vjp(v[0], s, a[0]),
                new double[] {0.4}, new double[] {-1.5}, new double[] {2.2});
    }

    @Test
    void expLog() {
        scalar("expLog", "x y", v -> Transcendental.expLog(v[0], v[1]),
                v -> TranscendentalDerivatives.expLog_grad(v[0], v[1]),
                (v, s, a) -> TranscendentalDerivatives.expLog_vjp(v[0], v[1], s, a[0], a[1]),
                new double[] {0.5, 1.5}, new double[] {-1.0, 0.3}, new double[] {1.2, 2.5});
    }

    @Test
    void roots() {
        scalar("roots", "x", v -> Transcendental.roots(v[0]),
                v -> TranscendentalDerivatives.roots_grad(v[0]),
                (v, s, a) -> TranscendentalDerivatives.roots_vjp(v[0], s, a[0]),
                new double[] {0.5}, new double[] {2.0}, new double[] {10.0});
    }

    @Test
    void power() {
        scalar("power", "x y", v -> Transcendental.power(v[0], v[1]),
                v -> TranscendentalDerivatives.power_grad(v[0], v[1]),
                (v, s, a) -> TranscendentalDerivatives.power_vjp(v[0], v[1], s, a[0], a[1]),
                new double[] {1.5, 2.3}, new double[] {0.4, -1.2}, new double[] {3.0, 0.5});
    }

    @Test
    void powerConstants() {
        scalar("powerConstants", "x", v -> Transcendental.powerConstants(v[0]),
                v -> TranscendentalDerivatives.powerConstants_grad(v[0]),
                (v, s, a) -> TranscendentalDerivatives.powerConstants_vjp(v[0], s, a[0]),
                new double[] {0.5}, new double[] {1.7}, new double[] {3.2});
    }

    @Test
    void angles() {
        scalar("angles", "degrees x", v -> Transcendental.angles(v[0], v[1]),
                v -> TranscendentalDerivatives.angles_grad(v[0], v[1]),
                (v, s, a) -> TranscendentalDerivatives.angles_vjp(v[0], v[1], s, a[0], a[1]),
                new double[] {30.0, 0.5}, new double[] {-135.0, -2.0}, new double[] {400.0, 1.5});
    }

    @Test
    void fused() {
        scalar("fused", "a b c", v -> Transcendental.fused(v[0], v[1], v[2]),
                v -> TranscendentalDerivatives.fused_grad(v[0], v[1], v[2]),
                (v, s, a) -> TranscendentalDerivatives.fused_vjp(v[0], v[1], v[2], s, a[0], a[1], a[2]),
                new double[] {1.5, -2.0, 0.5}, new double[] {-0.3, 0.7, 2.0}, new double[] {2.0, 3.0, -1.0});
    }

    @Test
    void strict() {
        scalar("strict", "x y", v -> Transcendental.strict(v[0], v[1]),
                v -> TranscendentalDerivatives.strict_grad(v[0], v[1]),
                (v, s, a) -> TranscendentalDerivatives.strict_vjp(v[0], v[1], s, a[0], a[1]),
                new double[] {0.5, 0.3}, new double[] {-1.2, -0.8}, new double[] {2.0, 1.1});
    }

    @Test
    void nested() {
        scalar("nested", "x", v -> Transcendental.nested(v[0]),
                v -> TranscendentalDerivatives.nested_grad(v[0]),
                (v, s, a) -> TranscendentalDerivatives.nested_vjp(v[0], s, a[0]),
                new double[] {0.3}, new double[] {-1.1}, new double[] {2.5});
    }
}
