package example;

import org.cotangent.Differentiable;

class ValueTypeNoSource {
    record Point(double x, double y) {
    }

    @Differentiable
    static double f(double x) {
        Point p = new Point(x, 2 * x);
        // ERROR: COT002 col=40
        int h = System.identityHashCode(p);
        return p.x() * p.y() + h;
    }
}
