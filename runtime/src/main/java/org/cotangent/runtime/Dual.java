package org.cotangent.runtime;

/**
 * A value and its directional derivative, as returned by generated {@code f_jvp} methods.
 *
 * @param value the function's value
 * @param tangent the derivative of the value along the tangents passed in
 */
public record Dual(double value, double tangent) {
}
