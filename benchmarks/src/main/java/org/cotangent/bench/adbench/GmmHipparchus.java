package org.cotangent.bench.adbench;

import org.hipparchus.analysis.differentiation.Gradient;

/**
 * The GMM objective over Hipparchus {@link Gradient}, forward mode: one pass carries the partial
 * derivatives with respect to {@code width} consecutive parameters (flattened as alphas, means,
 * icf) through every operation; a full gradient takes {@code ceil(P / width)} passes.
 */
public final class GmmHipparchus {
    private GmmHipparchus() {
    }

    /** One pass: writes the partials for parameters {@code first..first+width-1} into {@code out}; returns f. */
    public static double pass(GmmInput in, int first, int width, double[] out) {
        int d = in.d();
        int k = in.k();
        int icfSize = d * (d + 1) / 2;
        int meansStart = k;
        int icfStart = k + k * d;
        Gradient[] alphas = variables(in.alphas(), 0, first, width);
        Gradient[] means = variables(in.means(), meansStart, first, width);
        Gradient[] icf = variables(in.icf(), icfStart, first, width);
        Gradient[] sumQs = new Gradient[k];
        for (int c = 0; c < k; c++) {
            Gradient sum = Gradient.constant(width, 0);
            for (int j = 0; j < d; j++) {
                sum = sum.add(icf[c * icfSize + j]);
            }
            sumQs[c] = sum;
        }
        Gradient[] mainTerm = new Gradient[k];
        Gradient[] xCentered = new Gradient[d];
        Gradient[] qxCentered = new Gradient[d];
        double[] x = in.x();
        Gradient slse = Gradient.constant(width, 0);
        for (int i = 0; i < in.n(); i++) {
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    xCentered[j] = means[c * d + j].negate().add(x[i * d + j]);
                    qxCentered[j] = icf[c * icfSize + j].exp().multiply(xCentered[j]);
                }
                int l = c * icfSize + d;
                for (int col = 0; col < d; col++) {
                    for (int row = col + 1; row < d; row++) {
                        qxCentered[row] = qxCentered[row].add(icf[l++].multiply(xCentered[col]));
                    }
                }
                Gradient sqNorm = Gradient.constant(width, 0);
                for (int j = 0; j < d; j++) {
                    sqNorm = sqNorm.add(qxCentered[j].square());
                }
                mainTerm[c] = alphas[c].add(sumQs[c]).subtract(sqNorm.multiply(0.5));
            }
            slse = slse.add(logSumExp(mainTerm));
        }
        int n = in.n();
        Gradient result = slse.subtract(logSumExp(alphas).multiply(n));
        double gamma = in.wishartGamma();
        int m = in.wishartM();
        for (int c = 0; c < k; c++) {
            Gradient frobenius = Gradient.constant(width, 0);
            for (int j = 0; j < d; j++) {
                frobenius = frobenius.add(icf[c * icfSize + j].exp().square());
            }
            for (int j = d; j < icfSize; j++) {
                frobenius = frobenius.add(icf[c * icfSize + j].square());
            }
            result = result.add(frobenius.multiply(0.5 * gamma * gamma)).subtract(sumQs[c].multiply(m));
        }
        double constant = -n * d * 0.5 * Math.log(2 * Gmm.ADBENCH_PI) - k * Gmm.wishartConstant(d, gamma, m);
        result = result.add(constant);
        double[] gradient = result.getGradient();
        System.arraycopy(gradient, 0, out, first, Math.min(width, out.length - first));
        return result.getValue();
    }

    private static Gradient logSumExp(Gradient[] v) {
        double max = v[0].getValue();
        for (Gradient g : v) {
            max = Math.max(max, g.getValue());
        }
        Gradient sum = v[0].getField().getZero();
        for (Gradient g : v) {
            sum = sum.add(g.subtract(max).exp());
        }
        return sum.log().add(max);
    }

    private static Gradient[] variables(double[] values, int offset, int first, int width) {
        Gradient[] result = new Gradient[values.length];
        for (int i = 0; i < values.length; i++) {
            int index = offset + i - first;
            result[i] = index >= 0 && index < width ? Gradient.variable(width, index, values[i])
                    : Gradient.constant(width, values[i]);
        }
        return result;
    }
}
