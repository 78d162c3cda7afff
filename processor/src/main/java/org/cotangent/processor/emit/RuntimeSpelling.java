package org.cotangent.processor.emit;

import java.util.List;
import java.util.Set;
import org.cotangent.processor.naming.RuntimeClasses;

/**
 * How one generated file writes the names of the classes it imports (the runtime's {@code Tape},
 * {@code Checks}, ..., {@code Generated}, the {@code java.lang.invoke} types): by their simple name
 * where nothing of the user's takes it, else fully qualified and not imported. A user's class
 * {@code Tape} in the same package, or a parameter named {@code Checks}, would otherwise shadow the
 * runtime's and make the generated source fail to compile.
 */
final class RuntimeSpelling {
    /** The classes generated code may name, by simple name. */
    static final Set<String> KNOWN = known();

    private static Set<String> known() {
        Set<String> all = new java.util.HashSet<>(RuntimeClasses.IMPORTED);
        all.addAll(List.of(RuntimeClasses.FIELDS, "javax.annotation.processing.Generated",
                "java.lang.invoke.MethodHandle", "java.lang.invoke.MethodHandles", "java.lang.invoke.MethodType",
                "java.lang.invoke.VarHandle"));
        return Set.copyOf(all);
    }

    private final Set<String> taken;

    /** {@code taken}: the simple names the user's code gives to something else in the generated file. */
    RuntimeSpelling(Set<String> taken) {
        this.taken = Set.copyOf(taken);
    }

    /**
     * How to write {@code name} in the file: a known class ({@code org.cotangent.runtime.Tape}) by its
     * simple name unless the user's code takes it; any other name as it is.
     */
    String of(String name) {
        if (!KNOWN.contains(name)) {
            return name;
        }
        String simple = name.substring(name.lastIndexOf('.') + 1);
        return taken.contains(simple) ? name : simple;
    }

    /** A type spelling such as {@code org.cotangent.runtime.Dual[]}, its base written as {@link #of} writes it. */
    String ofType(String spelling) {
        int bracket = spelling.indexOf('[');
        String base = bracket < 0 ? spelling : spelling.substring(0, bracket);
        return of(base) + (bracket < 0 ? "" : spelling.substring(bracket));
    }

    /** Whether the qualified class may be imported (its simple name is not taken). */
    boolean importable(String qualified) {
        return !taken.contains(qualified.substring(qualified.lastIndexOf('.') + 1));
    }
}
