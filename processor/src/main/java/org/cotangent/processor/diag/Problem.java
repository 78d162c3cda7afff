package org.cotangent.processor.diag;

/**
 * Every diagnostic the processor can report, with a stable id that appears in each message
 * ({@code [COT001]}) so that users and tests can refer to it.
 */
public enum Problem {
    UNSUPPORTED_STATEMENT("COT001"),
    UNSUPPORTED_EXPRESSION("COT002"),
    UNSUPPORTED_TYPE("COT003"),
    NO_DERIVATIVE_FOR_CALL("COT004"),
    FIELD_WRITE("COT005"),
    WRT_UNKNOWN("COT006"),
    WRT_NOT_FLOATING("COT007"),
    NAME_CLASH("COT008"),
    OVERLOADED("COT009"),
    UNSUPPORTED_METHOD("COT010"),
    NO_TREE_API("COT011"),
    SIDE_EFFECT_IN_EXPRESSION("COT012"),
    CUSTOM_RULE_MISMATCH("COT013"),
    NOT_DIFFERENTIATED_ARGUMENT("COT014"),
    OUTPUT_NOT_IN_WRT("COT015"),
    NON_DETERMINISTIC("COT016"),
    INTERNAL_ERROR("COT099");

    private final String id;

    Problem(String id) {
        this.id = id;
    }

    /** The stable id, e.g. {@code COT001}. */
    public String id() {
        return id;
    }

    /** The full message as shown to the user: id, then the text. */
    public String format(String text) {
        return "[" + id + "] " + text;
    }
}
