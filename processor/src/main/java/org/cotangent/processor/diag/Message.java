package org.cotangent.processor.diag;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalogue of every message the processor can report: each with its {@link Problem} (the
 * stable id) and its text, where {@code {name}} marks a part filled in at the report, in order. The
 * reference page {@code docs/diagnostics.md} is produced from this catalogue ({@link DiagnosticsPage}).
 */
public enum Message {
    // COT001: statements
    LABEL_NOT_ON_LOOP(Problem.UNSUPPORTED_STATEMENT,
            "a label on anything but a loop is not supported: remove the label, or put it on a loop"),
    TRY(Problem.UNSUPPORTED_STATEMENT,
            "try/catch/finally cannot be differentiated: move the guarded code out of the @Differentiable method"),
    SYNCHRONIZED(Problem.UNSUPPORTED_STATEMENT,
            "a synchronized block cannot be differentiated: move the synchronization to the caller"),
    PASS_THROUGH_READS(Problem.UNSUPPORTED_STATEMENT, "this throw or assert message reads '{name}' ({kind}), which "
            + "the generated class cannot reach: read the value into a local before the throw and use the local"),
    LOCAL_CLASS(Problem.UNSUPPORTED_STATEMENT, "a local class cannot be differentiated: move it out of the method"),
    STATEMENT(Problem.UNSUPPORTED_STATEMENT,
            "the statement '{kind}' cannot be differentiated: move it out of the @Differentiable method"),
    DISCARDED_CALL(Problem.UNSUPPORTED_STATEMENT,
            "a call whose result is discarded does nothing to the derivative: remove it"),
    EXPRESSION_STATEMENT(Problem.UNSUPPORTED_STATEMENT,
            "this expression statement cannot be differentiated: write it as an assignment to a local"),
    FOR_EACH_OVER(Problem.UNSUPPORTED_STATEMENT, "an enhanced for loop over anything but a double[], double[][] or "
            + "int[] cannot be differentiated: use an indexed for loop"),
    BREAK_IN_SWITCH(Problem.UNSUPPORTED_STATEMENT, "a break out of a switch is supported only as the last statement "
            + "of a case: move the break to the end of the case, or use if/else"),
    SWITCH_SELECTOR(Problem.UNSUPPORTED_STATEMENT,
            "a switch on {type} is not supported: switch on an int, or use if/else"),
    CASE_BODY(Problem.UNSUPPORTED_STATEMENT, "this case body is not supported: write it as a block"),
    VAR_OF_GENERATED(Problem.UNSUPPORTED_STATEMENT, "'var {name}' takes its type from {class}, which Cotangent "
            + "generates only after reading this file (javac cannot infer it before): write the type instead of "
            + "'var', e.g. {class}.FGradient for a gradient record or double for a _vjp value"),

    // COT002: expressions
    ASSIGN_TARGET(Problem.UNSUPPORTED_EXPRESSION, "cannot assign to this expression: assign to a local variable"),
    LAMBDA(Problem.UNSUPPORTED_EXPRESSION,
            "a lambda cannot be differentiated: write the computation inline, or as a @Differentiable method"),
    METHOD_REFERENCE(Problem.UNSUPPORTED_EXPRESSION,
            "a method reference cannot be differentiated: call the method directly"),
    NEW_OBJECT(Problem.UNSUPPORTED_EXPRESSION,
            "creating an object cannot be differentiated: move the allocation out of the @Differentiable method"),
    INSTANCE_OF(Problem.UNSUPPORTED_EXPRESSION, "instanceof cannot be differentiated: move the type test to the caller"),
    LITERAL(Problem.UNSUPPORTED_EXPRESSION, "this literal has no derivative: use double, int, long or boolean values"),
    SWITCH_EXPRESSION(Problem.UNSUPPORTED_EXPRESSION, "a switch expression is not supported: use if/else or ?:"),
    EXPRESSION(Problem.UNSUPPORTED_EXPRESSION,
            "this expression cannot be differentiated: rewrite it with arithmetic, Math functions and locals"),
    STRING_CONCATENATION(Problem.UNSUPPORTED_EXPRESSION,
            "string concatenation cannot be differentiated: move the string building out of the @Differentiable method"),
    THIS_IN_STATIC(Problem.UNSUPPORTED_EXPRESSION, "'this' has no meaning in a static method: remove it"),
    UNRESOLVED_NAME(Problem.UNSUPPORTED_EXPRESSION, "this name cannot be resolved: fix the compile error first"),
    NAME(Problem.UNSUPPORTED_EXPRESSION,
            "'{name}' ({kind}) cannot be used here: use locals, parameters and constants"),
    FIELD_TYPE(Problem.UNSUPPORTED_EXPRESSION, "field '{field}' of type {type} cannot be read here: declare it with "
            + "a primitive type (double, int, long, boolean or arrays of them), or pass its value as a parameter"),
    FIELD_OF_LOCAL_CLASS(Problem.UNSUPPORTED_EXPRESSION, "field '{field}' of a local class cannot be read from the "
            + "generated class: move the constant to a top-level or static nested class"),
    FIELD_WITHOUT_RECEIVER(Problem.UNSUPPORTED_EXPRESSION,
            "instance field '{field}' needs a receiver: read it through a parameter"),
    UNRESOLVED_CALL(Problem.UNSUPPORTED_EXPRESSION, "this call cannot be resolved: fix the compile error first"),
    ARRAY_RETURNING_CALL(Problem.UNSUPPORTED_EXPRESSION, "calling '{method}', which returns an array, from "
            + "differentiated code is not supported yet: make it a void method that writes an output array parameter"),
    METHOD_WITHOUT_RECEIVER(Problem.UNSUPPORTED_EXPRESSION,
            "instance method '{method}' needs a receiver: call it on an object passed as a parameter"),
    INSTANCE_CALL(Problem.UNSUPPORTED_EXPRESSION, "calling instance method '{method}', which has no derivative, is "
            + "not supported: mark it @Differentiable, or compute the value in the caller and pass it in"),
    MATH_WITHOUT_DERIVATIVE(Problem.UNSUPPORTED_EXPRESSION, "Math.{method} has no derivative in Cotangent: write the "
            + "computation with the supported Math functions, or use @CustomVjp"),
    PRIVATE_CALL(Problem.UNSUPPORTED_EXPRESSION, "private method '{method}' cannot be called from the generated "
            + "class yet: make it package-private"),
    VARARGS_CALL(Problem.UNSUPPORTED_EXPRESSION,
            "varargs call '{method}' cannot be differentiated: call a method with fixed parameters"),
    CALL_PARAMETER_TYPE(Problem.UNSUPPORTED_EXPRESSION, "call of '{method}' passes a value of type {type}, which "
            + "Cotangent cannot handle: use double, int, long or boolean parameters"),
    CALL_RETURN_TYPE(Problem.UNSUPPORTED_EXPRESSION, "call of '{method}' returns {type}, which Cotangent cannot "
            + "handle: use a method returning double, int, long or boolean"),

    VALUE_AS_WHOLE(Problem.UNSUPPORTED_EXPRESSION, "'{name}' is a value of type {type}, which differentiated code "
            + "cannot use as a whole here: read its components (accessors or fields), build one with its constructor, "
            + "or assign it to a local of its type"),
    CONSTANT_OBJECT(Problem.UNSUPPORTED_EXPRESSION, "parameter '{name}' of the final class {type} is outside wrt, "
            + "so it is read as constants (its fields), not as a value: use its fields, or add it to wrt"),
    VALUE_SOURCE(Problem.UNSUPPORTED_EXPRESSION, "this value of type {type} cannot be differentiated: a value type "
            + "comes from a local or parameter, a constructor, a component of another value or ?:{hint}"),
    VALUE_CONSTRUCTOR(Problem.UNSUPPORTED_EXPRESSION, "this constructor of {type} does more than assign each field "
            + "from a parameter, so its effect on derivatives is unknown: move the checks out of the constructor (into "
            + "a static factory the caller does not differentiate), or use a constructor that only assigns"),
    VALUE_SIDE_EFFECT(Problem.SIDE_EFFECT_IN_EXPRESSION, "a side effect inside the arguments of a value type's "
            + "constructor cannot be ordered here: move it into a statement of its own before"),
    VALUE_CALL_NOT_INLINED(Problem.UNSUPPORTED_EXPRESSION, "'{method}' takes, returns or is called on a value of a "
            + "value type, so Cotangent reads its body in place of the call, and cannot here: {why}. Make it take and "
            + "return double, double[] or double[][] components instead, or write its computation in this method"),
    VALUE_CALL(Problem.UNSUPPORTED_EXPRESSION, "calling '{method}' with a value of type {type} (or on one) is not "
            + "supported yet: make it take the components it needs as double, double[] or double[][] arguments, or "
            + "write its computation in this method"),

    // COT003: types
    FLOAT_LITERAL(Problem.UNSUPPORTED_TYPE,
            "float literal: Cotangent differentiates double only; write it as a double literal (drop the f suffix)"),
    FLOAT_EXPRESSION(Problem.UNSUPPORTED_TYPE,
            "this expression is a float: Cotangent differentiates double only; use double"),
    EXPRESSION_TYPE(Problem.UNSUPPORTED_TYPE,
            "an expression of type {type} cannot be differentiated: use double, int, long or boolean values"),
    FLOAT_FIELD(Problem.UNSUPPORTED_TYPE,
            "field '{field}' is a float: Cotangent differentiates double only; declare it double"),
    FLOAT_ARRAY(Problem.UNSUPPORTED_TYPE,
            "float arrays are not supported: Cotangent differentiates double only; use double[]"),
    ARRAY_TYPE(Problem.UNSUPPORTED_TYPE, "an array of type {type} is not supported: use double[], double[][] or int[] "
            + "(arrays of rank 3 or more are not supported)"),
    FLOAT_LOCAL(Problem.UNSUPPORTED_TYPE,
            "local '{name}' is a float: Cotangent differentiates double only; declare it double"),
    LOCAL_TYPE(Problem.UNSUPPORTED_TYPE, "local '{name}' has type {type}, which Cotangent cannot differentiate: use "
            + "double, double[], double[][], int, int[], long or boolean"),
    FLOAT_PARAMETER(Problem.UNSUPPORTED_TYPE,
            "parameter '{name}' is a float: Cotangent differentiates double only; declare it double"),
    NOT_VALUE_TYPE(Problem.UNSUPPORTED_TYPE, "{what} has type {type}, which is not a value type Cotangent can "
            + "differentiate ({why}): make it a record, or a final class whose fields are final"),
    PARAMETER_TYPE(Problem.UNSUPPORTED_TYPE, "parameter '{name}' has type {type}, which Cotangent cannot "
            + "differentiate: use double, double[], double[][], int, long or boolean"),

    // COT004: calls without a derivative
    NO_DERIVATIVE(Problem.NO_DERIVATIVE_FOR_CALL, "no derivative for the call of '{method}', which gets an argument "
            + "that depends on a differentiated parameter: mark '{method}' @Differentiable, or write its derivative "
            + "with @CustomVjp(of = \"{method}\")"),
    CALL_WRITES_VARIED_ARRAY(Problem.NO_DERIVATIVE_FOR_CALL, "'{method}' may write into an array that depends on a "
            + "differentiated parameter (its source is not available to show it does not, and it is not one of the "
            + "JDK's pure methods such as Arrays.binarySearch), and has no derivative: mark it @Differentiable, or "
            + "write its derivative with @CustomVjp(of = \"{method}\")"),
    VALUE_TO_INTEGER(Problem.NO_DERIVATIVE_FOR_CALL, "'{method}' turns a value that depends on a differentiated "
            + "parameter into an integer{through} that may carry that value, not only a step of it, and has no "
            + "derivative: a derivative through the integer would be lost. Use a cast or Math.floor/Math.round if a "
            + "step is meant; else write the computation with doubles"),

    // COT005: field writes
    FIELD_WRITE(Problem.FIELD_WRITE,
            "writing field '{field}' is a side effect Cotangent cannot differentiate: use a local variable, or return "
                    + "the value"),
    FIELD_ARRAY_WRITE(Problem.FIELD_WRITE, "writing into an array that a field holds is a side effect Cotangent "
            + "cannot differentiate: make a local copy with clone() and write into that, or pass the array as a "
            + "parameter"),
    FIELD_ARRAY_WRITE_THROUGH_LOCAL(Problem.FIELD_WRITE, "this writes into an array that a field holds (through the "
            + "local '{name}'), a side effect Cotangent cannot differentiate: make a local copy with clone() and write "
            + "into that"),

    // COT006, COT007: wrt
    WRT_EMPTY(Problem.WRT_UNKNOWN, "wrt is empty, so nothing would be differentiated: name at least one parameter, "
            + "or remove wrt to differentiate with respect to every double, double[] and double[][] parameter"),
    WRT_NOT_A_PARAMETER(Problem.WRT_UNKNOWN,
            "wrt names '{name}', which is not a parameter of '{method}': use one of {parameters}"),
    WRT_NOT_FLOATING(Problem.WRT_NOT_FLOATING, "wrt names '{name}' of type {type}: only double, double[] and "
            + "double[][] parameters have derivatives; remove it from wrt"),

    // COT008: names
    DERIVATIVES_CLASS_TAKEN(Problem.NAME_CLASH, "the derivatives of '{class}' would be generated as class {generated}, "
            + "which is already your class {generated}: rename one of the classes"),
    DERIVATIVES_CLASS_SHARED(Problem.NAME_CLASH, "the derivatives of '{class}' would be generated as class "
            + "{generated}, as would those of {others}: rename one of the classes"),

    // COT009: overloads
    OVERLOADED(Problem.OVERLOADED, "'{method}' has another @Differentiable overload, and the generated names "
            + "({grad}, {vjp}) would clash: rename one of them"),

    // COT010: methods
    HIDDEN_METHOD(Problem.UNSUPPORTED_METHOD, "@Differentiable on '{method}' of an anonymous or local class is not "
            + "seen by annotation processors: move the method into a top-level or static nested class"),
    GENERIC_METHOD(Problem.UNSUPPORTED_METHOD, "generic method '{method}' cannot be differentiated: remove its type "
            + "parameters and use double, double[] or double[][]"),
    NO_BODY(Problem.UNSUPPORTED_METHOD,
            "method '{method}' has no body to differentiate: give it a body, or write its derivative with @CustomVjp"),
    VARARGS_METHOD(Problem.UNSUPPORTED_METHOD,
            "varargs method '{method}' is not supported: declare the last parameter as a plain double[]"),
    RETURN_TYPE(Problem.UNSUPPORTED_METHOD,
            "method '{method}' returns {type}: declare it to return double, double[], a value type of doubles, or void "
            + "with output arrays"),
    NO_SOURCE(Problem.UNSUPPORTED_METHOD,
            "the source of '{method}' is not available to the processor: compile it from source"),
    VALUE_RETURN(Problem.UNSUPPORTED_METHOD, "method '{method}' returns the value type {type}, and {why}: a "
            + "@Differentiable method may return a value type whose components are all double or double[] (or value "
            + "types of them) for now; move other components out of the result (return them through an output "
            + "array parameter)"),
    OWNER_KIND(Problem.UNSUPPORTED_METHOD, "@Differentiable methods must be declared in a class or a record, top-level "
            + "or static nested, not in {where}: move '{method}' into such a class"),

    // COT011: the compiler
    NO_TREE_API(Problem.NO_TREE_API, "Cotangent needs javac's Tree API to read method bodies, and this compiler does "
            + "not provide it: compile with javac (Maven's or Gradle's default, without an IDE's own compiler)"),
    NOT_ATTRIBUTED(Problem.NO_TREE_API, "javac did not attribute the body of '{method}', which Cotangent needs to "
            + "know the types of expressions: please report this with your JDK version"),

    // COT012: side effects
    SIDE_EFFECT(Problem.SIDE_EFFECT_IN_EXPRESSION,
            "an assignment or ++/-- inside an expression cannot be differentiated: write it as a statement of its own"),

    CONDITIONAL_SIDE_EFFECT(Problem.SIDE_EFFECT_IN_EXPRESSION, "a side effect in a branch of ?:, on the right of "
            + "&& or ||, or in an assert runs only sometimes, so it cannot be moved before the expression: write it "
            + "as an if statement"),

    // COT013: rules of the user's
    RULE_NOT_STATIC(Problem.CUSTOM_RULE_MISMATCH, "{annotation} rule '{rule}' must be static: add the static modifier"),
    RULE_TARGET(Problem.CUSTOM_RULE_MISMATCH, "{annotation}(of = \"{of}\") names {what} of {class}: use the name of "
            + "exactly one method (and in = X.class if it lives in another class)"),
    RULE_SIGNATURE(Problem.CUSTOM_RULE_MISMATCH, "{annotation} rule '{rule}' for '{of}' has the signature {actual}; "
            + "declare it as {expected} ({layout})"),

    // COT014, COT015: what is differentiated
    ARGUMENT_NOT_DIFFERENTIATED(Problem.NOT_DIFFERENTIATED_ARGUMENT, "argument {position} of '{method}' depends on a "
            + "differentiated parameter, but '{method}' is not differentiated with respect to that parameter: add it "
            + "to its wrt"),
    OUTPUT_NOT_IN_WRT(Problem.OUTPUT_NOT_IN_WRT, "'{method}' writes values that depend on its differentiated "
            + "parameters into '{name}', which is not in wrt: its derivative flows back through that array's "
            + "accumulator, so add '{name}' to wrt"),

    // COT016: non-determinism
    NON_DETERMINISTIC(Problem.NON_DETERMINISTIC, "'{method}' is not deterministic{through}: a derivative evaluates "
            + "the function more than once and would see different values; draw the value outside and pass it in as "
            + "a parameter"),

    // COT099: internal errors
    INTERNAL_CLASS(Problem.INTERNAL_ERROR, "internal error while generating derivatives for class '{class}' "
            + "({exception}); please report it with the method's source"),
    INTERNAL_METHOD(Problem.INTERNAL_ERROR, "internal error while differentiating '{method}' ({exception}); please "
            + "report it with the method's source, and meanwhile write its derivative with @CustomVjp"),
    WRITE_FAILED(Problem.INTERNAL_ERROR,
            "could not write {class}: {reason}; check that the generated-sources directory is writable");

    private static final Pattern PART = Pattern.compile("\\{(\\w+)}");

    private final Problem problem;
    private final String template;

    Message(Problem problem, String template) {
        this.problem = problem;
        this.template = template;
    }

    public Problem problem() {
        return problem;
    }

    /** The text with {@code {name}} parts, as the reference page shows it. */
    public String template() {
        return template;
    }

    /** The names of the parts, in order of first appearance: the arguments {@link #text} takes. */
    public List<String> parts() {
        List<String> out = new ArrayList<>();
        Matcher m = PART.matcher(template);
        while (m.find()) {
            if (!out.contains(m.group(1))) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /**
     * The text with each part filled in: {@code args} in the order of {@link #parts()}; a part that
     * appears twice takes the same value both times.
     */
    public String text(Object... args) {
        List<String> parts = parts();
        if (args.length != parts.size()) {
            throw new IllegalArgumentException(name() + " takes " + parts + ", got " + args.length + " values");
        }
        Matcher m = PART.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(args[parts.indexOf(m.group(1))])));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The message as the user sees it: {@code [COT001] text}. */
    public String format(Object... args) {
        return problem.format(text(args));
    }
}
