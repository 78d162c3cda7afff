package org.cotangent.it.calls;

import org.cotangent.CustomVjp;

/** Bessel functions of the first kind by their power series; no @Differentiable here. */
public final class Bessel {
    private Bessel() {
    }

    /** J0(x) = sum_k (-x^2/4)^k / (k!)^2. */
    public static double j0(double x) {
        double q = -0.25 * x * x;
        double term = 1;
        double sum = 1;
        for (int k = 1; k < 60; k++) {
            term *= q / ((double) k * k);
            sum += term;
        }
        return sum;
    }

    /** J1(x) = (x/2) sum_k (-x^2/4)^k / (k! (k+1)!). */
    public static double j1(double x) {
        double q = -0.25 * x * x;
        double term = 0.5 * x;
        double sum = term;
        for (int k = 1; k < 60; k++) {
            term *= q / ((double) k * (k + 1));
            sum += term;
        }
        return sum;
    }

    /** The rule lives in a class of its own, pointing back with in = Bessel.class. */
    public static final class Rules {
        private Rules() {
        }

        @CustomVjp(of = "j0", in = Bessel.class)
        public static double j0_vjp(double x, double seed, double[] x_adj) {
            x_adj[0] -= seed * j1(x);
            return j0(x);
        }
    }
}
