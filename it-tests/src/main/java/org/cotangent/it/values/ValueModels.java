package org.cotangent.it.values;

import org.cotangent.Differentiable;

/** Value types as parameters, locals, components and receivers, differentiated as the user wrote them. */
public class ValueModels {
    /** Logistic loss of a linear model: the README's worked example. */
    @Differentiable
    public static double logLoss(Params p, double[] x, double y) {
        double z = p.b();
        for (int i = 0; i < x.length; i++) {
            z += p.w()[i] * x[i];
        }
        double prob = 1 / (1 + Math.exp(-z));
        return -(y * Math.log(prob) + (1 - y) * Math.log(1 - prob));
    }

    /** Mean squared error over a batch, only the parameters differentiated. */
    @Differentiable(wrt = {"p"})
    public static double batchLoss(Params p, double[][] xs, double[] ys) {
        if (xs.length == 0) {
            throw new IllegalArgumentException("no data for " + p);
        }
        double s = 0;
        for (int k = 0; k < xs.length; k++) {
            double z = p.b();
            for (int i = 0; i < p.w().length; i++) {
                z += p.w()[i] * xs[k][i];
            }
            double d = z - ys[k];
            s += d * d;
        }
        return s / xs.length;
    }

    /** Small value objects as locals: built, read through fields and getters, reassigned, chosen by ?:. */
    @Differentiable
    public static double polar(double r, double theta) {
        Vector2 v = new Vector2(r * Math.cos(theta), r * Math.sin(theta));
        Vector2 w = theta > 1 ? v : new Vector2(v.y, v.x);
        w = new Vector2(w.getY(), w.getX() * 2);
        var u = new Vector2(w.x + v.getX(), w.y - v.y);
        return u.x * u.y + w.getX();
    }

    /** Two value-type parameters, one not differentiated. */
    @Differentiable(wrt = {"a", "t"})
    public static double distance(Vector2 a, Vector2 b, double t) {
        double dx = a.x - b.x;
        double dy = a.getY() - b.y * t;
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** A nested value type: a two-layer network's squared error; the array contents are read in loops. */
    @Differentiable
    public static double mlpLoss(Mlp m, double[] x, double y) {
        Layer h = m.hidden();
        double[] a = new double[h.b().length];
        for (int j = 0; j < a.length; j++) {
            double s = h.b()[j];
            for (int i = 0; i < x.length; i++) {
                s += h.w()[j][i] * x[i];
            }
            a[j] = Math.tanh(s);
        }
        double out = m.out().b()[0];
        for (int j = 0; j < a.length; j++) {
            out += m.out().w()[0][j] * a[j];
        }
        double d = out - y;
        return 0.5 * d * d;
    }

    /** Inactive components steer the computation; only {@code scale} carries a derivative. */
    @Differentiable
    public static double settings(Settings s, double x) {
        if (s.scale() < 0) {
            throw new IllegalArgumentException("scale " + s.scale() + " < 0 (" + s.kind() + ")");
        }
        double v = x;
        for (int k = 0; k < s.steps(); k++) {
            v = v * s.scale() + Math.sin(v);
        }
        if (s.kind() == Kind.ABSOLUTE) {
            v = Math.abs(v);
        }
        if (s.clip() && v > 10) {
            v = 10;
        }
        return v * s.order()[0];
    }

    /** A value type's array contents written in place, as for any array parameter. */
    @Differentiable
    public static double scaleInPlace(Params p, double c) {
        for (int i = 0; i < p.w().length; i++) {
            p.w()[i] = p.w()[i] * c;
        }
        double s = p.b();
        for (double wi : p.w()) {
            s += wi * wi;
        }
        return s;
    }

    /** A value-type local that aliases one of two parameters, chosen by an inactive flag. */
    @Differentiable
    public static double chooseLayer(Layer a, Layer b, double[] x, boolean first) {
        Layer l = first ? a : b;
        double s = 0;
        for (int j = 0; j < l.b().length; j++) {
            double t = l.b()[j];
            for (int i = 0; i < x.length; i++) {
                t += l.w()[j][i] * x[i];
            }
            s += t * t;
        }
        return s;
    }

    /** A value built around a fresh array, written through an alias of the value. */
    @Differentiable
    public static double freshValue(double[] x, double c) {
        Params q = new Params(new double[x.length], c);
        for (int i = 0; i < x.length; i++) {
            q.w()[i] = x[i] * c;
        }
        Params r = q;
        r.w()[0] += c * c;
        double s = q.b();
        for (double v : q.w()) {
            s += v * v;
        }
        return s;
    }

    /** A record parameter outside wrt: its leaves are constants. */
    @Differentiable(wrt = {"x"})
    public static double fixedParams(Params p, double[] x) {
        double z = p.b();
        for (int i = 0; i < x.length; i++) {
            z += p.w()[i] * Math.sin(x[i]);
        }
        return z * z;
    }

    /** A vector-valued method with a record parameter: predictions for two inputs. */
    @Differentiable
    public static double[] predictions(Params p, double[] x) {
        double z = p.b();
        double u = -p.b();
        for (int i = 0; i < x.length; i++) {
            z += p.w()[i] * x[i];
            u += p.w()[i] * x[i] * x[i];
        }
        return new double[] {Math.tanh(z), u * u, z * u};
    }
}
