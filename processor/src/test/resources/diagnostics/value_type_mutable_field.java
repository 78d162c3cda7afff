package example;

import org.cotangent.Differentiable;

class ValueTypeMutableField {
    static final class Counter {
        double total;

        Counter(double total) {
            this.total = total;
        }
    }

    // a final class outside wrt is read as constants, as before value types; named in wrt, it must be one
    @Differentiable(wrt = {"x", "c"})
    // ERROR: COT003 col=39
    static double f(double x, Counter c) {
        return x * c.total;
    }
}
