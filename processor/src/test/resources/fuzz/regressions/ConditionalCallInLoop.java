package fuzz;

import org.cotangent.Differentiable;

/**
 * Fuzzer regression (seed 500788, present since the first release): a call inside a branch of ?: in a
 * loop becomes an if that sets a temporary; the temporary's declaration without a value, at the top
 * of the loop body, counted as a write in the analysis of what must be saved, so the temporary was
 * not saved before its overwrites and the backward sweep of every iteration but the last read the
 * last iteration's value: wrong gradients, no error.
 */
// fuzz: length=4
public class ConditionalCallInLoop {
    @Differentiable
    static double h0(double p, double q) {
        return q + p + q + p;
    }

    @Differentiable
    static double h1(double p, double q) {
        return q + p + Math.log10(1 + p * p);
    }

    @Differentiable
    static double h2(double p, double q) {
        double v0 = Math.signum(((-0.93) % 1.89));
        double v2 = 0.01 * Math.toDegrees(Math.tanh((-1.45)));
        return v0 + q + Math.atan2(p, 1.93 + Math.cos(h0(Math.atan(q), 1.5 * Math.tanh(0.5 * h1(p, v2)))));
    }

    @Differentiable
    public static double f(double[] x, double y) {
        double v0 = h0(Math.atan(h2(x[1], x[2])), (-1.51));
        double v1 = Math.hypot(x[2], 1.29);
        if (Math.sqrt(1.95 + Math.tanh(v1)) < y) {
        } else {
            for (double e6 : x) {
                v1 = Math.atan((y > 0.37 ? x[1] - v0 : h2(Math.tanh(v1), y)));
            }
        }
        double v8 = v1 * x[1];
        return v8 + Math.sin(v0) + Math.tanh(v0) + Math.sin(v1) * (-1.99);
    }
}

