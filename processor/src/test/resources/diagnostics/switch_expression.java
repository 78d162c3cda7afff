package example;

import org.cotangent.Differentiable;

class SwitchExpression {
    @Differentiable
    static double pick(double x, int k) {
        // ERROR: COT002 col=20
        double y = switch (k) {
            case 0 -> x;
            case 1 -> x * x;
            default -> -x;
        };
        return y;
    }
}
