package example;

import org.cotangent.Differentiable;

class ValueTypePrivateField {
    static final class Point {
        private final double x;
        final double y;

        Point(double x, double y) {
            this.x = x;
            this.y = y;
        }

        double twiceX() {
            return 2 * x;
        }
    }

    @Differentiable(wrt = {"p"})
    // ERROR: COT003 col=27
    static double f(Point p) {
        return p.twiceX() * p.y;
    }
}
