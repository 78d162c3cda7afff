package org.cotangent.it.values;

import org.cotangent.Differentiable;

/** A record with differentiable instance methods: the receiver is a value differentiated too. */
public record Vec3(double x, double y, double z) {
    @Differentiable
    public double norm2() {
        if (Double.isInfinite(x)) {
            throw new IllegalArgumentException("infinite: " + this);
        }
        return x * x + y * y + z * z;
    }

    @Differentiable
    public double dot(Vec3 o) {
        return x * o.x() + y * o.y + this.z * o.z();
    }

    /** A static method of a record, with a parameter of the record's type. */
    @Differentiable
    public static double lengthOf(Vec3 v) {
        return Math.sqrt(v.x * v.x + v.y() * v.y() + v.z * v.z);
    }

    /** A record method returning the record: self in, a new value out. */
    @Differentiable
    public Vec3 scaled(double s) {
        return new Vec3(x * s, y * s, z * Math.exp(s));
    }

    @Differentiable
    public double weighted(double[] a) {
        return a[0] * x + a[1] * y() + a[2] * Math.sin(z);
    }
}
