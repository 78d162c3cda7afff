package fuzz;

import org.cotangent.Differentiable;

/**
 * Fuzzer regression (seed 100854, shrunk): a counting-down loop starting at the counter of an
 * enclosing loop that steps by 2, around a loop that overwrites a local. f_grad/f_vjp throws
 * ArrayIndexOutOfBoundsException from the tape (Tape.popInt: index -1): the backward sweep pops
 * more trip counts than the forward sweep pushed.
 */
public class StridedLoopCountDownInner {
    @Differentiable
    public static double f(double a, double b) {
        for (int i = 0; i < 3; i += 2) {
            for (int j = i; j >= 0; j--) {
                double v = a;
                for (int k = 0; k < 4; k += 2) {
                    v *= Math.tanh(v * i);
                }
            }
        }
        return a * b;
    }
}
