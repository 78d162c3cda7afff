package example;

import org.cotangent.Differentiable;

/** The nested DerivativesClassClash.A and the top-level DerivativesClassClash_A map to one generated name. */
class DerivativesClassClash {
    // ERROR: COT008 col=12
    static class A {
        @Differentiable
        static double g(double x) {
            return x * x * x;
        }
    }

    @Differentiable
    static double f(double x) {
        return A.g(x) + DerivativesClassClash_A.g(x);
    }
}

// ERROR: COT008 col=1
class DerivativesClassClash_A {
    @Differentiable
    static double g(double x) {
        return Math.sin(x);
    }
}
