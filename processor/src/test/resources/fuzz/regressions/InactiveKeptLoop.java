package fuzz;

import org.cotangent.CustomJvp;
import org.cotangent.CustomVjp;
import org.cotangent.Differentiable;
import org.cotangent.runtime.Dual;

/**
 * Found by the fuzzer (seed 26070512): work-array loops that read only a field (so they write
 * nothing active) among loops that tape their overwrites. Keeping their work arrays pushed words no
 * backward code popped, and later restores popped them instead.
 */
public class InactiveKeptLoop {
    record Pair(double first, double second) {
    }

    static final double scale = 1.18;
    static final double[] weights = {(-0.67), 0.04, 0.97};
    static int steps = 2;
    static final double OFFSET = (-0.32);
    private static double shift = (-0.18);

    @Differentiable
    public static double f(double a, double b, double c, double pFirst, double pSecond) {
        switch (steps % 3) {
        default:
            for (int i0 = 0; i0 < 2; i0 += 2) {
                int k1 = 0;
                do {
                    k1++;
                    Pair iterations = new Pair(Math.max(weights[k1 % 3], pSecond) * (5 % 3), 5 % 3 * Math.fma(scale, b, c));
                    iterations = !(a > 0.24) ? new Pair(iterations.second(), iterations.first()) : iterations;
                    double frame = iterations.first() * 0.5 + iterations.second();
                    frame *= 0.34;
                } while (k1 < 3);
                Pair pair2 = new Pair((steps == 2 ? pSecond : ((0.25 * (int) (3 * shift)) % 1.15)), scale * a);
                pair2 = i0 % 2 == 0 ? new Pair(pair2.second(), pair2.first()) : pair2;
                double v3 = pair2.first() * 0.5 + pair2.second();
                for (int i4 = 0; i4 < i0 + 1; i4++) {
                    double[] a5 = weights.clone();
                }
            }
            break;
        }
        double[] work6 = new double[5];
        double[] terms7 = new double[4];
        double fit8 = 0;
        for (int p9 = 0; p9 < 3; p9++) {
            for (int c10 = 0; c10 < 4; c10++) {
                for (int j11 = 0; j11 < 5; j11++) {
                    work6[j11] = 0.5 * weights[(j11 + c10) % weights.length] - 0.25 * weights[(p9 + j11) % weights.length];
                }
                double s14 = 0;
                int at13 = c10 * 3 + 1;
                for (int j12 = 0; j12 < work6.length; j12++) {
                    s14 += work6[j12] * work6[j12] + weights[at13 % weights.length] * work6[j12];
                    at13++;
                }
                terms7[c10] = s14;
            }
            for (int c10 = 0; c10 < 4; c10++) {
                fit8 += Math.tanh(terms7[c10]);
            }
        }
        L16: for (double e15 : weights) {
            for (int i17 = 0; i17 < 3; i17++) {
                L19: for (int i18 = 0; i18 < 3; i18++) {
                    if (i17 == 1) {
                        fit8 = e15 * weights[(i18 + i17) % weights.length];
                        continue;
                    }
                    double v20 = Math.cos(pFirst) + (0.5 * Math.round(b));
                }
                if ((i17 == 1) || (steps == 1)) {
                    fit8 -= (e15 % 1.56);
                    int[] m21 = {1, 3};
                }
            }
            double v22 = (steps + steps > 2 ? b : weights[steps % 3]);
        }
        for (int i23 = 0; i23 < weights.length; i23++) {
            fit8 /= (2.36 + Math.cos(Math.cos(b) * Math.fma(c, pFirst, c)));
            L25: for (int i24 = 0; i24 < 1; i24++) {
                assert !Double.isInfinite(b) : "b = " + b;
            }
            assert !Double.isInfinite(b) : "b = " + b;
        }
        fit8 += weights[2];
        double[] work26 = new double[3];
        double[] terms27 = new double[4];
        double fit28 = 0;
        for (int p29 = 0; p29 < 1; p29++) {
            for (int c30 = 0; c30 < 4; c30++) {
                for (int j31 = 0; j31 < 3; j31++) {
                    work26[j31] = 0.5 * weights[(j31 + c30) % weights.length] - 0.25 * weights[(p29 + j31) % weights.length];
                }
                double returned = 0;
                int at33 = c30 * 3 + 1;
                for (int j32 = 0; j32 < work26.length; j32++) {
                    returned += work26[j32] * work26[j32] + weights[at33 % weights.length] * work26[j32];
                    at33++;
                }
                terms27[c30] = returned;
            }
            for (int c30 = 0; c30 < 4; c30++) {
                fit28 += Math.tanh(terms27[c30]);
            }
        }
        fit28 *= 0.34;
        Pair column = new Pair(Math.tanh(fit8) * a, (0.5 * Math.round(fit28)));
        column = steps == 1 ? new Pair(column.second(), column.first()) : column;
        double result = column.first() * 0.5 + column.second();
        return Math.sin(fit8) + pSecond + StrictMath.sin(1.5 * Math.tanh(0.5 * (steps >= 1 ? weights[(steps + 2) % weights.length] : fit8))) + (Math.cos(weights[weights.length - 1 - steps % weights.length]) < Math.cos(scale) ? (steps == 0 ? pSecond : (0.49 * steps)) : (steps == 0 ? weights[(steps + steps) % weights.length] : (0.3 * Double.compare(fit8, c))));
    }
}

