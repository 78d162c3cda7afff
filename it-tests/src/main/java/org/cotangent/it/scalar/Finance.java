package org.cotangent.it.scalar;

import org.cotangent.Differentiable;

/**
 * Option pricing and interest arithmetic. The normal CDF is the Abramowitz and Stegun 26.2.17
 * approximation (absolute error below 7.5e-8), written inline because the differentiable subset
 * has no calls to user methods yet.
 */
public final class Finance {
    static final double P = 0.2316419;
    static final double B1 = 0.319381530;
    static final double B2 = -0.356563782;
    static final double B3 = 1.781477937;
    static final double B4 = -1.821255978;
    static final double B5 = 1.330274429;
    static final double INV_SQRT_2PI = 0.3989422804014327;

    private Finance() {
    }

    /** Black-Scholes price of a European call: spot s, strike k, maturity t, rate r, volatility sigma. */
    @Differentiable
    public static double blackScholesCall(double s, double k, double t, double r, double sigma) {
        double sqrtT = Math.sqrt(t);
        double d1 = (Math.log(s / k) + (r + 0.5 * sigma * sigma) * t) / (sigma * sqrtT);
        double d2 = d1 - sigma * sqrtT;
        // N(d1)
        double a1 = Math.abs(d1);
        double u1 = 1 / (1 + P * a1);
        double tail1 = INV_SQRT_2PI * Math.exp(-0.5 * a1 * a1)
                * u1 * (B1 + u1 * (B2 + u1 * (B3 + u1 * (B4 + u1 * B5))));
        double n1 = d1 >= 0 ? 1 - tail1 : tail1;
        // N(d2)
        double a2 = Math.abs(d2);
        double u2 = 1 / (1 + P * a2);
        double tail2 = INV_SQRT_2PI * Math.exp(-0.5 * a2 * a2)
                * u2 * (B1 + u2 * (B2 + u2 * (B3 + u2 * (B4 + u2 * B5))));
        double n2 = d2 >= 0 ? 1 - tail2 : tail2;
        return s * n1 - k * Math.exp(-r * t) * n2;
    }

    /** Black-Scholes price of a European put, with if/else for N(-d). */
    @Differentiable
    public static double blackScholesPut(double s, double k, double t, double r, double sigma) {
        double sqrtT = Math.sqrt(t);
        double d1 = (Math.log(s / k) + (r + 0.5 * sigma * sigma) * t) / (sigma * sqrtT);
        double d2 = d1 - sigma * sqrtT;
        // N(-d1)
        double a1 = Math.abs(d1);
        double u1 = 1 / (1 + P * a1);
        double tail1 = INV_SQRT_2PI * Math.exp(-0.5 * a1 * a1)
                * u1 * (B1 + u1 * (B2 + u1 * (B3 + u1 * (B4 + u1 * B5))));
        double m1;
        if (d1 >= 0) {
            m1 = tail1;
        } else {
            m1 = 1 - tail1;
        }
        // N(-d2)
        double a2 = Math.abs(d2);
        double u2 = 1 / (1 + P * a2);
        double tail2 = INV_SQRT_2PI * Math.exp(-0.5 * a2 * a2)
                * u2 * (B1 + u2 * (B2 + u2 * (B3 + u2 * (B4 + u2 * B5))));
        double m2;
        if (d2 >= 0) {
            m2 = tail2;
        } else {
            m2 = 1 - tail2;
        }
        return k * Math.exp(-r * t) * m2 - s * m1;
    }

    /** Call delta N(d1), as a differentiable function of its own (its gradient holds gamma). */
    @Differentiable
    public static double blackScholesDelta(double s, double k, double t, double r, double sigma) {
        double sqrtT = Math.sqrt(t);
        double d1 = (Math.log(s / k) + (r + 0.5 * sigma * sigma) * t) / (sigma * sqrtT);
        double a1 = Math.abs(d1);
        double u1 = 1 / (1 + P * a1);
        double tail1 = INV_SQRT_2PI * Math.exp(-0.5 * a1 * a1)
                * u1 * (B1 + u1 * (B2 + u1 * (B3 + u1 * (B4 + u1 * B5))));
        return d1 >= 0 ? 1 - tail1 : tail1;
    }

    /** Vega s phi(d1) sqrt(t). */
    @Differentiable
    public static double blackScholesVega(double s, double k, double t, double r, double sigma) {
        double sqrtT = Math.sqrt(t);
        double d1 = (Math.log(s / k) + (r + 0.5 * sigma * sigma) * t) / (sigma * sqrtT);
        return s * INV_SQRT_2PI * Math.exp(-0.5 * d1 * d1) * sqrtT;
    }

    /** Forward price with a continuous dividend yield q. */
    @Differentiable
    public static double forwardPrice(double s, double r, double q, double t) {
        return s * Math.exp((r - q) * t);
    }

    /** Compound growth with m periods a year (m inactive). */
    @Differentiable
    public static double compoundGrowth(double principal, double rate, double years, int m) {
        return principal * Math.pow(1 + rate / m, m * years);
    }

    /** Present value of n payments, differentiated with respect to the rate only. */
    @Differentiable(wrt = {"rate"})
    public static double annuityPresentValue(double payment, double rate, int n) {
        return payment * (1 - Math.pow(1 + rate, -n)) / rate;
    }

    /** log(p1 / p0). */
    @Differentiable
    public static double logReturn(double p0, double p1) {
        return Math.log(p1 / p0);
    }

    /** Continuously compounded yield of a zero-coupon bond. */
    @Differentiable
    public static double zeroYield(double price, double face, double t) {
        return -Math.log(price / face) / t;
    }
}
