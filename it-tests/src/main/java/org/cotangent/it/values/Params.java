package org.cotangent.it.values;

/** The parameters of a linear model: a record with an array component and a scalar one. */
public record Params(double[] w, double b) {
}
