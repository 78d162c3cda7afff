package example;

import org.cotangent.Differentiable;

class ValueTypeCall {
    record Point(double x, double y) {
        double norm() {
            if (x == 0 && y == 0) {
                return 0;
            }
            return Math.sqrt(x * x + y * y);
        }
    }

    static Point halve(Point p, int times) {
        // ERROR: COT002 col=38
        return times == 0 ? p : halve(new Point(p.x() / 2, p.y() / 2), times - 1);
    }

    @Differentiable
    static double f(double x) {
        Point p = new Point(x, 2 * x);
        // ERROR: COT002 col=40
        return halve(p, 3).x() + p.norm();
    }
}
