package org.cotangent.bench.adbench;

/**
 * A hand-written adjoint of {@link Gmm#gmmObjective}, in the manner of ADBench's Manual C++ module:
 * for each point, the forward pass over the K components and, at once, its adjoint; no tape. The
 * workspace is allocated once per instance, so {@link #vjp} allocates nothing.
 */
public final class GmmHand {
    private final int d;
    private final int k;
    private final int icfSize;
    private final double[] sumQs;
    private final double[] expQ;
    private final double[] xCentered;
    private final double[] qxCentered;
    private final double[] mainTerm;
    private final double[] qxAdj;

    public GmmHand(int d, int k) {
        this.d = d;
        this.k = k;
        this.icfSize = d * (d + 1) / 2;
        this.sumQs = new double[k];
        this.expQ = new double[k * d];
        this.xCentered = new double[k * d];
        this.qxCentered = new double[k * d];
        this.mainTerm = new double[k];
        this.qxAdj = new double[d];
    }

    /**
     * Adds {@code seed} times the gradient into the three accumulators and returns the objective.
     */
    public double vjp(double[] alphas, double[] means, double[] icf, double[] x, int n, double wishartGamma,
                      int wishartM, double seed, double[] alphasAdj, double[] meansAdj, double[] icfAdj) {
        for (int c = 0; c < k; c++) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                double q = icf[c * icfSize + j];
                sum += q;
                expQ[c * d + j] = Math.exp(q);
            }
            sumQs[c] = sum;
        }
        double slse = 0;
        for (int i = 0; i < n; i++) {
            // forward over the components, keeping Q(x - mu) of each
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                int base = c * d;
                int l = c * icfSize + d;
                for (int j = 0; j < d; j++) {
                    double xc = x[i * d + j] - means[base + j];
                    xCentered[base + j] = xc;
                    qxCentered[base + j] = expQ[base + j] * xc;
                }
                for (int col = 0; col < d; col++) {
                    double xc = xCentered[base + col];
                    for (int row = col + 1; row < d; row++) {
                        qxCentered[base + row] += icf[l++] * xc;
                    }
                }
                double sqNorm = 0;
                for (int j = 0; j < d; j++) {
                    sqNorm += qxCentered[base + j] * qxCentered[base + j];
                }
                double term = alphas[c] + sumQs[c] - 0.5 * sqNorm;
                mainTerm[c] = term;
                if (term > max) {
                    max = term;
                }
            }
            double sumExp = 0;
            for (int c = 0; c < k; c++) {
                double e = Math.exp(mainTerm[c] - max);
                mainTerm[c] = e;
                sumExp += e;
            }
            slse += max + Math.log(sumExp);
            // adjoint: d lse / d mainTerm_c is the posterior weight of component c
            double scale = seed / sumExp;
            for (int c = 0; c < k; c++) {
                double weight = mainTerm[c] * scale;
                alphasAdj[c] += weight;
                int base = c * d;
                int icfBase = c * icfSize;
                for (int j = 0; j < d; j++) {
                    // d(-0.5 |Qxc|^2)/d(Qxc) = -Qxc; the sum of q adds weight to every diagonal entry
                    double a = -weight * qxCentered[base + j];
                    qxAdj[j] = a;
                    double xc = xCentered[base + j];
                    icfAdj[icfBase + j] += weight + a * expQ[base + j] * xc;
                }
                int l = icfBase + d;
                for (int col = 0; col < d; col++) {
                    double xc = xCentered[base + col];
                    double xcAdj = qxAdj[col] * expQ[base + col];
                    for (int row = col + 1; row < d; row++) {
                        icfAdj[l] += qxAdj[row] * xc;
                        xcAdj += qxAdj[row] * icf[l];
                        l++;
                    }
                    meansAdj[base + col] -= xcAdj;
                }
            }
        }
        // - n LSE(alphas)
        double max = alphas[0];
        for (int c = 1; c < k; c++) {
            max = Math.max(max, alphas[c]);
        }
        double sumExp = 0;
        for (int c = 0; c < k; c++) {
            sumExp += Math.exp(alphas[c] - max);
        }
        double lseAlphas = max + Math.log(sumExp);
        for (int c = 0; c < k; c++) {
            alphasAdj[c] -= seed * n * Math.exp(alphas[c] - lseAlphas);
        }
        // the Wishart prior
        double gamma2 = wishartGamma * wishartGamma;
        double prior = 0;
        for (int c = 0; c < k; c++) {
            double frobenius = 0;
            int icfBase = c * icfSize;
            for (int j = 0; j < d; j++) {
                double e = expQ[c * d + j];
                frobenius += e * e;
                icfAdj[icfBase + j] += seed * (gamma2 * e * e - wishartM);
            }
            for (int j = d; j < icfSize; j++) {
                double v = icf[icfBase + j];
                frobenius += v * v;
                icfAdj[icfBase + j] += seed * gamma2 * v;
            }
            prior += 0.5 * gamma2 * frobenius - wishartM * sumQs[c];
        }
        double constant = -n * d * 0.5 * Math.log(2 * Gmm.ADBENCH_PI);
        return constant + slse - n * lseAlphas + prior - k * Gmm.wishartConstant(d, wishartGamma, wishartM);
    }
}
