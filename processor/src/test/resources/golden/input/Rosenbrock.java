package golden;

import org.cotangent.Differentiable;

/** A counted loop over an array: reversed by counting down, its locals recomputed, no tape. */
public class Rosenbrock {
    @Differentiable
    public static double f(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length - 1; i++) {
            double a = 1 - x[i];
            double b = x[i + 1] - x[i] * x[i];
            s += a * a + 100 * b * b;
        }
        return s;
    }
}
