package example;

import org.cotangent.Differentiable;

class DoWhileEffectWithContinue {
    @Differentiable
    static double f(double x, int n) {
        double y = x;
        do {
            y = y * 0.5;
            if (y < 0.1) {
                continue;
            }
            y += 1;
            // ERROR: COT012 col=17
        } while (n-- > 0);
        return y;
    }
}
