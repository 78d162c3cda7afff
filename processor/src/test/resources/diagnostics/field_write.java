package example;

import org.cotangent.Differentiable;

class FieldWrite {
    static double counter;

    @Differentiable
    static double square(double x) {
        // ERROR: COT005 col=9
        counter = x;
        return x * x;
    }
}
