package example;

import org.cotangent.Differentiable;

class DoWhileLoop {
    @Differentiable
    static double shrink(double x) {
        double y = x;
        // ERROR: COT001 col=9
        do {
            y = y * 0.5;
        } while (y > 1);
        return y;
    }
}
