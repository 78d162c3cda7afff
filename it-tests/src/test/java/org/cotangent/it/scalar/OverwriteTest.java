package org.cotangent.it.scalar;

import static org.cotangent.it.scalar.Check.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OverwriteTest {
    private static final double[][] PAIRS = {{0.5, 1.2}, {-1.0, 0.3}, {2.0, -0.7}};

    @Test
    void parameterOverwrite() {
        scalar("parameterOverwrite", "x y", v -> Overwrite.parameterOverwrite(v[0], v[1]),
                v -> OverwriteDerivatives.parameterOverwrite_grad(v[0], v[1]),
                (v, s, a) -> OverwriteDerivatives.parameterOverwrite_vjp(v[0], v[1], s, a[0], a[1]),
                PAIRS);
    }

    @Test
    void parameterOverwriteByHand() {
        // f = (sin(xy) + xy) y: d/dx = (cos(xy) + 1) y^2, d/dy = (cos(xy) + 1) xy + sin(xy) + xy
        double x = 0.5;
        double y = 1.2;
        double u = x * y;
        var g = OverwriteDerivatives.parameterOverwrite_grad(x, y);
        assertEquals((Math.cos(u) + 1) * y * y, g.x(), 1e-14);
        assertEquals((Math.cos(u) + 1) * u + Math.sin(u) + u, g.y(), 1e-14);
    }

    @Test
    void compoundAssignments() {
        scalar("compoundAssignments", "x y", v -> Overwrite.compoundAssignments(v[0], v[1]),
                v -> OverwriteDerivatives.compoundAssignments_grad(v[0], v[1]),
                (v, s, a) -> OverwriteDerivatives.compoundAssignments_vjp(v[0], v[1], s, a[0], a[1]),
                PAIRS);
    }

    @Test
    void selfCompound() {
        scalar("selfCompound", "x", v -> Overwrite.selfCompound(v[0]),
                v -> OverwriteDerivatives.selfCompound_grad(v[0]),
                (v, s, a) -> OverwriteDerivatives.selfCompound_vjp(v[0], s, a[0]),
                new double[] {0.5}, new double[] {-1.3}, new double[] {2.0});
    }

    @Test
    void selfCompoundByHand() {
        // x -> x^2 -> 2x^2 -> 2x^2/3 -> 2x^2/3 - 1 = u; f = u^2, f' = 2u * 4x/3; at x = 2: u = 5/3
        double u = 5.0 / 3;
        assertEquals(2 * u * 8.0 / 3, OverwriteDerivatives.selfCompound_grad(2.0).x(), 1e-13);
    }

    @Test
    void overwriteInBranch() {
        scalar("overwriteInBranch", "x y", v -> Overwrite.overwriteInBranch(v[0], v[1]),
                v -> OverwriteDerivatives.overwriteInBranch_grad(v[0], v[1]),
                (v, s, a) -> OverwriteDerivatives.overwriteInBranch_vjp(v[0], v[1], s, a[0], a[1]),
                new double[] {0.5, 1.2}, new double[] {-1.0, -0.3}, new double[] {2.0, 0.7}, new double[] {1.5, -2.0});
    }

    @Test
    void swap() {
        scalar("swap", "x y", v -> Overwrite.swap(v[0], v[1]),
                v -> OverwriteDerivatives.swap_grad(v[0], v[1]),
                (v, s, a) -> OverwriteDerivatives.swap_vjp(v[0], v[1], s, a[0], a[1]),
                PAIRS);
    }

    @Test
    void reuseAfterOverwrite() {
        scalar("reuseAfterOverwrite", "x", v -> Overwrite.reuseAfterOverwrite(v[0]),
                v -> OverwriteDerivatives.reuseAfterOverwrite_grad(v[0]),
                (v, s, a) -> OverwriteDerivatives.reuseAfterOverwrite_vjp(v[0], s, a[0]),
                new double[] {0.5}, new double[] {-1.3}, new double[] {2.0});
    }

    @Test
    void accumulate() {
        scalar("accumulate", "a b c", v -> Overwrite.accumulate(v[0], v[1], v[2]),
                v -> OverwriteDerivatives.accumulate_grad(v[0], v[1], v[2]),
                (v, s, a) -> OverwriteDerivatives.accumulate_vjp(v[0], v[1], v[2], s, a[0], a[1], a[2]),
                new double[] {1.0, 2.0, -0.5}, new double[] {-0.7, 0.3, 1.2}, new double[] {2.0, -1.5, 0.0});
    }

    @ParameterizedTest
    @ValueSource(ints = {3, -2})
    void intLocalsMix(int n) {
        scalar("intLocalsMix", "x", v -> Overwrite.intLocalsMix(v[0], n),
                v -> OverwriteDerivatives.intLocalsMix_grad(v[0], n),
                (v, s, a) -> OverwriteDerivatives.intLocalsMix_vjp(v[0], n, s, a[0]),
                new double[] {0.5}, new double[] {-1.3}, new double[] {2.0});
    }

    @Test
    void ternaryOverwrite() {
        scalar("ternaryOverwrite", "x y", v -> Overwrite.ternaryOverwrite(v[0], v[1]),
                v -> OverwriteDerivatives.ternaryOverwrite_grad(v[0], v[1]),
                (v, s, a) -> OverwriteDerivatives.ternaryOverwrite_vjp(v[0], v[1], s, a[0], a[1]),
                new double[] {2.0, 1.5}, new double[] {0.5, 0.6}, new double[] {-2.0, -1.0}, new double[] {1.5, 0.8},
                new double[] {0.2, -3.0});
    }
}
