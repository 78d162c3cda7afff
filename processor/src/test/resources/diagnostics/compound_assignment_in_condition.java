package example;

import org.cotangent.Differentiable;

class CompoundAssignmentInCondition {
    @Differentiable
    static double f(double x) {
        double y = 0;
        // ERROR: COT012 col=16
        if ((y += x) > 1) {
            return y * y;
        }
        return y;
    }
}
