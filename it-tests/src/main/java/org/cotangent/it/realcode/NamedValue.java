package org.cotangent.it.realcode;

import org.cotangent.Differentiable;

/** Parameters named {@code value}, as in {@code clamp(double value, ...)}: the gradient component is {@code value_}. */
public class NamedValue {
    @Differentiable
    public static double softClamp(double value, double scale) {
        return scale * Math.tanh(value / scale);
    }

    @Differentiable
    public static double both(double value, double value_) {
        return value * value_ * value_;
    }
}
