package example;

import org.cotangent.Differentiable;

class ValueTypeConstantObject {
    static final class Point {
        final double x;
        final double y;

        Point(double x, double y) {
            this.x = x;
            this.y = y;
        }
    }

    @Differentiable(wrt = {"a"})
    static double f(Point a, Point b) {
        // ERROR: COT002 col=19
        Point c = b;
        return a.x * c.y + b.x;
    }
}
