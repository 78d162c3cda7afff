package example;

import org.cotangent.Differentiable;

class FloatArrayParameter {
    @Differentiable
    // ERROR: COT003 col=43
    static double dot(double[] x, float[] w) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += w[i] * x[i];
        }
        return s;
    }
}
