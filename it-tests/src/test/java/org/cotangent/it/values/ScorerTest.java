package org.cotangent.it.values;

import org.cotangent.runtime.Dual;
import org.junit.jupiter.api.Test;

/** Fields of a receiver that hold values of value types, read as constants. */
class ScorerTest {
    @Test
    void fieldsHoldingValuesAreConstants() {
        Scorer scorer = new Scorer(new Params(new double[] {0.3, -0.6, 0.9}, 0.2), new Vec3(0.5, -1.0, 0.25));
        FlatCheck.check("score", 6, r -> FlatCheck.gaussian(r, 3, 0.8),
                scorer::score,
                x -> ScorerDerivatives.score_grad(scorer, x).x(),
                (x, seed, acc) -> ScorerDerivatives.score_vjp(scorer, x, seed, acc),
                (x, u) -> {
                    Dual d = ScorerDerivatives.score_jvp(scorer, x, u);
                    return new double[] {d.value(), d.tangent()};
                });
    }
}
