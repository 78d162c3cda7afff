package org.cotangent.it.values;

/** A dense layer: a matrix and a bias, nested in {@link Mlp}. */
public record Layer(double[][] w, double[] b) {
}
