package example;

import org.cotangent.Differentiable;

class ArrayFieldWrite {
    static double[] cache = new double[4];
    final double[][] weights = new double[2][2];

    @Differentiable
    static double f(double x) {
        // ERROR: COT005 col=14
        cache[0] = x;
        return x * cache[1];
    }

    @Differentiable
    double g(double x) {
        double s = 0;
        for (int i = 0; i < 2; i++) {
            // ERROR: COT005 col=23
            weights[i][0] = x;
            s += weights[i][1] * x;
        }
        return s;
    }
}
