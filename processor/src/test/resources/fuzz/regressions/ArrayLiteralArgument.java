package fuzz;

import org.cotangent.Differentiable;

/**
 * Fuzzer regression (seed 8): an array creation with active elements passed as the argument of a
 * call to another @Differentiable method. The processor fails with
 * "[COT099] internal error while differentiating 'f' (IllegalStateException: no adjoint for array
 * expression ArrayLiteral[...])" instead of differentiating it (array creation and calls anywhere
 * in an expression are in the subset).
 */
public class ArrayLiteralArgument {
    @Differentiable
    static double h(double[] v, double p) {
        return v[0] * v[1] + p;
    }

    @Differentiable
    public static double f(double a, double b) {
        return h(new double[] {a, b}, a);
    }
}
