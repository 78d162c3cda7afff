package org.cotangent.processor.naming;

/**
 * The runtime classes generated code calls, by qualified name: the IR always names them so, and the
 * emitter writes the simple name wherever the user's code leaves it free (a user's class {@code Tape}
 * or a parameter named {@code Checks} does not).
 */
public final class RuntimeClasses {
    private RuntimeClasses() {
    }

    private static final String PACKAGE = "org.cotangent.runtime.";

    public static final String ADJOINTS = PACKAGE + "Adjoints";
    public static final String CHECKS = PACKAGE + "Checks";
    public static final String DUAL = PACKAGE + "Dual";
    public static final String DUAL_VECTOR = PACKAGE + "DualVector";
    public static final String JACOBIANS = PACKAGE + "Jacobians";
    public static final String PRIMITIVES = PACKAGE + "Primitives";
    public static final String TAPE = PACKAGE + "Tape";
    public static final String CHECKPOINTS = PACKAGE + "Checkpoints";
    public static final String FIELDS = PACKAGE + "Fields";

    /** The runtime classes a derivatives class imports where it uses them ({@link #FIELDS} apart), in import order. */
    public static final java.util.List<String> IMPORTED = java.util.List.of(ADJOINTS, CHECKS, DUAL, DUAL_VECTOR,
            JACOBIANS, PRIMITIVES, TAPE, CHECKPOINTS);
}
