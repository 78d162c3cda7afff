package example;

import org.cotangent.Differentiable;

class TryFinally {
    static int calls;

    @Differentiable
    static double square(double x) {
        double r = 0;
        // ERROR: COT001 col=9
        try {
            r = x * x;
        } finally {
            r = r + 1;
        }
        return r;
    }
}
