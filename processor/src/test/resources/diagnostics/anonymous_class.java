package example;

import java.util.function.DoubleUnaryOperator;
import org.cotangent.Differentiable;

class AnonymousClass {
    static double at(DoubleUnaryOperator g, double t) {
        return g.applyAsDouble(t);
    }

    @Differentiable
    static double f(double x) {
        // ERROR: COT002 col=23
        double k = at(new DoubleUnaryOperator() {
            @Override
            public double applyAsDouble(double t) {
                return t * t;
            }
        }, 2.0);
        return k * x;
    }
}
