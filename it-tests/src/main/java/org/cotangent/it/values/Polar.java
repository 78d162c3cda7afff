package org.cotangent.it.values;

import org.cotangent.Differentiable;

/**
 * A final class as libraries write them: private final fields, getters, a method that uses them;
 * differentiated where wrt names it.
 */
public final class Polar {
    private final double radius;
    private final double angle;
    private final double[] weights;

    public Polar(double radius, double angle, double[] weights) {
        this.radius = radius;
        this.angle = angle;
        this.weights = weights;
    }

    public double getRadius() {
        return radius;
    }

    public double getAngle() {
        return angle;
    }

    public double[] getWeights() {
        return weights;
    }

    double x() {
        return radius * Math.cos(angle);
    }

    @Differentiable(wrt = {"self", "t"})
    public double energy(double t) {
        double s = 0;
        for (int i = 0; i < weights.length; i++) {
            s += weights[i] * Math.sin(t * i + angle);
        }
        return s * radius + x() * getRadius();
    }

    @Differentiable(wrt = {"p"})
    public static double spread(Polar p, Polar q) {
        return p.getRadius() * q.getRadius() * Math.cos(p.getAngle() - q.getAngle()) + p.getWeights()[0];
    }
}
