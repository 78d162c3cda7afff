package org.cotangent.processor.naming;

import org.cotangent.processor.rules.Primitive;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every runtime method generated code calls exists in the runtime with that name, that many
 * parameters (or varargs) and that static-ness; every primitive helper is a public static double
 * method of {@code Primitives} with its arity. A renamed runtime method fails here, not in a user's build.
 */
class RuntimeReferencesTest {
    @Test
    void everyRuntimeMethodExists() throws ClassNotFoundException {
        List<String> missing = new ArrayList<>();
        for (RuntimeMethod m : RuntimeMethod.values()) {
            Class<?> owner = Class.forName(m.owner());
            boolean found = false;
            for (Method candidate : owner.getMethods()) {
                if (!candidate.getName().equals(m.methodName())) {
                    continue;
                }
                boolean arityFits = m.arity() < 0 ? candidate.isVarArgs() : candidate.getParameterCount() == m.arity();
                found |= arityFits && Modifier.isStatic(candidate.getModifiers()) == m.isStatic();
            }
            if (!found) {
                missing.add(m + " (" + m.owner() + "." + m.methodName() + ")");
            }
        }
        assertEquals(List.of(), missing, "runtime methods the processor calls but the runtime lacks");
    }

    @Test
    void everyPrimitiveHelperExists() throws ClassNotFoundException {
        Class<?> primitives = Class.forName(RuntimeClasses.PRIMITIVES);
        for (Primitive p : Primitive.values()) {
            Class<?>[] params = new Class<?>[p.arity()];
            java.util.Arrays.fill(params, double.class);
            Method m;
            try {
                m = primitives.getMethod(p.javaName(), params);
            } catch (NoSuchMethodException e) {
                throw new AssertionError("Primitives." + p.javaName() + " with " + p.arity() + " doubles is missing");
            }
            assertTrue(Modifier.isStatic(m.getModifiers()), p.javaName());
            assertEquals(double.class, m.getReturnType(), p.javaName());
        }
    }

    @Test
    void everyPublicPrimitiveHelperHasARule() throws ClassNotFoundException {
        Class<?> primitives = Class.forName(RuntimeClasses.PRIMITIVES);
        for (Method m : primitives.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && m.getReturnType() == double.class) {
                boolean known = false;
                for (Primitive p : Primitive.values()) {
                    known |= p.javaName().equals(m.getName());
                }
                assertTrue(known, "Primitives." + m.getName() + " has no entry in rules/Primitive");
            }
        }
    }

    @Test
    void everyImportedRuntimeClassExists() throws ClassNotFoundException {
        for (String qualified : RuntimeClasses.IMPORTED) {
            assertFalse(Class.forName(qualified).isInterface(), qualified);
        }
        Class.forName(RuntimeClasses.FIELDS);
    }
}
