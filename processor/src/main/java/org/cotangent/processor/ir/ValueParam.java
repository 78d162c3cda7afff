package org.cotangent.processor.ir;

import java.util.List;

/**
 * A parameter of a value type, as the public boundary of generated methods sees it; inside, the
 * method has one parameter per leaf instead ({@code p} of {@code record Params(double[] w, double b)}
 * becomes {@code p_w} and {@code p_b}).
 *
 * @param name the parameter's name
 * @param type its value type
 * @param leaves the variables of its leaves, in {@link ValueType#leaves()} order
 * @param wrt whether the user differentiates with respect to it
 */
public record ValueParam(String name, ValueType type, List<Var> leaves, boolean wrt) {
    public ValueParam {
        leaves = List.copyOf(leaves);
    }
}
