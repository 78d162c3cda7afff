package example;

import java.util.Arrays;
import org.cotangent.Differentiable;

class Streams {
    @Differentiable
    static double sumOfSquares(double[] x) {
        // ERROR: COT002 col=52
        return Arrays.stream(x).map(v -> v * v).sum();
    }
}
