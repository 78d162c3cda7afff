package org.cotangent.it.regressions;

import org.cotangent.Differentiable;

/**
 * The fuzzer's seed 3010980, shrunk: a call inside a loop whose value the backward sweep needs was
 * recomputed at the start of each backward iteration, before the array it reads was restored (the
 * label kept the private helper from being inlined, which hid the bug otherwise).
 */
public class LabelledLoop {
    @Differentiable
    static double h0(double p, double q) {
        return p + q + Math.log1p((-0.04) * (-0.04));
    }

    @Differentiable
    private static double h1(double[] v, double p) {
        for (int i5 = 0; i5 < 3; i5++) {
            L9: for (int i8 = 0; i8 < v.length; i8++) {
                for (double e13 : v) {
                    p -= Math.tanh(Math.abs(v[(i8 + i5) % v.length]));
                }
            }
        }
        return Math.sin(p) + Math.atan(p) * (Math.exp(0.49) * Math.min(Math.sin(p), Math.sin(p)));
    }

    @Differentiable
    public static double f(double a, double b) {
        double[] a0 = {Math.cos(0.16), (a + b) * ((-1.15) + 1.24)};
        for (int i6 = 0; i6 < a0.length; i6++) {
            L8: for (int i7 = 0; i7 < i6 + 1; i7 += 2) {
                a0[i7 % 2] *= Math.cos(h1(a0, Math.cos(0.64)));
            }
            L14: for (int i13 = 0; i13 < 4; i13++) {
                int k15 = 0;
                do {
                    k15++;
                    if (Math.abs(a) <= 0.53) {
                        return a0[(i6 + 2) % a0.length] / (2.65 + Math.sin(h0(1.5 * Math.tanh(0.5 * (-a0[i6 % 2])), 0.36)))
                                + Math.log10(1 + b * b);
                    }
                } while (k15 < 1);
            }
        }
        double v20 = (-0.64) - (-0.62);
        return a + v20 + b + Math.toRadians(Math.cos(a) - Math.exp(b));
    }
}
