package fuzz;

import org.cotangent.Differentiable;

/**
 * A sum over an array followed by code that overwrites an element the sum read, and a scalar the
 * sum read. Running the sum's backward sweep inside the forward sweep (fusion) would add its
 * adjoints before the overwrites' backward sweeps restart them, losing them: such a loop must stay
 * unfused.
 */
public class FusedSumThenOverwrite {
    @Differentiable
    public static double f(double a, double[] x) {
        double[] h = x.clone();
        double scale = a * a;
        double s = 0;
        for (int i = 0; i < h.length; i++) {
            s += scale * h[i] * h[i];
        }
        h[0] = Math.sin(a);
        scale = 3 * a;
        return s + h[0] * scale;
    }
}
