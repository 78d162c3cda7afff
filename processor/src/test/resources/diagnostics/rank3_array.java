package example;

import org.cotangent.Differentiable;

class Rank3Array {
    @Differentiable
    static double sum(double[] x) {
        // ERROR: COT003 col=22
        double[][][] cube = new double[2][2][2];
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i];
        }
        return s;
    }
}
