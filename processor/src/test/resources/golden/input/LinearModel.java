package golden;

import org.cotangent.Differentiable;

/** Value types: a record parameter split into its leaves, a value-type local and a helper read in place. */
public class LinearModel {
    public record Params(double[] w, double b) {
    }

    public record Point(double x, double y) {
    }

    static Point scaled(Point p, double s) {
        return new Point(p.x() * s, p.y() * s);
    }

    @Differentiable(wrt = {"p"})
    static double loss(Params p, double[] x, double y) {
        double z = p.b();
        for (int i = 0; i < x.length; i++) {
            z += p.w()[i] * x[i];
        }
        Point q = scaled(new Point(z, y), 0.5);
        double d = q.x() - q.y();
        return d * d;
    }
}
