package example;

import org.cotangent.Differentiable;

class ValueTypeReturn {
    record Tagged(double value, int id) {
    }

    @Differentiable
    // ERROR: COT010 col=19
    static Tagged tagged(double x, int id) {
        return new Tagged(x * x, id);
    }
}
