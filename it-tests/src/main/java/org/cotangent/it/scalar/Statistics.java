package org.cotangent.it.scalar;

import org.cotangent.Differentiable;

/** Losses and log-densities of single samples. */
public final class Statistics {
    static final double LOG_SQRT_2PI = 0.9189385332046728;

    private Statistics() {
    }

    /** Logistic loss of one sample (x, y), y in {0, 1}, for weight w and bias b, computed stably. */
    @Differentiable
    public static double logisticLoss(double w, double b, double x, double y) {
        double z = w * x + b;
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y * z;
    }

    /** log N(x; mu, sigma^2). */
    @Differentiable
    public static double gaussianLogDensity(double x, double mu, double sigma) {
        double z = (x - mu) / sigma;
        return -0.5 * z * z - Math.log(sigma) - LOG_SQRT_2PI;
    }

    /** log(1 + e^x), stable on both sides. */
    @Differentiable
    public static double softplus(double x) {
        return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    }

    /** log(e^a + e^b + e^c), shifted by the maximum. */
    @Differentiable
    public static double logSumExp3(double a, double b, double c) {
        double m = Math.max(a, Math.max(b, c));
        return m + Math.log(Math.exp(a - m) + Math.exp(b - m) + Math.exp(c - m));
    }

    /** 1 / (1 + e^-x). */
    @Differentiable
    public static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** Huber loss of a residual r with threshold delta. */
    @Differentiable
    public static double huber(double r, double delta) {
        double ar = Math.abs(r);
        if (ar <= delta) {
            return 0.5 * r * r;
        }
        return delta * (ar - 0.5 * delta);
    }

    /** Binary cross-entropy of a probability p against a (soft) label y. */
    @Differentiable
    public static double binaryCrossEntropy(double p, double y) {
        return -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
    }

    /** Unnormalised log-density of Beta(a, b) at x in (0, 1). */
    @Differentiable
    public static double betaLogKernel(double x, double a, double b) {
        return (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x);
    }

    /** log-density of the Laplace distribution. */
    @Differentiable
    static double laplaceLogDensity(double x, double mu, double scale) {
        return -Math.abs(x - mu) / scale - Math.log(2 * scale);
    }

    /** Poisson log-likelihood of a count k (inactive), without the log k! term. */
    @Differentiable
    public static double poissonLogLikelihood(double lambda, int k) {
        return k * Math.log(lambda) - lambda;
    }
}
