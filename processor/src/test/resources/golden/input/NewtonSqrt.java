package golden;

import org.cotangent.Differentiable;

/** A data-dependent while loop with a break: trip count and overwritten values on the tape. */
public class NewtonSqrt {
    @Differentiable
    public static double f(double a) {
        double x = a;
        for (int k = 0; k < 100; k++) {
            double next = 0.5 * (x + a / x);
            if (Math.abs(next - x) < 1e-15 * x) {
                break;
            }
            x = next;
        }
        return x;
    }
}
