package example;

import org.cotangent.Differentiable;

class SeveralMethods {
    static double last;

    static double helper(double v) {
        return v + 1;
    }

    @Differentiable
    static double writesAField(double x) {
        // ERROR: COT005 col=9
        last = x;
        return x * x;
    }

    @Differentiable
    static double correct(double x, double y) {
        double a = 1 - x;
        return a * a + y;
    }

    @Differentiable
    static double twoProblems(double x) {
        double y = x * x;
        // ERROR: COT004 col=30
        double z = 3 * helper(y);
        // ERROR: COT001 col=9
        synchronized (SeveralMethods.class) {
            y = y + 1;
        }
        return y + z;
    }
}
