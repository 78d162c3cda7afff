package golden;

import org.cotangent.Differentiable;

/** An array overwritten in place while reading its neighbour, then read by an enhanced for. */
public class CumulativeProduct {
    @Differentiable
    public static double f(double[] x, double scale) {
        double[] p = x.clone();
        for (int i = 1; i < p.length; i++) {
            p[i] = p[i - 1] * p[i];
        }
        double s = 0;
        for (double v : p) {
            s += scale * v;
        }
        return s;
    }
}
