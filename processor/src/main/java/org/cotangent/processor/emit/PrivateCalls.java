package org.cotangent.processor.emit;

import org.cotangent.processor.ir.Callee;
import org.cotangent.processor.ir.Type;

import java.util.ArrayList;
import java.util.List;

/**
 * How generated code calls a private method of the user's class: a {@code static final}
 * MethodHandle found once when the generated class is initialised, and a small helper that invokes
 * it exactly (the JIT inlines it like a direct call: no reflection per call).
 */
final class PrivateCalls {
    private PrivateCalls() {
    }

    /** The Java source of the handle field and the helper method for {@code callee}. */
    static List<String> members(Callee callee) {
        String handle = "METHOD_" + callee.owner().replace('.', '_') + "_" + callee.name();
        List<String> types = new ArrayList<>();
        List<String> params = new ArrayList<>();
        List<String> args = new ArrayList<>();
        if (!callee.isStatic()) {
            params.add(callee.owner() + " self");
            args.add("self");
        }
        int k = 0;
        for (Type t : callee.params()) {
            types.add(t.javaName() + ".class");
            params.add(t.javaName() + " arg" + k);
            args.add("arg" + k);
            k++;
        }
        String ret = callee.returnType().javaName();
        List<String> typeArgs = new ArrayList<>();
        typeArgs.add(ret + ".class");
        typeArgs.addAll(types);
        String field = "private static final MethodHandle " + handle + " = Fields.method(MethodHandles.lookup(), "
                + callee.owner() + ".class, \"" + callee.name() + "\", " + callee.isStatic()
                + ", MethodType.methodType(" + String.join(", ", typeArgs) + "));";
        String call = handle + ".invokeExact(" + String.join(", ", args) + ")";
        String body = callee.isVoid() ? call + ";" : "return (" + ret + ") " + call + ";";
        String method = "private static " + ret + " " + callee.invoker() + "(" + String.join(", ", params) + ") {"
                + " try { " + body + " } catch (Throwable t) { throw Fields.rethrow(t); } }";
        return List.of(field, method);
    }
}
