package org.cotangent.bench.adbench;

import org.cotangent.Differentiable;
import org.hipparchus.special.Gamma;

/**
 * ADBench's GMM objective (OBJECTIVES.md §3.1) written as a user of Cotangent would write it: one
 * method over flat arrays, with the data and the Wishart parameters as constants.
 */
public final class Gmm {
    /** The value of π that ADBench's C++ reference uses; the golden values were computed with it. */
    static final double ADBENCH_PI = 3.14159265359;

    private Gmm() {
    }

    /**
     * The log-likelihood of the points {@code x} under the mixture, plus the negative log Wishart
     * prior of its inverse covariances (the sign convention of ADBench, kept so the golden values
     * hold).
     */
    @Differentiable(wrt = {"alphas", "means", "icf"})
    public static double gmmObjective(double[] alphas, double[] means, double[] icf, double[] x, int d, int k, int n,
                                      double wishartGamma, int wishartM) {
        int icfSize = d * (d + 1) / 2;
        // per component: the sum of q (ln det Q) and the diagonal exp(q), computed once for all points
        double[] sumQs = new double[k];
        double[] qDiags = new double[k * d];
        for (int c = 0; c < k; c++) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                sum += icf[c * icfSize + j];
                qDiags[c * d + j] = Math.exp(icf[c * icfSize + j]);
            }
            sumQs[c] = sum;
        }
        double[] mainTerm = new double[k];
        double[] xCentered = new double[d];
        double[] qxCentered = new double[d];
        double slse = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    xCentered[j] = x[i * d + j] - means[c * d + j];
                }
                // Q (x - mu): the diagonal exp(q), then the strictly lower part, column by column
                for (int j = 0; j < d; j++) {
                    qxCentered[j] = qDiags[c * d + j] * xCentered[j];
                }
                int l = c * icfSize + d;
                for (int col = 0; col < d; col++) {
                    for (int row = col + 1; row < d; row++) {
                        qxCentered[row] += icf[l] * xCentered[col];
                        l++;
                    }
                }
                double sqNorm = 0;
                for (int j = 0; j < d; j++) {
                    sqNorm += qxCentered[j] * qxCentered[j];
                }
                mainTerm[c] = alphas[c] + sumQs[c] - 0.5 * sqNorm;
            }
            slse += logSumExp(mainTerm, k);
        }
        double lseAlphas = logSumExp(alphas, k);
        double prior = 0;
        for (int c = 0; c < k; c++) {
            double frobenius = 0;
            for (int j = 0; j < d; j++) {
                frobenius += qDiags[c * d + j] * qDiags[c * d + j];
            }
            for (int j = d; j < icfSize; j++) {
                frobenius += icf[c * icfSize + j] * icf[c * icfSize + j];
            }
            prior += 0.5 * wishartGamma * wishartGamma * frobenius - wishartM * sumQs[c];
        }
        double constant = -n * d * 0.5 * Math.log(2 * ADBENCH_PI);
        return constant + slse - n * lseAlphas + prior - k * wishartConstant(d, wishartGamma, wishartM);
    }

    /** ln Σ exp(v[0..count-1]), shifted by the maximum so that no exp overflows. */
    @Differentiable(wrt = {"v"})
    public static double logSumExp(double[] v, int count) {
        double max = v[0];
        for (int i = 1; i < count; i++) {
            if (v[i] > max) {
                max = v[i];
            }
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += Math.exp(v[i] - max);
        }
        return max + Math.log(sum);
    }

    /** C(d, γ, m) of the Wishart prior: a constant, so it is a plain method the objective calls. */
    public static double wishartConstant(int d, double gamma, int m) {
        int nw = d + m + 1;
        return nw * d * (Math.log(gamma) - 0.5 * Math.log(2)) - logMultivariateGamma(0.5 * nw, d);
    }

    /** ln Γ_d(a) = d(d−1)/4 ln π + Σ_{j=1..d} ln Γ(a + (1 − j)/2). */
    static double logMultivariateGamma(double a, int d) {
        double value = 0.25 * d * (d - 1) * Math.log(ADBENCH_PI);
        for (int j = 1; j <= d; j++) {
            value += Gamma.logGamma(a + 0.5 * (1 - j));
        }
        return value;
    }
}
