package fuzz;

import org.cotangent.Differentiable;

/**
 * A loop over components whose work array is refilled in full by each iteration, with an output
 * array written at the counter and an index stepped by ++: reverse mode replays each component's
 * forward code before its backward code, saves nothing of the work array and undoes l++ by l--.
 * The result squares the sum, so the outer loop runs backward as usual and needs the output array's old elements, which the replayed loop's forward run must still save.
 */
public class ReplayedLoopOuterSave {
    @Differentiable
    public static double f(double a, double[] x) {
        double[] work = new double[3];
        double[] out = new double[4];
        double s = 0;
        for (int i = 0; i < 2; i++) {
            for (int c = 0; c < 4; c++) {
                for (int j = 0; j < 3; j++) {
                    work[j] = x[(c + j) % x.length] * a - i;
                }
                int l = c;
                double acc = 0;
                for (int j = 0; j < 3; j++) {
                    acc += Math.sqrt(1 + work[j] * work[j]) * x[l % x.length];
                    l++;
                }
                out[c] = acc * a;
            }
            double m = out[0];
            for (int c = 1; c < 4; c++) {
                m = Math.max(m, out[c]);
            }
            s += m + out[1] * out[2];
        }
        return s * s;
    }
}
