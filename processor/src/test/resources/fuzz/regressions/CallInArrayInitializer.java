package fuzz;

import org.cotangent.Differentiable;

/**
 * Fuzzer regression (seeds 19, 48): a call to another @Differentiable method inside an array
 * initializer. The processor fails with "[COT099] internal error while differentiating 'f'
 * (IllegalStateException: no adjoint rule for Call[callee=Callee[owner=CallInArrayInitializer,
 * name=h, ...]])" instead of differentiating it.
 */
public class CallInArrayInitializer {
    @Differentiable
    static double h(double p, double q) {
        return p * q;
    }

    @Differentiable
    public static double f(double a, double b) {
        double[] t = {h(a, b), a};
        return t[0] + t[1];
    }
}
