package example;

import java.util.function.DoubleUnaryOperator;
import org.cotangent.Differentiable;

class AnonymousClassMethod {
    static final DoubleUnaryOperator SQUARE = new DoubleUnaryOperator() {
        @Differentiable
        @Override
        // ERROR: COT010 col=23
        public double applyAsDouble(double t) {
            return t * t;
        }
    };
}
