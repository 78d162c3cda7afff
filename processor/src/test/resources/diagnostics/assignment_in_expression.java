package example;

import org.cotangent.Differentiable;

class AssignmentInExpression {
    @Differentiable
    static double f(double x) {
        double z;
        // ERROR: COT012 col=23
        double y = (z = x) * 2;
        return y + z;
    }
}
