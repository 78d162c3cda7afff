package golden;

import org.cotangent.Differentiable;

/** Straight-line code: no tape, no saved values. */
public class Banana {
    @Differentiable
    static double f(double x, double y) {
        double a = 1 - x;
        double b = y - x * x;
        return a * a + 100 * b * b;
    }
}
