package org.cotangent.it.calls;

import org.cotangent.Differentiable;

/** Mutual recursion across two classes: ping calls Pong.pong, which calls ping. */
public final class Ping {
    private Ping() {
    }

    @Differentiable
    public static double ping(double x, int n) {
        if (n <= 0) {
            return Math.exp(0.1 * x);
        }
        return x + 0.5 * Pong.pong(x * 0.9, n - 1);
    }
}
