package org.cotangent.runtime;

/**
 * A vector value and its directional derivative, as returned by generated {@code g_jvp} methods of
 * vector-valued functions.
 *
 * @param value the function's value
 * @param tangent the derivative of each component along the tangents passed in
 */
public record DualVector(double[] value, double[] tangent) {
}
