package org.cotangent.it.values;

/** A final class with final fields, a constructor that only assigns them, and a getter. */
public final class Vector2 {
    final double x;
    final double y;

    public Vector2(double x, double y) {
        this.x = x;
        this.y = y;
    }

    public double getX() {
        return x;
    }

    public double getY() {
        return y;
    }
}
