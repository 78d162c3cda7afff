package org.cotangent.processor.frontend;

import com.sun.source.util.Trees;

import javax.annotation.processing.ProcessingEnvironment;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * javac's Tree API behind the wrappers that build tools put around the processing environment.
 *
 * <p>{@link Trees#instance} accepts only javac's own environment. Gradle's incremental processing
 * hands processors a wrapper that keeps javac's environment in a field; IntelliJ's build hands them
 * a {@link Proxy} whose invocation handler keeps it. Neither is a public API, so this looks for no
 * names: it follows every field, of the object or of a proxy's handler, whose value is a
 * {@code ProcessingEnvironment}, breadth first and a few levels deep, until one is javac's.
 *
 * <p>Only the trees come from the environment found; the processor keeps using the wrapper's
 * {@code Filer} and {@code Messager}, so that the build tool still sees every generated file and
 * the element it originates from.
 */
final class JavacEnvironment {
    /** Deeper than any wrapper seen: Gradle and IntelliJ each add one level. */
    private static final int MAX_DEPTH = 4;

    private JavacEnvironment() {
    }

    /** javac's trees for {@code env} or for the javac environment it wraps; empty under another compiler. */
    static Optional<Trees> trees(ProcessingEnvironment env) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object> level = new ArrayDeque<>();
        level.add(env);
        for (int depth = 0; depth <= MAX_DEPTH && !level.isEmpty(); depth++) {
            Deque<Object> next = new ArrayDeque<>();
            for (Object candidate : level) {
                if (!seen.add(candidate)) {
                    continue;
                }
                if (candidate instanceof ProcessingEnvironment processing) {
                    Optional<Trees> trees = direct(processing);
                    if (trees.isPresent()) {
                        return trees;
                    }
                }
                next.addAll(wrapped(candidate));
            }
            level = next;
        }
        return Optional.empty();
    }

    private static Optional<Trees> direct(ProcessingEnvironment env) {
        try {
            return Optional.of(Trees.instance(env));
        } catch (IllegalArgumentException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** The environments (and proxy handlers) that {@code wrapper}'s instance fields hold. */
    private static Deque<Object> wrapped(Object wrapper) {
        Deque<Object> found = new ArrayDeque<>();
        if (Proxy.isProxyClass(wrapper.getClass())) {
            found.add(Proxy.getInvocationHandler(wrapper));
            return found;
        }
        for (Class<?> type = wrapper.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                    continue;
                }
                Object value = read(field, wrapper);
                if (value instanceof ProcessingEnvironment || value != null && Proxy.isProxyClass(value.getClass())) {
                    found.add(value);
                }
            }
        }
        return found;
    }

    private static Object read(Field field, Object owner) {
        try {
            return field.trySetAccessible() ? field.get(owner) : null;
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }
}
