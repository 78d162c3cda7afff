package org.cotangent.it.regressions;

import org.cotangent.Differentiable;

/** int-typed constant subexpressions inside double arithmetic (reverse mode once folded 1 / 2 into a halving). */
public class IntDivConst {
    /** 1 / 2 is int division (= 0): f(x) = x. */
    @Differentiable
    public static double f(double x) {
        return x + 1 / 2 * x;
    }

    /** 7 / 2 = 3 and 5 / 2 = 2: g(x) = 3x + x / 2. */
    @Differentiable
    public static double g(double x) {
        return 7 / 2 * x + x / (5 / 2);
    }
}
