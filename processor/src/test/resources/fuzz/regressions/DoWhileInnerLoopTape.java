package fuzz;

import org.cotangent.Differentiable;

/**
 * Fuzzer regression (seed 100006, shrunk): a for loop whose trip count depends on the counter of an
 * enclosing do/while, with a local overwritten in the body. f_grad/f_vjp throws
 * ArrayIndexOutOfBoundsException from the tape (Tape.popDouble: index -1): the backward sweep pops
 * more values than the forward sweep pushed.
 */
public class DoWhileInnerLoopTape {
    @Differentiable
    public static double f(double a, double[] x) {
        int k = 0;
        do {
            k++;
            for (int i = 0; i < k + 1; i++) {
                double v = a;
                v *= Math.cos(i < k ? a : v);
            }
        } while (k < 3);
        return a;
    }
}
