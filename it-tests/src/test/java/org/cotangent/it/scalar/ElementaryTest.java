package org.cotangent.it.scalar;

import static org.cotangent.it.scalar.Check.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ElementaryTest {
    @Test
    void poly() {
        scalar("poly", "x y", v -> Elementary.poly(v[0], v[1]),
                v -> ElementaryDerivatives.poly_grad(v[0], v[1]),
                (v, s, a) -> ElementaryDerivatives.poly_vjp(v[0], v[1], s, a[0], a[1]),
                new double[] {1.5, -0.3}, new double[] {0.2, 2.0}, new double[] {-1.1, 0.7});
    }

    @Test
    void polyGradientByHand() {
        // d/dx = 9x^2 - 2y, d/dy = -2x + y/2
        ElementaryDerivatives.PolyGradient g = ElementaryDerivatives.poly_grad(1.5, -0.3);
        assertEquals(9 * 2.25 + 0.6, g.x(), 1e-12);
        assertEquals(-3.0 - 0.15, g.y(), 1e-12);
    }

    @Test
    void rational() {
        scalar("rational", "x y", v -> Elementary.rational(v[0], v[1]),
                v -> ElementaryDerivatives.rational_grad(v[0], v[1]),
                (v, s, a) -> ElementaryDerivatives.rational_vjp(v[0], v[1], s, a[0], a[1]),
                new double[] {0.5, 1.5}, new double[] {-1.2, 0.3}, new double[] {2.0, -0.7});
    }

    @Test
    void rosenbrock() {
        scalar("rosenbrock", "x y", v -> Elementary.rosenbrock(v[0], v[1]),
                v -> ElementaryDerivatives.rosenbrock_grad(v[0], v[1]),
                (v, s, a) -> ElementaryDerivatives.rosenbrock_vjp(v[0], v[1], s, a[0], a[1]),
                new double[] {-1.2, 1.0}, new double[] {0.5, 0.5}, new double[] {1.1, 1.3});
    }

    @Test
    void rosenbrockMinimum() {
        // the minimum (1, 1): gradient exactly 0
        Check.exact("rosenbrock", "x y", v -> Elementary.rosenbrock(v[0], v[1]),
                v -> ElementaryDerivatives.rosenbrock_grad(v[0], v[1]),
                (v, s, a) -> ElementaryDerivatives.rosenbrock_vjp(v[0], v[1], s, a[0], a[1]),
                new double[] {1.0, 1.0}, 0.0, 0.0);
    }

    @Test
    void negations() {
        scalar("negations", "x y", v -> Elementary.negations(v[0], v[1]),
                v -> ElementaryDerivatives.negations_grad(v[0], v[1]),
                (v, s, a) -> ElementaryDerivatives.negations_vjp(v[0], v[1], s, a[0], a[1]),
                new double[] {1.5, -0.3}, new double[] {-0.8, 2.5}, new double[] {0.3, 0.4});
    }

    @Test
    void remainder() {
        scalar("remainder", "x y", v -> Elementary.remainder(v[0], v[1]),
                v -> ElementaryDerivatives.remainder_grad(v[0], v[1]),
                (v, s, a) -> ElementaryDerivatives.remainder_vjp(v[0], v[1], s, a[0], a[1]),
                new double[] {7.3, 2.0}, new double[] {-5.5, 1.5}, new double[] {2.2, -0.9});
    }

    @Test
    void constants() {
        scalar("constants", "x", v -> Elementary.constants(v[0]),
                v -> ElementaryDerivatives.constants_grad(v[0]),
                (v, s, a) -> ElementaryDerivatives.constants_vjp(v[0], s, a[0]),
                new double[] {0.7}, new double[] {-1.3}, new double[] {2.4});
    }

    @Test
    void threeVariables() {
        scalar("threeVariables", "a b c", v -> Elementary.threeVariables(v[0], v[1], v[2]),
                v -> ElementaryDerivatives.threeVariables_grad(v[0], v[1], v[2]),
                (v, s, a) -> ElementaryDerivatives.threeVariables_vjp(v[0], v[1], v[2], s, a[0], a[1], a[2]),
                new double[] {1.0, 2.0, 3.0}, new double[] {-0.5, 1.5, 0.8}, new double[] {2.2, -0.7, -1.1});
    }

    @Test
    void quotients() {
        scalar("quotients", "x y", v -> Elementary.quotients(v[0], v[1]),
                v -> ElementaryDerivatives.quotients_grad(v[0], v[1]),
                (v, s, a) -> ElementaryDerivatives.quotients_vjp(v[0], v[1], s, a[0], a[1]),
                new double[] {0.5, 1.5}, new double[] {-1.2, 0.8}, new double[] {2.0, -2.5});
    }

    @ParameterizedTest
    @ValueSource(ints = {3, -4, 7})
    void mixedInt(int n) {
        scalar("mixedInt", "x", v -> Elementary.mixedInt(v[0], n),
                v -> ElementaryDerivatives.mixedInt_grad(v[0], n),
                (v, s, a) -> ElementaryDerivatives.mixedInt_vjp(v[0], n, s, a[0]),
                new double[] {0.8}, new double[] {-1.7}, new double[] {2.5});
    }

    @ParameterizedTest
    @CsvSource({"0.5, 3", "-1.3, -2", "2.0, 0"})
    void scaledPowerWrtXOnly(double y, int n) {
        scalar("scaledPower", "x", v -> Elementary.scaledPower(v[0], y, n),
                v -> ElementaryDerivatives.scaledPower_grad(v[0], y, n),
                (v, s, a) -> ElementaryDerivatives.scaledPower_vjp(v[0], y, n, s, a[0]),
                new double[] {1.3}, new double[] {0.6}, new double[] {-0.9});
    }

    @Test
    void literals() {
        scalar("literals", "x", v -> Elementary.literals(v[0]),
                v -> ElementaryDerivatives.literals_grad(v[0]),
                (v, s, a) -> ElementaryDerivatives.literals_vjp(v[0], s, a[0]),
                new double[] {0.5}, new double[] {-2.0}, new double[] {3.0});
    }
}
