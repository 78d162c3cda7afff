package example;

import org.cotangent.Differentiable;

class WhileLoop {
    @Differentiable
    static double halveBelowOne(double x) {
        double y = x;
        // ERROR: COT001 col=9
        while (y > 1) {
            y = y / 2;
        }
        return y;
    }
}
