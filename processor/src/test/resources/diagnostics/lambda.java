package example;

import java.util.function.DoubleUnaryOperator;
import org.cotangent.Differentiable;

class Lambda {
    static double integrate(DoubleUnaryOperator g, double a, double b) {
        double h = (b - a) / 100;
        double s = 0;
        for (int i = 0; i < 100; i++) {
            s += g.applyAsDouble(a + (i + 0.5) * h) * h;
        }
        return s;
    }

    @Differentiable
    static double scaledArea(double x) {
        // ERROR: COT002 col=30
        return x * integrate(t -> t * t, 0.0, 1.0);
    }
}
