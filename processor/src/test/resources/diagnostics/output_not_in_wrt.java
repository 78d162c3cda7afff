package example;

import org.cotangent.Differentiable;

class OutputNotInWrt {
    @Differentiable(wrt = {"a"})
    // ERROR: COT015 col=42
    static void scale(double a, double[] out) {
        out[0] = 2 * a;
    }

    @Differentiable(wrt = {"a", "out"})
    static void fine(double a, double[] out) {
        out[0] = 2 * a;
    }

    // buf is written only with constants: it carries no derivative and need not be in wrt
    @Differentiable(wrt = {"a", "out"})
    static void untouched(double a, double[] out, double[] buf) {
        buf[0] = 1;
        out[0] = a;
        out[1] = buf[0];
    }
}
