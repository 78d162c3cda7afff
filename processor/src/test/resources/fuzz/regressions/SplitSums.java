package fuzz;

import org.cotangent.Differentiable;

/**
 * Loops that only add pure terms into sums, which -Acotangent.reassociate=true splits into four
 * partial sums (SplitSums): a dot product with a remainder (length 11 = 2 * 4 + 3), two sums in one
 * loop, a sum from an offset start, a sum inside an outer loop whose result feeds the next row, and
 * a loop shorter than four trips. Checked with the option on and off.
 */
// fuzz: length=11
public class SplitSums {
    @Differentiable
    public static double f(double[] w, double[] x, double b) {
        double z = b;
        for (int i = 0; i < w.length; i++) {
            z += w[i] * x[i];
        }
        double s = 0;
        double q = 0;
        for (int i = 0; i < x.length; i++) {
            s += Math.sin(x[i] * z);
            q += x[i] * x[i] * w[(i + 3) % w.length];
        }
        double tail = 0;
        for (int i = 2; i < w.length - 1; i++) {
            tail += w[i] * w[i - 1];
        }
        double h = 0;
        for (int r = 0; r < 3; r++) {
            double row = h;
            for (int j = 0; j < x.length; j++) {
                row += w[(r + j) % w.length] * Math.tanh(x[j] + h);
            }
            h = Math.tanh(row);
        }
        double few = 0;
        for (int i = 0; i < 3; i++) {
            few += x[i] * b;
        }
        return Math.tanh(z) + s * q + tail + h + few;
    }
}
