package example;

import org.cotangent.Differentiable;

class NonDeterministicCall {
    static double noise() {
        return 0.1 * Math.random();
    }

    @Differentiable
    static double f(double x) {
        // ERROR: COT016 col=41
        double started = System.nanoTime();
        // ERROR: COT016 col=30
        // ERROR: COT016 col=47
        return x * (1 + noise()) + Math.random() + 0 * started;
    }
}
