package example;

import org.cotangent.Differentiable;

/** x through its bit pattern and back is x: the long carries the value, not a step of it. */
class IntegerCarryingCall {
    static long bits(double x) {
        return Double.doubleToLongBits(x) >> 1;
    }

    static int cell(double x) {
        return (int) Math.floor(4 * x);
    }

    @Differentiable
    static double f(double x) {
        // ERROR: COT004 col=43
        long raw = Double.doubleToLongBits(x);
        double back = Double.longBitsToDouble(raw);
        return back * x;
    }

    @Differentiable
    static double g(double x) {
        int i = cell(x);
        long r = Math.round(x);
        int c = Double.compare(x, 0.5);
        // ERROR: COT004 col=36
        return x * i + r + c + bits(x);
    }
}
