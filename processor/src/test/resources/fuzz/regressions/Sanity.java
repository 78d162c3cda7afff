package fuzz;

import org.cotangent.Differentiable;

/** Not a bug: a program in the style of the fuzzer's that the processor gets right, to check the checker. */
// fuzz: length=4 int=3
public class Sanity {
    @Differentiable
    static double h(double[] v, double p) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += Math.sin(v[(i + 1) % v.length] * p);
        }
        return s;
    }

    @Differentiable
    public static double f(double[] x, int n, double y) {
        double[] a = x.clone();
        double t = Math.log(1 + y * y);
        for (int i = 0; i < n; i++) {
            if (i % 2 == 0) {
                continue;
            }
            a[i % a.length] *= Math.tanh(t + a[(i + 1) % a.length]);
            t += h(a, y);
        }
        return t + Math.hypot(a[0], a[1]) + Math.asin(0.9 * Math.tanh(x[2]));
    }
}
