package example;

import org.cotangent.Differentiable;

class BitwiseAssignmentInExpression {
    @Differentiable
    static double f(double x, int mask) {
        // ERROR: COT012 col=19
        if ((mask |= 1) > 2) {
            return x * x;
        }
        return x;
    }
}
