package org.cotangent.processor.diag;

/**
 * Every kind of problem the processor can report, with a stable id that appears in each message
 * ({@code [COT001]}) so that users and tests can refer to it, and a summary for the reference page.
 * The texts themselves are in {@link Message}.
 */
public enum Problem {
    UNSUPPORTED_STATEMENT("COT001", "A statement Cotangent cannot differentiate",
            "The message names the statement and what to write instead: usually move it out of the "
                    + "@Differentiable method, or rewrite it with the supported statements."),
    UNSUPPORTED_EXPRESSION("COT002", "An expression Cotangent cannot differentiate",
            "Lambdas, objects, strings, unresolved names and calls that cannot be reached from generated code. "
                    + "Rewrite the expression with arithmetic, Math functions, locals and calls of methods with "
                    + "derivatives."),
    UNSUPPORTED_TYPE("COT003", "A type without derivatives",
            "Cotangent differentiates double, double[] and double[][]; int, long, boolean and int[] are carried "
                    + "along. float and arrays of rank 3 or more are refused rather than silently widened."),
    NO_DERIVATIVE_FOR_CALL("COT004", "A call whose derivative is needed but unknown",
            "A method without source or rule gets a value that depends on a differentiated parameter. Mark it "
                    + "@Differentiable, or write its derivative with @CustomVjp (and @CustomJvp)."),
    FIELD_WRITE("COT005", "A write into a field or an array a field holds",
            "A side effect the derivative cannot undo. Use a local (clone() an array first), or return the value."),
    WRT_UNKNOWN("COT006", "wrt names no parameter",
            "wrt is empty or names something that is not a parameter of the method."),
    WRT_NOT_FLOATING("COT007", "wrt names a parameter without derivatives",
            "Only double, double[] and double[][] parameters have derivatives."),
    NAME_CLASH("COT008", "A generated name would clash",
            "Two classes whose derivatives classes would share a name (a nested Foo.A and a top-level Foo_A), "
                    + "or a class of yours with that name. Rename one."),
    OVERLOADED("COT009", "Two @Differentiable overloads",
            "Their generated methods would have the same names. Rename one of them."),
    UNSUPPORTED_METHOD("COT010", "A method Cotangent cannot differentiate",
            "Generic, abstract, native or varargs methods, methods without source, methods of interfaces, enums, "
                    + "records, inner, anonymous and local classes, and return types other than double, double[] "
                    + "or void."),
    NO_TREE_API("COT011", "The compiler does not give Cotangent the method's trees",
            "Cotangent reads method bodies through javac's Tree API. Compile with javac (Maven's and Gradle's "
                    + "default), not an IDE's own compiler."),
    SIDE_EFFECT_IN_EXPRESSION("COT012", "A side effect inside an expression",
            "An assignment, ++ or -- inside a larger expression. Write it as a statement of its own."),
    CUSTOM_RULE_MISMATCH("COT013", "A rule of yours does not fit its method",
            "A @CustomVjp or @CustomJvp rule that is not static, names no method or an overloaded one, or does "
                    + "not have the signature the message spells out."),
    NOT_DIFFERENTIATED_ARGUMENT("COT014", "A differentiated value passed where the callee takes no derivative",
            "The callee's wrt excludes that parameter, so the derivative through it would be lost: add the "
                    + "parameter to the callee's wrt."),
    OUTPUT_NOT_IN_WRT("COT015", "An output array outside wrt",
            "A void or array method writes differentiated values into an array parameter that its wrt excludes; "
                    + "the derivative flows back through that array's accumulator, so add it to wrt."),
    NON_DETERMINISTIC("COT016", "A non-deterministic call",
            "Math.random, System.nanoTime, System.currentTimeMillis, or a method that calls one: a derivative "
                    + "evaluates the function more than once. Draw the value outside and pass it in."),
    INTERNAL_ERROR("COT099", "An internal error of Cotangent",
            "The processor failed on this method (or could not write a file). Please report it with the "
                    + "method's source; meanwhile write the derivative with @CustomVjp.");

    private final String id;
    private final String title;
    private final String summary;

    Problem(String id, String title, String summary) {
        this.id = id;
        this.title = title;
        this.summary = summary;
    }

    /** The stable id, e.g. {@code COT001}. */
    public String id() {
        return id;
    }

    /** A heading for the reference page. */
    public String title() {
        return title;
    }

    /** What the problem means and what to do, for the reference page. */
    public String summary() {
        return summary;
    }

    /** The full message as shown to the user: id, then the text. */
    public String format(String text) {
        return "[" + id + "] " + text;
    }
}
