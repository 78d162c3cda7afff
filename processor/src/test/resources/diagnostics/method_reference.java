package example;

import java.util.function.DoubleUnaryOperator;
import org.cotangent.Differentiable;

class MethodReference {
    static double at(DoubleUnaryOperator g, double t) {
        return g.applyAsDouble(t);
    }

    @Differentiable
    static double f(double x) {
        // ERROR: COT002 col=23
        double k = at(Math::sin, 0.5);
        return k * x;
    }
}
