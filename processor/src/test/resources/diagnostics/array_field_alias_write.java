package example;

import org.cotangent.Differentiable;

class ArrayFieldAliasWrite {
    final double[][] weights = new double[2][2];
    static double[] cache = new double[2];

    // h(x) = x * x, but h_grad says dh/dx = x: the field is read as a constant after the write
    @Differentiable
    double h(double x) {
        double[] row = weights[0];
        // ERROR: COT005 col=12
        row[1] = x;
        return weights[0][1] * x;
    }

    @Differentiable
    static double k(double x) {
        double[] c = cache;
        // ERROR: COT005 col=10
        c[0] = x;
        return cache[0] * x;
    }
}
