package example;

import org.cotangent.Differentiable;

class ValueTypeReturn {
    record Params(double[] w, double b) {
    }

    @Differentiable
    // ERROR: COT010 col=19
    static Params scaled(Params p, double s) {
        return new Params(p.w(), p.b() * s);
    }
}
