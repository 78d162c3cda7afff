package fuzz;

import org.cotangent.Differentiable;

/**
 * Fuzzer regression (seed 11): a small callee inlined into a caller whose for-each variable has the
 * same name as one of the callee's. The caller's for-each variable was not reserved, so the inlined
 * copy kept the name and the generated class did not compile ("variable e0 is already defined").
 */
public class InlinedForEachName {
    @Differentiable
    static double h(double[] v, double p) {
        for (double e0 : v) {
            p *= Math.sin(e0 * p);
        }
        return p;
    }

    @Differentiable
    public static double f(double a, double[] x) {
        double s = 0;
        for (double e0 : x) {
            s += h(x, e0 * a);
        }
        return s;
    }
}
