package example;

import org.cotangent.Differentiable;

class SideEffectInCondition {
    @Differentiable
    static double countdown(double x, int n) {
        double y = x;
        // ERROR: COT012 col=17
        while (n-- > 0) {
            y = Math.sin(y);
        }
        return y;
    }
}
