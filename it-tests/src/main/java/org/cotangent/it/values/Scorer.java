package org.cotangent.it.values;

import org.cotangent.Differentiable;

/**
 * A model object (not a value type: its field is not final) whose fields hold values of value types,
 * read as constants: {@code this.params.w()}, a private one, a static default, a record's method on one.
 */
public class Scorer {
    static final Params DEFAULT = new Params(new double[] {0.5, -0.25}, 0.125);
    final Params params;
    private final Vec3 axis;
    double temperature = 1.0;

    public Scorer(Params params, Vec3 axis) {
        this.params = params;
        this.axis = axis;
    }

    @Differentiable
    public double score(double[] x) {
        double z = params.b() + DEFAULT.b() * x[0];
        for (int i = 0; i < x.length; i++) {
            z += this.params.w()[i] * x[i] + DEFAULT.w()[i % 2];
        }
        Vec3 v = new Vec3(x[0], x[1], z);
        return Math.tanh(z / temperature) + axis.dot(v) + axis.x() * v.norm2();
    }
}
