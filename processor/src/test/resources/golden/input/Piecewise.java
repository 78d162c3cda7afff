package golden;

import org.cotangent.Differentiable;

/** Branches, early returns and a variable overwritten in place. */
public class Piecewise {
    @Differentiable(wrt = {"x", "y"})
    static double f(double x, double y, int mode) {
        double s = x * y;
        if (mode == 0) {
            return Math.sin(s);
        }
        s = s * s + y;
        if (s > 1) {
            s /= x;
        } else {
            s -= Math.exp(x);
        }
        return mode > 1 ? s * y : Math.max(s, x);
    }
}
