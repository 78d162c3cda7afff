package fuzz;

import org.cotangent.Differentiable;

/**
 * A class named Tape, as the runtime's tape, with a parameter named Checks and locals named as
 * generated names: the generated TapeDerivatives did not compile (it imported the runtime's Tape
 * and called Checks.accumulator on the user's array).
 */
public class Tape {
    @Differentiable
    public static double f(double seed, double[] Checks) {
        double tape = 0;
        double result = seed;
        for (int i = 0; i < Checks.length; i++) {
            result = result * Math.sin(Checks[i]) + seed;
            tape += result * result;
        }
        double[] Dual = Checks.clone();
        Dual[0] *= tape;
        return Dual[0] + result;
    }
}
