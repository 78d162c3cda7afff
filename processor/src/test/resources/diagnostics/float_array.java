package example;

import org.cotangent.Differentiable;

class FloatArray {
    @Differentiable
    static double sum(double[] x) {
        // ERROR: COT003 col=17
        float[] w = {1f, 2f};
        return w[0] * x[0] + w[1] * x[1];
    }
}
