package example;

import org.cotangent.Differentiable;

class SynchronizedBlock {
    private static final Object LOCK = new Object();

    @Differentiable
    static double square(double x) {
        double r;
        // ERROR: COT001 col=9
        synchronized (LOCK) {
            r = x * x;
        }
        return r;
    }
}
