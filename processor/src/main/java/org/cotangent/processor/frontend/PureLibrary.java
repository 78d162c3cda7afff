package org.cotangent.processor.frontend;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import java.util.Set;

/**
 * JDK methods known to leave the arrays they are passed unchanged, so that differentiated code may
 * pass them active arrays when their result carries no derivative (an interpolation cell from
 * {@code Arrays.binarySearch(grid, x)}). Any other method without source might write its array
 * arguments, and a call that passes it an active array stays an error (COT004) that says so.
 */
final class PureLibrary {
    private PureLibrary() {
    }

    /** {@code owner#name}: every overload of the name is pure. */
    private static final Set<String> PURE = Set.of(
            "java.util.Arrays#binarySearch",
            "java.util.Arrays#equals",
            "java.util.Arrays#deepEquals",
            "java.util.Arrays#hashCode",
            "java.util.Arrays#deepHashCode",
            "java.util.Arrays#mismatch",
            "java.util.Arrays#compare",
            "java.lang.Double#isNaN",
            "java.lang.Double#isInfinite",
            "java.lang.Double#isFinite",
            "java.lang.Double#compare",
            "java.lang.Math#getExponent",
            "java.lang.StrictMath#getExponent");

    /** Whether {@code method} is one of the JDK's methods that never write their arguments. */
    static boolean isPure(ExecutableElement method) {
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        return PURE.contains(owner.getQualifiedName() + "#" + method.getSimpleName());
    }

    /** The list, for the documentation. */
    static Set<String> all() {
        return PURE;
    }
}
