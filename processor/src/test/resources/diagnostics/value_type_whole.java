package example;

import org.cotangent.Differentiable;

class ValueTypeWhole {
    record Point(double x, double y) {
    }

    @Differentiable
    static double f(double x) {
        Point p = new Point(x, 2 * x);
        Point q = p;
        // ERROR: COT002 col=24
        // ERROR: COT002 col=29
        boolean same = p == q;
        return p.x() * q.y() + (same ? 1 : 0);
    }
}
