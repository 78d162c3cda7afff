package example;

import org.cotangent.Differentiable;

class IncrementInIndex {
    @Differentiable
    static double sum(double[] a) {
        double s = 0;
        int i = 0;
        while (i < a.length) {
            // ERROR: COT012 col=21
            s += a[i++];
        }
        return s;
    }
}
