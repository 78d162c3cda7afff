package example;

import org.cotangent.Differentiable;

class SideEffectInAssert {
    @Differentiable
    static double f(double x, int checks) {
        // ERROR: COT012 col=25
        assert checks++ >= 0;
        return x * checks;
    }
}
