package org.cotangent.it.scalar;

import static org.cotangent.it.scalar.Check.scalar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BranchesTest {
    @Test
    void nestedIf() {
        scalar("nestedIf", "x y", v -> Branches.nestedIf(v[0], v[1]),
                v -> BranchesDerivatives.nestedIf_grad(v[0], v[1]),
                (v, s, a) -> BranchesDerivatives.nestedIf_vjp(v[0], v[1], s, a[0], a[1]),
                new double[] {1.5, 2.0}, new double[] {0.7, -1.2}, new double[] {-1.0, 0.5}, new double[] {-0.5, -2.0});
    }

    @Test
    void ternary() {
        scalar("ternary", "x", v -> Branches.ternary(v[0]),
                v -> BranchesDerivatives.ternary_grad(v[0]),
                (v, s, a) -> BranchesDerivatives.ternary_vjp(v[0], s, a[0]),
                new double[] {1.5}, new double[] {-2.0}, new double[] {0.3}, new double[] {-0.7});
    }

    @Test
    void earlyReturns() {
        // one point per return statement, then one more
        scalar("earlyReturns", "x y", v -> Branches.earlyReturns(v[0], v[1]),
                v -> BranchesDerivatives.earlyReturns_grad(v[0], v[1]),
                (v, s, a) -> BranchesDerivatives.earlyReturns_vjp(v[0], v[1], s, a[0], a[1]),
                new double[] {-3.0, 1.5}, new double[] {3.5, 1.0}, new double[] {2.0, 1.5}, new double[] {1.0, 0.5},
                new double[] {-1.5, 2.0});
    }

    @Test
    void piecewise() {
        scalar("piecewise", "x", v -> Branches.piecewise(v[0]),
                v -> BranchesDerivatives.piecewise_grad(v[0]),
                (v, s, a) -> BranchesDerivatives.piecewise_vjp(v[0], s, a[0]),
                new double[] {-0.5}, new double[] {0.5}, new double[] {1.5}, new double[] {3.0});
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void booleanLogic(boolean flag) {
        scalar("booleanLogic", "x y", v -> Branches.booleanLogic(v[0], v[1], flag),
                v -> BranchesDerivatives.booleanLogic_grad(v[0], v[1], flag),
                (v, s, a) -> BranchesDerivatives.booleanLogic_vjp(v[0], v[1], flag, s, a[0], a[1]),
                new double[] {1.0, 2.0}, new double[] {-1.0, 0.5}, new double[] {0.5, -1.0});
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 7, 3})
    void intControl(int n) {
        scalar("intControl", "x", v -> Branches.intControl(v[0], n),
                v -> BranchesDerivatives.intControl_grad(v[0], n),
                (v, s, a) -> BranchesDerivatives.intControl_vjp(v[0], n, s, a[0]),
                new double[] {0.5}, new double[] {-1.3}, new double[] {2.2});
    }

    @Test
    void castBranch() {
        scalar("castBranch", "x", v -> Branches.castBranch(v[0]),
                v -> BranchesDerivatives.castBranch_grad(v[0]),
                (v, s, a) -> BranchesDerivatives.castBranch_vjp(v[0], s, a[0]),
                new double[] {2.3}, new double[] {3.7}, new double[] {-1.4}, new double[] {0.6});
    }

    @Test
    void castBranchByHand() {
        // (int) 3.7 = 3 is odd: 3x, slope 3; (int) 2.3 = 2 is even: x^2 - 2, slope 4.6
        assertEquals(3.0, BranchesDerivatives.castBranch_grad(3.7).x(), 0.0);
        assertEquals(4.6, BranchesDerivatives.castBranch_grad(2.3).x(), 1e-15);
    }

    @Test
    void branchAssign() {
        scalar("branchAssign", "x y", v -> Branches.branchAssign(v[0], v[1]),
                v -> BranchesDerivatives.branchAssign_grad(v[0], v[1]),
                (v, s, a) -> BranchesDerivatives.branchAssign_vjp(v[0], v[1], s, a[0], a[1]),
                new double[] {3.0, 1.0}, new double[] {1.0, 1.5}, new double[] {-1.0, 1.5}, new double[] {0.2, 0.0});
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 5})
    void longControl(long steps) {
        scalar("longControl", "x", v -> Branches.longControl(v[0], steps),
                v -> BranchesDerivatives.longControl_grad(v[0], steps),
                (v, s, a) -> BranchesDerivatives.longControl_vjp(v[0], steps, s, a[0]),
                new double[] {0.5}, new double[] {-2.0}, new double[] {3.3});
    }
}
