package example;

import org.cotangent.Differentiable;

class TryCatch {
    @Differentiable
    static double safeLog(double x) {
        double r;
        // ERROR: COT001 col=9
        try {
            r = Math.log(x);
        } catch (ArithmeticException e) {
            r = 0;
        }
        return r;
    }
}
