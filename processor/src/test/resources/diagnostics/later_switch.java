package example;

import org.cotangent.Differentiable;

class SwitchStatement {
    @Differentiable
    static double scaled(double x, int mode) {
        double factor = 1;
        // ERROR: COT001 col=9
        switch (mode) {
            case 0:
                factor = 2;
                break;
            default:
                factor = 3;
        }
        return factor * x;
    }
}
