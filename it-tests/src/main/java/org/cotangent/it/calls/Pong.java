package org.cotangent.it.calls;

import org.cotangent.Differentiable;

/** See {@link Ping}. */
public final class Pong {
    private Pong() {
    }

    @Differentiable
    public static double pong(double x, int n) {
        return Math.sin(x) * Ping.ping(x + 0.25, n - 1);
    }
}
