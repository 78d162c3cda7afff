package org.cotangent.it.values;

import org.cotangent.Differentiable;

/** Helpers that take, return or are called on values: read in place of the call. */
public class ValueCallsModels {
    /** A value returned by a helper. */
    public record SinCos(double sin, double cos) {
        SinCos rotated(double by) {
            double c = Math.cos(by);
            double s = Math.sin(by);
            return new SinCos(sin * c + cos * s, cos * c - sin * s);
        }

        double product() {
            return sin * cos;
        }
    }

    static SinCos sincos(double t) {
        return new SinCos(Math.sin(t), Math.cos(t));
    }

    static Vector2 plus(Vector2 a, Vector2 b) {
        return new Vector2(a.x + b.x, a.y + b.y);
    }

    static Vector2 scaled(Vector2 v, double s) {
        if (s == 0) {
            throw new IllegalArgumentException("zero scale");
        }
        s = s * s;
        return new Vector2(v.getX() * s, v.getY() * s);
    }

    static double dot(Params p, double[] x) {
        double z = p.b();
        for (int i = 0; i < x.length; i++) {
            z += p.w()[i] * x[i];
        }
        return z;
    }

    /** Writes into the arrays a value holds, as the caller sees. */
    static void decay(Params p, double rate) {
        for (int i = 0; i < p.w().length; i++) {
            p.w()[i] = p.w()[i] * (1 - rate);
        }
    }

    @Differentiable
    public static double trig(double t, double u) {
        SinCos a = sincos(t);
        SinCos b = a.rotated(u);
        return a.sin() * b.cos() + sincos(u * t).cos() + b.product();
    }

    @Differentiable
    public static double vectors(double x, double y, double k) {
        Vector2 v = new Vector2(x, y);
        Vector2 w = plus(v, scaled(v, k));
        for (int i = 0; i < 3; i++) {
            w = plus(w, new Vector2(Math.sin(w.y), 0.5 * w.x));
        }
        return w.x * w.y;
    }

    /** Methods of a record in another file, on values built here: {@code v.dot(w)}, {@code v.norm2()}. */
    @Differentiable
    public static double records(double a, double b) {
        Vec3 v = new Vec3(a, b, a * b);
        Vec3 w = new Vec3(Math.cos(b), a, 1.0);
        return v.dot(w) + Vec3.lengthOf(w) * v.norm2() + v.weighted(new double[] {1.0, a, b});
    }

    @Differentiable
    public static double linear(Params p, double[] x, double rate) {
        decay(p, rate);
        double z = dot(p, x);
        return z * z + dot(new Params(x, 1.0), p.w());
    }
}
