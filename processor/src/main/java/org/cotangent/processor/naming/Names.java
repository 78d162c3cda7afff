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

    /** The record {@code f_jvp} returns for a method returning a value type: {@code sincos} -> {@code SincosDual}. */
    public static String dualRecord(String method) {
        return Character.toUpperCase(method.charAt(0)) + method.substring(1) + "Dual";
    }

    /**
     * The components of a gradient record after {@code value}, one per wrt parameter, in order:
     * the parameter's name, except that a parameter named {@code value} gets {@code value_} (and any
     * other clash a further underscore).
     */
    public static java.util.List<String> gradientComponents(java.util.List<String> wrt) {
        java.util.List<String> out = new java.util.ArrayList<>();
        Set<String> taken = new HashSet<>(wrt);
        taken.add("value");
        for (String w : wrt) {
            String name = w;
            if (name.equals("value")) {
                name = "value_";
                while (taken.contains(name) || out.contains(name)) {
                    name += "_";
                }
            }
            out.add(name);
        }
        return out;
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

    /**
     * The tangent of variable {@code var} (before freshening). For the local adjoint of a parameter
     * ({@code x_adj_}, beside the accumulator {@code x_adj}) it is {@code x_adj_dot_}, beside the
     * accumulator's tangent {@code x_adj_dot}.
     */
    public static String tangent(String var) {
        return var.endsWith("_") ? var.substring(0, var.length() - 1) + "_dot_" : var + "_dot";
    }

    public static String jacobian(String method) {
        return method + "_jacobian";
    }

    public static String hvp(String method) {
        return method + "_hvp";
    }

    public static String hessian(String method) {
        return method + "_hessian";
    }

    /** Forward over reverse: the tangent of {@code _vjp}, which second-order callers call. */
    public static String vjpTangent(String method) {
        return method + "_vjpTangent";
    }

    /** The generated class's MethodHandle for a private callee: {@code Model.norm} -> {@code METHOD_Model_norm}. */
    public static String methodHandle(String owner, String method) {
        return "METHOD_" + owner.replace('.', '_') + "_" + method;
    }

    /** The generated helper that invokes a private callee through its handle. */
    public static String invoker(String owner, String method) {
        return "invoke_" + owner.replace('.', '_') + "_" + method;
    }

    /** The local adjoint of a parameter whose accumulator is added to at the end (before freshening). */
    public static String parameterAdjoint(String param) {
        return adjoint(param) + "_";
    }

    /** Where the old value of {@code var} (or of an element of the array {@code var}) is saved. */
    public static String saved(String var) {
        return var + "_saved";
    }

    /** {@code a} -> {@code a_element}: an element of the array {@code a}, as a base for other names. */
    public static String element(String array) {
        return array + "_element";
    }

    /** The copy of an adjoint taken before it restarts: {@code y_adj} -> {@code y_adj_in}. */
    public static String incoming(String adjoint) {
        return adjoint + "_in";
    }

    /** The one-element accumulator of argument {@code k} passed to the pullback of {@code callee}. */
    public static String argumentCell(String callee, int k) {
        return callee + "_adj" + k;
    }

    /** The value and tangent returned by the {@code _jvp} of {@code callee}. */
    public static String dual(String callee) {
        return callee + "_dual";
    }

    /** A direction (a unit vector or the caller's) for parameter {@code param}. */
    public static String direction(String param) {
        return param + "_direction";
    }

    /** The contents an array parameter is left with, kept to restore it: {@code x} -> {@code x_final}. */
    public static String finalContents(String param) {
        return param + "_final";
    }

    /** One entry of a Jacobian row for parameter {@code param}. */
    public static String entry(String param) {
        return param + "_entry";
    }

    /** Scalar replacement: element {@code k} of the small array {@code array}. */
    public static String scalarOf(String array, int k) {
        return array + "_" + k;
    }
}
