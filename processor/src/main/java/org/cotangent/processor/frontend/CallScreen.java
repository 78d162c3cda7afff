package org.cotangent.processor.frontend;

import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the front end must know of a method without derivative before differentiated code may call
 * it, read from the method's source when it is part of the compilation (transitively through the
 * methods it calls), else from curated lists of the JDK's methods:
 *
 * <ul>
 *   <li>whether its {@code int}/{@code long} result is a step function of its floating arguments
 *       ({@code Math.round}, {@code (int) Math.floor(x / h)}), so that its derivative is 0, or may
 *       carry their value ({@code Double.doubleToLongBits}: back through {@code longBitsToDouble}
 *       the derivative would be silently lost);</li>
 *   <li>whether it is non-deterministic ({@code Math.random()}, {@code System.nanoTime()}): the
 *       sweeps of a derivative evaluate it more than once and would see different values.</li>
 * </ul>
 */
final class CallScreen {
    /** JDK methods whose integer result is locally constant in their floating arguments. */
    private static final Set<String> STEP_FUNCTIONS = Set.of(
            "java.lang.Math.round", "java.lang.StrictMath.round",
            "java.lang.Math.getExponent", "java.lang.StrictMath.getExponent",
            "java.lang.Double.compare", "java.lang.Float.compare",
            "java.util.Arrays.binarySearch");

    /** JDK methods whose value changes from one call to the next. */
    private static final Set<String> NON_DETERMINISTIC = Set.of(
            "java.lang.Math.random", "java.lang.StrictMath.random",
            "java.lang.System.nanoTime", "java.lang.System.currentTimeMillis");

    private final Trees trees;
    private final Map<ExecutableElement, Optional<String>> carriers = new HashMap<>();
    private final Map<ExecutableElement, Optional<String>> randoms = new HashMap<>();

    private final Attribution attribution;

    CallScreen(Trees trees, Attribution attribution) {
        this.trees = trees;
        this.attribution = attribution;
    }

    /**
     * For a method with an {@code int} or {@code long} result: empty if that result is a step
     * function of its floating arguments, else the JDK method (qualified) through which it may
     * carry their value.
     */
    Optional<String> valueCarrier(ExecutableElement method) {
        return screen(method, carriers, m -> isInteger(m) && hasFloatingParameter(m)
                && !STEP_FUNCTIONS.contains(qualifiedName(m)));
    }

    /** Empty if the method is deterministic, else the JDK method (qualified) that makes it not. */
    Optional<String> nonDeterminism(ExecutableElement method) {
        return screen(method, randoms, m -> NON_DETERMINISTIC.contains(qualifiedName(m)));
    }

    private interface Rule {
        boolean offends(ExecutableElement compiledMethod);
    }

    /**
     * A method with source offends if a call in its body does (a cycle counts as clean: it adds no
     * new call); a compiled method is judged by {@code rule}, except that only methods in the JDK
     * are trusted by name and any other compiled method is judged by the same rule.
     */
    private Optional<String> screen(ExecutableElement method, Map<ExecutableElement, Optional<String>> memo,
                                    Rule rule) {
        Optional<String> known = memo.get(method);
        if (known != null) {
            return known;
        }
        TreePath path = trees.getPath(method);
        if (path == null || attribution.refuses(path)) {
            Optional<String> verdict = rule.offends(method) ? Optional.of(qualifiedName(method)) : Optional.empty();
            memo.put(method, verdict);
            return verdict;
        }
        memo.put(method, Optional.empty());
        Optional<String> verdict = Optional.empty();
        for (ExecutableElement m : attribution.calledMethods(path)) {
            Optional<String> inner = screen(m, memo, rule);
            if (inner.isPresent()) {
                verdict = inner;
                break;
            }
        }
        memo.put(method, verdict);
        return verdict;
    }

    private static boolean isInteger(ExecutableElement m) {
        TypeKind k = m.getReturnType().getKind();
        return k == TypeKind.INT || k == TypeKind.LONG || k == TypeKind.SHORT || k == TypeKind.BYTE
                || k == TypeKind.CHAR;
    }

    private static boolean hasFloatingParameter(ExecutableElement m) {
        for (VariableElement p : m.getParameters()) {
            javax.lang.model.type.TypeMirror t = p.asType();
            while (t instanceof javax.lang.model.type.ArrayType a) {
                t = a.getComponentType();
            }
            if (t.getKind() == TypeKind.DOUBLE || t.getKind() == TypeKind.FLOAT) {
                return true;
            }
        }
        return false;
    }

    static String qualifiedName(ExecutableElement m) {
        return ((TypeElement) m.getEnclosingElement()).getQualifiedName() + "." + m.getSimpleName();
    }
}
