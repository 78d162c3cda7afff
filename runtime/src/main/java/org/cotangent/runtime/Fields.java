package org.cotangent.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * How generated code reads a private field of the user's class: once, when the generated class is
 * initialised, it finds a {@link VarHandle} with the private access the user's class grants to its
 * own package; kept in a {@code static final} field, the handle costs nothing per read after JIT
 * compilation (no reflection per call).
 */
public final class Fields {
    private Fields() {
    }

    /**
     * The handle of field {@code name} of {@code owner} (static or not), looked up with
     * {@code caller}'s access (the generated class's own lookup).
     */
    public static VarHandle find(MethodHandles.Lookup caller, Class<?> owner, String name, Class<?> type) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, caller);
            Field field = owner.getDeclaredField(name);
            return Modifier.isStatic(field.getModifiers())
                    ? lookup.findStaticVarHandle(owner, name, type)
                    : lookup.findVarHandle(owner, name, type);
        } catch (ReflectiveOperationException | IllegalArgumentException | SecurityException e) {
            throw new IllegalStateException("cannot read field " + owner.getName() + "." + name
                    + " from generated code; if the class is in a named module, open its package", e);
        }
    }

    /**
     * The handle of method {@code name} of {@code owner} (static or virtual) of exactly {@code type},
     * looked up with {@code caller}'s access.
     */
    public static java.lang.invoke.MethodHandle method(MethodHandles.Lookup caller, Class<?> owner, String name,
                                                       boolean isStatic, java.lang.invoke.MethodType type) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, caller);
            return isStatic ? lookup.findStatic(owner, name, type) : lookup.findVirtual(owner, name, type);
        } catch (ReflectiveOperationException | IllegalArgumentException | SecurityException e) {
            throw new IllegalStateException("cannot call method " + owner.getName() + "." + name
                    + " from generated code; if the class is in a named module, open its package", e);
        }
    }

    /** Rethrows what a method handle threw: unchecked as it is, checked wrapped. */
    public static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new java.lang.reflect.UndeclaredThrowableException(t);
    }
}
