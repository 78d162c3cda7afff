package fuzz;

import org.cotangent.Differentiable;

/**
 * Fuzzer regression (seed 100496, shrunk): an inner loop counting down with a labelled continue,
 * whose counter indexes an array written in the body. f_grad/f_vjp throws
 * ArrayIndexOutOfBoundsException (index 3 for length 3) in the backward sweep: the counter is not
 * restored per iteration when the loop is replayed backwards (it keeps its exit value -1).
 */
// fuzz: length=2 int=1
public class CountDownLoopContinueIndex {
    @Differentiable
    public static double f(double[] x, int n, double y) {
        double[] a5 = new double[3];
        for (int i6 = 0; i6 < 3; i6++) {
            L8: for (int i7 = 2 - 1; i7 >= 0; i7--) {
                if (i6 >= 1) {
                } else {
                    if (i6 % 2 == 1) {
                        continue L8;
                    }
                    a5[a5.length - 1 - i7 % a5.length] += Math.tanh(y);
                }
            }
        }
        double[] a11 = a5;
        double v15 = (Math.abs((y < Math.max(y, y) ? y * Math.atan(a11[(n + n) % a11.length]) : (-0.40) * y)) <= 0.93 ? (0.11 * n) : x[1]);
        double v16 = Math.log(1.47 + Math.sin(v15 * v15));
        return v16 + v15;
    }
}
