package org.cotangent.it.values;

import org.cotangent.Differentiable;

/** @Differentiable methods that return values of value types (of doubles). */
public class Returns {
    public record Point(double x, double y) {
    }

    public record Segment(Point from, Point to) {
    }

    @Differentiable
    public static Point polar(double r, double t) {
        if (r == 0) {
            return new Point(0, 0);
        }
        return new Point(r * Math.cos(t), r * Math.sin(t));
    }

    /** A nested record built in a loop, chosen by a branch. */
    @Differentiable
    public static Segment path(double[] steps, double turn) {
        Point at = new Point(0, 0);
        Point start = at;
        for (int i = 0; i < steps.length; i++) {
            double angle = turn * i;
            at = new Point(at.x() + steps[i] * Math.cos(angle), at.y() + steps[i] * Math.sin(angle));
            if (i == 0) {
                start = at;
            }
        }
        return new Segment(start, at);
    }

    /** A final class as parameter (named in wrt) and result. */
    @Differentiable(wrt = {"v", "angle"})
    public static Vector2 rotate(Vector2 v, double angle) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        return new Vector2(c * v.x - s * v.y, s * v.x + c * v.y);
    }

    /** The state of an ODE: an array and a scalar. */
    public record State(double[] y, double t) {
    }

    /** One explicit Euler step of y' = -k y + sin(t), as a step function returning the new state. */
    @Differentiable
    public static State euler(State s, double k, double h) {
        double[] next = new double[s.y().length];
        for (int i = 0; i < next.length; i++) {
            next[i] = s.y()[i] + h * (-k * s.y()[i] + Math.sin(s.t()));
        }
        return new State(next, s.t() + h);
    }

    /** A result whose array is the parameter's own (aliased), chosen by a branch. */
    @Differentiable(wrt = {"p", "c"})
    public static Params shifted(Params p, double c, boolean keep) {
        if (keep) {
            return p;
        }
        return new Params(p.w(), p.b() + c * c);
    }
}
