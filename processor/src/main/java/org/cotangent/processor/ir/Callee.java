package org.cotangent.processor.ir;

import org.cotangent.processor.naming.Names;
import java.util.List;

/**
 * What a caller needs to know of a method it calls with derivatives: how to call it, how to call
 * its pullback ({@code _vjp}), which parameters that pullback takes accumulators for, and which
 * array parameters the method may write into.
 *
 * @param owner the declaring class as written in generated code
 * @param name the method's name
 * @param isStatic false for an instance method (the pullback then takes the receiver first)
 * @param params the parameter types
 * @param wrt for each parameter, whether the pullback has an accumulator for it
 * @param writes for each parameter, whether the method may write into it (an array)
 * @param returnType {@code double}, or {@code void} for a method with output arrays
 * @param vjpOwner the class of the pullback as written in generated code
 * @param vjpName the pullback's name
 * @param jvpOwner the class of its {@code _jvp} (generated, or a {@code @CustomJvp} rule), or null
 *     where it has none (a method with only a {@code @CustomVjp} rule)
 * @param jvpName the name of that method
 * @param tangentOwner the class of its generated {@code _vjpTangent} (second order), or null where
 *     it has none (its pullback is a user's rule)
 * @param isPrivate whether generated code must reach the method itself through a method handle
 */
public record Callee(String owner, String name, boolean isStatic, List<Type> params, List<Boolean> wrt,
                     List<Boolean> writes, Type returnType, String vjpOwner, String vjpName, String jvpOwner,
                     String jvpName, String tangentOwner, boolean isPrivate) {
    /** The generated class's helper that calls a private method through its method handle. */
    public String invoker() {
        return org.cotangent.processor.naming.Names.invoker(owner, name);
    }

    public Callee {
        params = List.copyOf(params);
        wrt = List.copyOf(wrt);
        writes = List.copyOf(writes);
    }

    public boolean isVoid() {
        return returnType.base() == Type.Base.VOID;
    }
}
