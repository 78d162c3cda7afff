package example;

import org.cotangent.Differentiable;

class CallVectorValued {
    @Differentiable
    static double[] pair(double x) {
        return new double[] {x, x * x};
    }

    @Differentiable
    static double sum(double x) {
        // ERROR: COT002 col=26
        double[] p = pair(x);
        return p[0] + p[1];
    }
}
