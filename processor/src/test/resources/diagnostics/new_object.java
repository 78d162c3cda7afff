package example;

import org.cotangent.Differentiable;

class NewObject {
    @Differentiable
    static double f(double x) {
        // ERROR: COT002 col=44
        int salt = System.identityHashCode(new Object()) % 2;
        return x * x + salt;
    }
}
