package org.cotangent.it.regressions;

import org.cotangent.Differentiable;

/** A user class named Tape, as the runtime's tape class: generated code must not confuse the two. */
public class Tape {
    final double k;

    public Tape(double k) {
        this.k = k;
    }

    @Differentiable
    public double f(double x) {
        double s = 0;
        for (int i = 0; i < 3; i++) {
            s = s * x + k;
        }
        return s;
    }
}
