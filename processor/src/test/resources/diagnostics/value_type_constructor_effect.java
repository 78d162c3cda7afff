package example;

import org.cotangent.Differentiable;

class ValueTypeConstructorEffect {
    record Point(double x, double y) {
    }

    @Differentiable
    static double f(double x) {
        double s = x;
        // ERROR: COT012 col=19
        Point p = new Point(s, s++);
        return p.x() * p.y() + s;
    }
}
