package example;

import org.cotangent.Differentiable;

class ValueTypeReturn {
    record SinCos(double sin, double cos) {
    }

    @Differentiable
    // ERROR: COT010 col=19
    static SinCos sincos(double t) {
        return new SinCos(Math.sin(t), Math.cos(t));
    }
}
