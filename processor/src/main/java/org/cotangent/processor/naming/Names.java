package org.cotangent.processor.naming;

import java.util.HashSet;
import java.util.Set;

/**
 * The one place that decides how generated things are named: the derivatives class, the derivative
 * methods, the gradient record, adjoint and tangent variables, and fresh temporaries that never clash
 * with a name of the user's.
 */
public final class Names {
    private final Set<String> taken = new HashSet<>();

    /** A scope in which {@code userNames} are already taken. */
    public Names(Iterable<String> userNames) {
        userNames.forEach(taken::add);
    }

    /** An independent copy: names taken in it are not taken here. */
    public Names copy() {
        Names copy = new Names(taken);
        return copy;
    }

    /** {@code base} itself if free, else {@code base_2}, {@code base_3}...; the name is then taken. */
    public String fresh(String base) {
        String name = base;
        for (int i = 2; taken.contains(name); i++) {
            name = base + "_" + i;
        }
        taken.add(name);
        return name;
    }

    /** Marks {@code name} as taken. */
    public void reserve(String name) {
        taken.add(name);
    }

    /** {@code Foo} -> {@code FooDerivatives}; a nested {@code Outer.Inner} -> {@code Outer_InnerDerivatives}. */
    public static String derivativesClass(String nestedName) {
        return nestedName.replace('.', '_') + "Derivatives";
    }

    /** {@code loss} -> {@code LossGradient}. */
    public static String gradientRecord(String method) {
        return Character.toUpperCase(method.charAt(0)) + method.substring(1) + "Gradient";
    }

    public static String grad(String method) {
        return method + "_grad";
    }

    public static String vjp(String method) {
        return method + "_vjp";
    }

    public static String jvp(String method) {
        return method + "_jvp";
    }

    /** The generated class's VarHandle for a private field: {@code Model.scale} -> {@code FIELD_Model_scale}. */
    public static String fieldHandle(String owner, String field) {
        return "FIELD_" + owner.replace('.', '_') + "_" + field;
    }

    /** The accumulator parameter of {@code _vjp} for parameter {@code param}. */
    public static String accumulator(String param) {
        return param + "_adj";
    }

    /** The adjoint of variable {@code var} (before freshening). */
    public static String adjoint(String var) {
        return var + "_adj";
    }

    /** The tangent of variable {@code var} (before freshening). */
    public static String tangent(String var) {
        return var + "_dot";
    }
}
