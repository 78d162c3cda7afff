package example;

import org.cotangent.Differentiable;

class ValueTypeConstructorChecks {
    record Interval(double lo, double hi) {
        Interval {
            if (lo > hi) {
                throw new IllegalArgumentException("empty interval");
            }
        }
    }

    @Differentiable
    static double width(double a, double b) {
        // ERROR: COT002 col=22
        Interval i = new Interval(a, b);
        return i.hi() - i.lo();
    }
}
