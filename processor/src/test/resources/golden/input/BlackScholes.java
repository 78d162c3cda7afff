package golden;

import org.cotangent.Differentiable;

/** A realistic formula: Math functions, a constant, the normal CDF by a tanh approximation. */
public class BlackScholes {
    static final double K = 0.7978845608028654;

    @Differentiable
    static double call(double spot, double strike, double rate, double vol, double t) {
        double sqrtT = Math.sqrt(t);
        double d1 = (Math.log(spot / strike) + (rate + 0.5 * vol * vol) * t) / (vol * sqrtT);
        double d2 = d1 - vol * sqrtT;
        double n1 = 0.5 * (1 + Math.tanh(K * (d1 + 0.044715 * d1 * d1 * d1)));
        double n2 = 0.5 * (1 + Math.tanh(K * (d2 + 0.044715 * d2 * d2 * d2)));
        return spot * n1 - strike * Math.exp(-rate * t) * n2;
    }
}
