package example;

import org.cotangent.Differentiable;

class ValueTypeCall {
    record Point(double x, double y) {
        double norm() {
            return Math.sqrt(x * x + y * y);
        }
    }

    static Point scaled(Point p, double s) {
        return new Point(p.x() * s, p.y() * s);
    }

    @Differentiable
    static double f(double x) {
        Point p = new Point(x, 2 * x);
        // ERROR: COT002 col=22
        // ERROR: COT002 col=41
        return scaled(p, 3).x() + p.norm();
    }
}
