package example;

import org.cotangent.Differentiable;

class PrivateHelper {
    private static int steps(int n) {
        return 2 * n;
    }

    @Differentiable
    static double f(double x, int n) {
        double s = 0;
        // ERROR: COT002 col=34
        for (int i = 0; i < steps(n); i++) {
            s += x;
        }
        return s;
    }
}
