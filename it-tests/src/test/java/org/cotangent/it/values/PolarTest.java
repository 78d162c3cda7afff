package org.cotangent.it.values;

import java.util.Arrays;
import org.cotangent.runtime.Dual;
import org.junit.jupiter.api.Test;

/** A final class with private fields read through its getters, as self and as a parameter. */
class PolarTest {
    private static Polar polar(double[] f) {
        return new Polar(f[0], f[1], Arrays.copyOfRange(f, 2, 5));
    }

    @Test
    void privateFieldsThroughGetters() {
        // layout: radius, angle, weights (3), t
        FlatCheck.check("energy", 5, r -> FlatCheck.gaussian(r, 6, 1.0),
                f -> polar(f).energy(f[5]),
                f -> {
                    var g = PolarDerivatives.energy_grad(polar(f), f[5]);
                    return FlatCheck.concat(g.self().toArray(), new double[] {g.t()});
                },
                (f, seed, acc) -> {
                    PolarTangent s = new PolarTangent(acc[0], acc[1], Arrays.copyOfRange(acc, 2, 5));
                    double[] t = {acc[5]};
                    double v = PolarDerivatives.energy_vjp(polar(f), f[5], seed, s, t);
                    System.arraycopy(FlatCheck.concat(s.toArray(), t), 0, acc, 0, 6);
                    return v;
                },
                (f, u) -> {
                    Dual d = PolarDerivatives.energy_jvp(polar(f), f[5],
                            new PolarTangent(u[0], u[1], Arrays.copyOfRange(u, 2, 5)), u[5]);
                    return new double[] {d.value(), d.tangent()};
                });
        Polar q = new Polar(0.7, -0.3, new double[] {1, 2, 3});
        FlatCheck.check("spread", 5, r -> FlatCheck.gaussian(r, 5, 1.0),
                f -> Polar.spread(polar(f), q),
                f -> PolarDerivatives.spread_grad(polar(f), q).p().toArray(),
                (f, seed, acc) -> {
                    PolarTangent s = new PolarTangent(acc[0], acc[1], Arrays.copyOfRange(acc, 2, 5));
                    double v = PolarDerivatives.spread_vjp(polar(f), q, seed, s);
                    System.arraycopy(s.toArray(), 0, acc, 0, 5);
                    return v;
                },
                (f, u) -> {
                    Dual d = PolarDerivatives.spread_jvp(polar(f), q,
                            new PolarTangent(u[0], u[1], Arrays.copyOfRange(u, 2, 5)));
                    return new double[] {d.value(), d.tangent()};
                });
    }
}
