package example;

import java.util.Objects;
import org.cotangent.Differentiable;

class StringConcatenation {
    @Differentiable
    static double f(double x) {
        // ERROR: COT002 col=43
        int tag = Objects.hashCode("x = " + x);
        return x * x + tag % 2;
    }
}
