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
 */
public record Function(String name, String ownerClass, List<Var> params, List<Var> wrt, Type returnType,
                       Stmt.Block body, SourcePos pos) {
    public Function {
        params = List.copyOf(params);
        wrt = List.copyOf(wrt);
    }
}
