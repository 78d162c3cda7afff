package org.cotangent.processor.emit;

import org.cotangent.processor.naming.RuntimeMethod;
import org.cotangent.processor.naming.Names;
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
    static List<String> members(Callee callee, RuntimeSpelling spelling) {
        String handle = Names.methodHandle(callee.owner(), callee.name());
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
        String fields = spelling.of(org.cotangent.processor.naming.RuntimeClasses.FIELDS);
        String field = "private static final " + spelling.of("java.lang.invoke.MethodHandle") + " " + handle + " = "
                + fields + "." + RuntimeMethod.METHOD_HANDLE.methodName() + "(" + spelling.of("java.lang.invoke.MethodHandles") + ".lookup(), "
                + callee.owner() + ".class, \"" + callee.name() + "\", " + callee.isStatic()
                + ", " + spelling.of("java.lang.invoke.MethodType") + ".methodType(" + String.join(", ", typeArgs) + "));";
        String call = handle + ".invokeExact(" + String.join(", ", args) + ")";
        String body = callee.isVoid() ? call + ";" : "return (" + ret + ") " + call + ";";
        String method = "private static " + ret + " " + callee.invoker() + "(" + String.join(", ", params) + ") {"
                + " try { " + body + " } catch (Throwable t) { throw " + fields + "." + RuntimeMethod.RETHROW.methodName() + "(t); } }";
        return List.of(field, method);
    }
}
