package org.cotangent.processor.ir;

import java.util.List;

/**
 * A user's {@code @Differentiable} method as the front end read it.
 *
 * @param name the method's name
 * @param ownerClass the simple name of the declaring class as written in generated code
 * @param params the parameters in order
 * @param wrt the parameters to differentiate with respect to, in declaration order
 * @param returnType the declared return type
 * @param body the body
 * @param pos where the method is declared
 * @param valueParams the parameters of value types, whose leaves stand in {@code params} in their place
 * @param valueReturn the value type the method returns, or null; {@code returnType} is then the
 *     {@code double[]} of its leaves (array leaves element by element), in {@link ValueType#leaves()} order
 * @param returnLengths for each array leaf of {@code valueReturn}, the method-level local that holds its
 *     length at the return (the boundary splits the {@code double[]} with them)
 */
public record Function(String name, String ownerClass, List<Var> params, List<Var> wrt, Type returnType,
                       Stmt.Block body, SourcePos pos, List<ValueParam> valueParams, ValueType valueReturn,
                       List<Var> returnLengths) {
    public Function {
        params = List.copyOf(params);
        wrt = List.copyOf(wrt);
        valueParams = List.copyOf(valueParams);
        returnLengths = List.copyOf(returnLengths);
    }

    /** A method without parameters of value types. */
    public Function(String name, String ownerClass, List<Var> params, List<Var> wrt, Type returnType,
                    Stmt.Block body, SourcePos pos) {
        this(name, ownerClass, params, wrt, returnType, body, pos, List.of(), null, List.of());
    }

    /** The same method with another body. */
    public Function withBody(Stmt.Block newBody) {
        return new Function(name, ownerClass, params, wrt, returnType, newBody, pos, valueParams, valueReturn,
                returnLengths);
    }

    /** The value parameter that {@code leaf} is a leaf of, or null. */
    public ValueParam valueParamOf(Var leaf) {
        for (ValueParam p : valueParams) {
            if (p.leaves().contains(leaf)) {
                return p;
            }
        }
        return null;
    }
}
