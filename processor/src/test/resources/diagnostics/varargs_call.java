package example;

import org.cotangent.Differentiable;

class VarargsCall {
    static double max(double... v) {
        double m = v[0];
        for (double e : v) {
            m = Math.max(m, e);
        }
        return m;
    }

    @Differentiable
    static double f(double x, double y) {
        // ERROR: COT002 col=19
        return max(x, y, 0.0);
    }
}
