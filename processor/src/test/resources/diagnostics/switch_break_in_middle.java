package example;

import org.cotangent.Differentiable;

class SwitchBreakInMiddle {
    @Differentiable
    static double pick(double x, int k) {
        double y = x;
        switch (k) {
            case 0:
                if (x > 1) {
                    // ERROR: COT001 col=21
                    break;
                }
                y = x * x;
                break;
            default:
                y = -x;
        }
        return y;
    }
}
