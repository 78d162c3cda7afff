package org.cotangent.processor.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A seeded, reproducible generator of well-typed {@code @Differentiable} Java programs over the
 * differentiable subset: nested expressions over every {@code Math} function (arguments kept in
 * each function's domain, magnitudes kept bounded by squashing), locals overwritten in place,
 * branches, nested loops with {@code break}/{@code continue}, local arrays read and written at
 * computed indices, calls to earlier generated helpers (scalar, array-reading and {@code void}
 * array-writing, some {@code private}), {@code switch}, {@code ?:} and early returns.
 *
 * <p>Every class has 0-3 helpers and one top-level method {@code f}; its parameters (double
 * scalars, read-only {@code double[]} inputs of a fixed length, an inactive {@code int}) are
 * described by {@link Program#params()} so that a checker can call it.
 *
 * <p>Magnitudes: every expression carries a conservative bound of its absolute value; an
 * expression whose bound exceeds a limit is squashed ({@code tanh}, {@code atan}, ...), and inside
 * a loop anything written to a variable that outlives the iteration is squashed when it reads such
 * a variable, so that no loop can grow a value geometrically. Functions with a restricted domain
 * only ever get arguments that are in the domain by construction ({@code log(1 + e * e)},
 * {@code asin(0.9 * tanh(e))}), never by luck.
 */
final class ProgramGenerator {
    /** The package of generated programs. */
    static final String PACKAGE = "fuzz";

    enum Kind { SCALAR, ARRAY, INT, FIXED, MATRIX, PAIR }

    /** What {@code f} returns: a double, a double[] of a fixed length, or nothing (it fills {@code out}). */
    enum Output { SCALAR, VECTOR, VOID }

    /**
     * One parameter of {@code f}: an active scalar, an active read-only array of a given length, an
     * inactive int, an active read-only {@code double[][]} ({@code MATRIX}: {@code length} rows of
     * {@code intValue} columns), or a double outside wrt ({@code FIXED}: the checker passes
     * {@link CheckerBase#FIXED_VALUE}), or a {@code Pair} record ({@code PAIR}: two active
     * components, read as {@code p.first()} and {@code p.second}).
     */
    record Param(String name, Kind kind, int length, int intValue) {
    }

    /** A generated program: the class {@code fuzz.<className>} with top-level method {@code f}. */
    record Program(long seed, String className, String source, List<Param> params, Output output,
                   boolean instance) {
        Program(long seed, String className, String source, List<Param> params) {
            this(seed, className, source, params, Output.SCALAR, false);
        }

        String qualifiedName() {
            return PACKAGE + "." + className;
        }

        String describe() {
            return "seed " + seed + " (class " + qualifiedName() + ", params " + params + ")\n" + numbered(source);
        }
    }

    static String numbered(String source) {
        StringBuilder sb = new StringBuilder();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            sb.append(String.format(Locale.ROOT, "%4d  %s%n", i + 1, lines[i]));
        }
        return sb.toString();
    }

    static Program generate(long seed) {
        return new ProgramGenerator(seed).program();
    }

    // ------------------------------------------------------------------------------------------
    private static final double LIMIT = 10;

    /**
     * Whether to generate constructs that once hit processor bugs (array literals as call arguments,
     * calls inside array initialisers; fixed, each kept as a regression test in
     * {@code src/test/resources/fuzz/regressions}): on unless {@code -Dcotangent.fuzz.knownBugs=false}.
     */
    static final boolean KNOWN_BUGS = Boolean.parseBoolean(System.getProperty("cotangent.fuzz.knownBugs", "true"));

    private enum HelperKind { SCALAR2, ARRAY_SCALAR, VOID_WRITER, RECURSIVE, CUSTOM }

    private record Helper(String name, HelperKind kind, double bound, boolean isInstance) {
    }

    /** A double variable. */
    private static final class Var {
        final String name;
        double bound;
        final int loopLevel;
        final boolean constant; // an input: never written

        Var(String name, double bound, int loopLevel, boolean constant) {
            this.name = name;
            this.bound = bound;
            this.loopLevel = loopLevel;
            this.constant = constant;
        }
    }

    /** The bound of an array's elements, shared by aliases. */
    private static final class Box {
        double bound;

        Box(double bound) {
            this.bound = bound;
        }
    }

    /** A double[] variable. */
    private static final class Arr {
        final String name;
        final Box box;
        final int length; // -1: unknown (a helper's parameter), at least 2
        final boolean writable;
        final int loopLevel;

        Arr(String name, Box box, int length, boolean writable, int loopLevel) {
            this.name = name;
            this.box = box;
            this.length = length;
            this.writable = writable;
            this.loopLevel = loopLevel;
        }
    }

    /** A non-negative int variable (a loop counter, an int parameter or an int local). */
    private record IntVar(String name, int max) {
    }

    /** A non-negative long local, read in double arithmetic. */
    private record LongVar(String name, long max) {
    }

    /** A read-only {@code double[][]} parameter. */
    private record Mat(String name, int rows, int cols) {
    }

    /** A boolean local, read in conditions. */
    private record BoolVar(String name) {
    }

    /** An int[] local of non-negative values below {@code max}, read as an index. */
    private record IntArr(String name, int length, int max) {
    }

    /**
     * Names that generated code gives to its own things or to runtime classes: programs use them for
     * their variables now and then, and the derivatives must not mind.
     */
    private static final String[] CLASHING_NAMES = {"seed", "result", "tape", "Tape", "Checks", "Dual", "DualVector",
            "x_adj", "a_adj", "y_dot", "value_", "first", "row", "iterations", "taken", "branch", "returned",
            "Primitives", "Adjoints", "Jacobians", "self", "at", "column", "gradient", "frame"};

    /** An expression, a bound of its absolute value, and whether it reads state that outlives the loop iteration. */
    private record E(String code, double bound, boolean readsOuter) {
    }

    private final long seed;
    private final Random r;
    /** Whether {@code f} (and some helpers) are instance methods of a class with fields. */
    private boolean instance;
    private Output output = Output.SCALAR;
    /** The length of the arrays a vector-valued {@code f} returns (0 otherwise). */
    private int vectorLength;
    /** {@code "Lib."} when the helpers live in a static nested class {@code Lib}, else empty. */
    private String callPrefix = "";
    /** Whether the method being generated is an instance method (it may read the instance fields). */
    private boolean instanceMethod;
    private final List<Helper> helpers = new ArrayList<>();

    // per-method state
    private StringBuilder out;
    private int indent;
    private List<List<Object>> scopes;
    private int names;
    private int loopDepth;
    private double iterMult;
    private int switchDepth;
    private final List<String> labels = new ArrayList<>();
    private int callableHelpers;
    private boolean voidMethod;
    private int statements;
    private final java.util.Set<String> usedNames = new java.util.HashSet<>();

    private ProgramGenerator(long seed) {
        this.seed = seed;
        this.r = new Random(seed * 0x9E3779B97F4A7C15L + 12345);
    }

    private Program program() {
        String className = "P" + Long.toUnsignedString(seed);
        StringBuilder src = new StringBuilder();
        src.append("package ").append(PACKAGE).append(";\n\n");
        src.append("import org.cotangent.CustomJvp;\n");
        src.append("import org.cotangent.CustomVjp;\n");
        src.append("import org.cotangent.Differentiable;\n");
        src.append("import org.cotangent.runtime.Dual;\n\n");
        src.append("public class ").append(className).append(" {\n");
        src.append("    record Pair(double first, double second) {\n    }\n\n");
        instance = r.nextInt(6) == 0;
        if (instance) {
            // fields read as constants: instance and static, private and not, double, int and double[]
            src.append("    private final double scale = ").append(constant(0.5, 1.2)).append(";\n");
            src.append("    final double[] weights = {").append(constant(-1, 1)).append(", ").append(constant(-1, 1))
                    .append(", ").append(constant(-1, 1)).append("};\n");
            src.append("    int steps = 2;\n");
            src.append("    static final double OFFSET = ").append(constant(-0.5, 0.5)).append(";\n");
            src.append("    private static double shift = ").append(constant(-0.5, 0.5)).append(";\n\n");
        }
        int nHelpers = r.nextInt(4);
        boolean nested = !instance && nHelpers > 0 && r.nextInt(5) == 0;
        if (nested) {
            // the helpers in a static nested class: its derivatives class is <Outer>_LibDerivatives
            callPrefix = "Lib.";
            src.append("    static class Lib {\n");
        }
        for (int h = 0; h < nHelpers; h++) {
            src.append(helper(h)).append('\n');
        }
        if (nested) {
            src.append("    }\n\n");
            callPrefix = "";
        }
        List<Param> params = new ArrayList<>();
        src.append(top(params));
        src.append("}\n");
        return new Program(seed, className, src.toString(), List.copyOf(params), output, instance);
    }

    // ---------------------------------------------------------------------------------- methods

    private void beginMethod() {
        out = new StringBuilder();
        indent = 2;
        scopes = new ArrayList<>();
        scopes.add(new ArrayList<>());
        names = 0;
        loopDepth = 0;
        iterMult = 1;
        switchDepth = 0;
        labels.clear();
        statements = 0;
        usedNames.clear();
        usedNames.addAll(List.of("x", "y", "z", "a", "b", "c", "n", "p", "q", "v", "out", "m", "d", "scale",
                "weights", "steps", "OFFSET", "shift"));
        vectorLength = 0;
        instanceMethod = false;
        if (instance) {
            declare(new Var("OFFSET", 0.5, 0, true));
            declare(new Var("shift", 0.5, 0, true));
        }
    }

    /** Makes the method being generated an instance method: the instance fields come into scope. */
    private void becomeInstanceMethod() {
        instanceMethod = true;
        declare(new Var(r.nextBoolean() ? "scale" : "this.scale", 1.2, 0, true));
        declare(new Arr(r.nextBoolean() ? "weights" : "this.weights", new Box(1), 3, false, 0));
        declare(new IntVar("steps", 2));
    }

    /** {@code base + counter}, or now and then a name that generated code also uses. */
    private String localName(String base) {
        if (r.nextInt(7) == 0) {
            String name = CLASHING_NAMES[r.nextInt(CLASHING_NAMES.length)];
            if (usedNames.add(name)) {
                return name;
            }
        }
        String name = base + (names++);
        usedNames.add(name);
        return name;
    }

    private String helper(int index) {
        beginMethod();
        callableHelpers = index;
        HelperKind kind = pick(HelperKind.values(), 4, 3, 2, 1, 1);
        String name = "h" + index;
        String visibility = r.nextInt(4) == 0 ? "private " : "";
        if (kind == HelperKind.RECURSIVE) {
            return recursiveHelper(name, visibility);
        }
        if (kind == HelperKind.CUSTOM) {
            return customRuleHelper(name);
        }
        String stat = "static ";
        if (instance && kind != HelperKind.VOID_WRITER && r.nextBoolean()) {
            stat = "";
            becomeInstanceMethod();
        }
        String header;
        voidMethod = kind == HelperKind.VOID_WRITER;
        switch (kind) {
            case SCALAR2 -> {
                header = stat + "double " + name + "(double p, double q)";
                declare(new Var("p", 2, 0, false));
                declare(new Var("q", 2, 0, false));
            }
            case ARRAY_SCALAR -> {
                header = stat + "double " + name + "(double[] v, double p)";
                declare(new Arr("v", new Box(5), -1, false, 0));
                declare(new Var("p", 2, 0, false));
            }
            default -> {
                header = "static void " + name + "(double[] v, double p, double[] out)";
                declare(new Arr("v", new Box(5), -1, false, 0));
                declare(new Var("p", 2, 0, false));
                declare(new Arr("out", new Box(5), -1, true, 0));
            }
        }
        block(1 + r.nextInt(4), 0);
        double bound;
        if (voidMethod) {
            // make sure out is written at least once
            Arr o = (Arr) lookup("out");
            E e = cap(expr(2), LIMIT);
            line("out[" + index("out", -1) + "] " + (r.nextBoolean() ? "=" : "+=") + " " + e.code + ";");
            o.box.bound += e.bound;
            bound = o.box.bound;
        } else {
            E e = cap(returnExpr(), LIMIT);
            line("return " + e.code + ";");
            bound = e.bound;
        }
        helpers.add(new Helper(callPrefix + name, kind, bound, instanceMethod));
        return "    @Differentiable\n    " + visibility + header + " {\n" + out + "    }\n";
    }

    /** {@code h(p, d)}: recursion {@code d} levels deep, ending in a Math function of {@code p}. */
    private String recursiveHelper(String name, String visibility) {
        String[] bases = {"Math.sin(p)", "Math.tanh(p) + 0.2 * p", "Math.cos(p) * 0.5", "Math.atan(p * p)"};
        String base = bases[r.nextInt(bases.length)];
        String src = "    @Differentiable\n    " + visibility + "static double " + name + "(double p, int d) {\n"
                + "        if (d <= 0) {\n"
                + "            return " + base + ";\n"
                + "        }\n"
                + "        return Math.tanh(" + constant(0.5, 1.2) + " * " + name + "(p * " + constant(0.6, 0.95)
                + ", d - 1)) + " + constant(0.1, 0.4) + " * p;\n"
                + "    }\n";
        helpers.add(new Helper(callPrefix + name, HelperKind.RECURSIVE, 2, false));
        return src;
    }

    /** A plain method with a user's {@code @CustomVjp} and {@code @CustomJvp}, as for a library function. */
    private String customRuleHelper(String name) {
        String[][] functions = {
                {"Math.sin(p) * 0.5 + 0.1 * p * p", "0.5 * Math.cos(p) + 0.2 * p"},
                {"Math.exp(-p * p)", "-2 * p * Math.exp(-p * p)"},
                {"p / (1 + Math.abs(p))", "1 / ((1 + Math.abs(p)) * (1 + Math.abs(p)))"},
                {"Math.log1p(p * p)", "2 * p / (1 + p * p)"}};
        String[] fn = functions[r.nextInt(functions.length)];
        String src = "    static double " + name + "(double p) {\n"
                + "        return " + fn[0] + ";\n"
                + "    }\n\n"
                + "    @CustomVjp(of = \"" + name + "\")\n"
                + "    static double " + name + "_pullback(double p, double seed, double[] p_adj) {\n"
                + "        p_adj[0] += seed * (" + fn[1] + ");\n"
                + "        return " + name + "(p);\n"
                + "    }\n\n"
                + "    @CustomJvp(of = \"" + name + "\")\n"
                + "    static Dual " + name + "_pushforward(double p, double p_dot) {\n"
                + "        return new Dual(" + name + "(p), (" + fn[1] + ") * p_dot);\n"
                + "    }\n";
        helpers.add(new Helper(callPrefix + name, HelperKind.CUSTOM, 1, false));
        return src;
    }

    private String top(List<Param> params) {
        beginMethod();
        callableHelpers = helpers.size();
        output = r.nextInt(7) == 0 ? Output.VECTOR : r.nextInt(8) == 0 ? Output.VOID : Output.SCALAR;
        voidMethod = output == Output.VOID;
        if (instance) {
            becomeInstanceMethod();
        }
        int shape = r.nextInt(7);
        List<String> decl = new ArrayList<>();
        switch (shape) {
            case 0 -> {
                arrayParam("x", params, decl);
                scalarParam("y", params, decl);
            }
            case 1 -> {
                scalarParam("a", params, decl);
                scalarParam("b", params, decl);
                scalarParam("c", params, decl);
            }
            case 2 -> {
                scalarParam("a", params, decl);
                arrayParam("x", params, decl);
            }
            case 3 -> {
                arrayParam("x", params, decl);
                int n = 1 + r.nextInt(4);
                params.add(new Param("n", Kind.INT, 0, n));
                decl.add("int n");
                declare(new IntVar("n", n));
                scalarParam("y", params, decl);
            }
            case 4 -> {
                arrayParam("x", params, decl);
                arrayParam("z", params, decl);
            }
            case 5 -> {
                matrixParam("m", params, decl);
                scalarParam("y", params, decl);
            }
            default -> {
                scalarParam("a", params, decl);
                scalarParam("b", params, decl);
            }
        }
        if (output == Output.SCALAR && r.nextInt(4) == 0) {
            // a value-type parameter: its components are active, its tangent class generated
            String name = paramName("p");
            params.add(new Param(name, Kind.PAIR, 0, 0));
            decl.add("Pair " + name);
            declare(new Var(name + ".first()", 1, 0, true));
            declare(new Var(name + ".second", 1, 0, true));
        }
        if (output == Output.VOID) {
            // the output array: its entry contents are an input too
            int length = 2 + r.nextInt(3);
            params.add(new Param("out", Kind.ARRAY, length, 0));
            decl.add("double[] out");
            declare(new Arr("out", new Box(1), length, true, 0));
        }
        if (output == Output.VECTOR) {
            vectorLength = 2 + r.nextInt(2);
        }
        String annotation = "@Differentiable";
        List<Param> scalars = params.stream().filter(p -> p.kind() == Kind.SCALAR).toList();
        long active = params.stream().filter(p -> p.kind() != Kind.INT).count();
        if (!scalars.isEmpty() && active >= 2 && r.nextInt(4) == 0) {
            // a wrt subset: one double parameter is not differentiated
            Param fixed = scalars.get(r.nextInt(scalars.size()));
            params.set(params.indexOf(fixed), new Param(fixed.name(), Kind.FIXED, 0, 0));
            List<String> wrt = new ArrayList<>();
            for (Param p : params) {
                if (p.kind() == Kind.SCALAR || p.kind() == Kind.ARRAY || p.kind() == Kind.MATRIX
                        || p.kind() == Kind.PAIR) {
                    wrt.add("\"" + p.name() + "\"");
                }
            }
            annotation = "@Differentiable(wrt = {" + String.join(", ", wrt) + "})";
        }
        block(3 + r.nextInt(7), 0);
        String returns;
        if (output == Output.VOID) {
            Arr o = (Arr) lookup("out");
            for (int k = 0; k < 1 + r.nextInt(2); k++) {
                E e = hard(expr(2), 3);
                line("out[" + index("out", o.length) + "] " + (r.nextBoolean() ? "=" : "+=") + " " + e.code + ";");
            }
            returns = "void";
        } else if (output == Output.VECTOR) {
            line("return " + vectorLiteral() + ";");
            returns = "double[]";
        } else {
            E e = cap(returnExpr(), 100);
            line("return " + e.code + ";");
            returns = "double";
        }
        return "    " + annotation + "\n    public " + (instance ? "" : "static ") + returns + " f("
                + String.join(", ", decl) + ") {\n" + out + "    }\n";
    }

    /** {@code new double[] {e1, ..., em}} for a vector-valued {@code f}. */
    private String vectorLiteral() {
        List<String> elements = new ArrayList<>();
        for (int k = 0; k < vectorLength; k++) {
            elements.add(cap(k == 0 ? returnExpr() : expr(2), 100).code);
        }
        return "new double[] {" + String.join(", ", elements) + "}";
    }

    private void matrixParam(String base, List<Param> params, List<String> decl) {
        String name = paramName(base);
        int rows = 2 + r.nextInt(2);
        int cols = 2 + r.nextInt(2);
        params.add(new Param(name, Kind.MATRIX, rows, cols));
        decl.add("double[][] " + name);
        declare(new Mat(name, rows, cols));
    }

    private void scalarParam(String base, List<Param> params, List<String> decl) {
        String name = paramName(base);
        params.add(new Param(name, Kind.SCALAR, 0, 0));
        decl.add("double " + name);
        declare(new Var(name, 1, 0, true));
    }

    private void arrayParam(String base, List<Param> params, List<String> decl) {
        String name = paramName(base);
        int length = 2 + r.nextInt(4);
        params.add(new Param(name, Kind.ARRAY, length, 0));
        decl.add("double[] " + name);
        declare(new Arr(name, new Box(1), length, false, 0));
    }

    /** {@code base}, or now and then a name that generated code also uses (never {@code value}). */
    private String paramName(String base) {
        if (r.nextInt(6) == 0) {
            String name = CLASHING_NAMES[r.nextInt(CLASHING_NAMES.length)];
            if (usedNames.add(name)) {
                return name;
            }
        }
        return base;
    }

    /** The final return: a combination of several live variables and an expression. */
    private E returnExpr() {
        List<Var> vars = all(Var.class);
        StringBuilder code = new StringBuilder();
        double bound = 0;
        int terms = Math.min(vars.size(), 1 + r.nextInt(3));
        for (int i = 0; i < terms; i++) {
            Var v = vars.get(vars.size() - 1 - r.nextInt(Math.min(vars.size(), 4)));
            E t = cap(new E(v.name, v.bound, false), LIMIT);
            code.append(t.code).append(" + ");
            bound += t.bound;
        }
        E e = expr(3);
        code.append(e.code);
        return new E(code.toString(), bound + e.bound, false);
    }

    // ------------------------------------------------------------------------------- statements

    private void block(int count, int nest) {
        for (int i = 0; i < count; i++) {
            statement(nest);
        }
    }

    private void statement(int nest) {
        statements++;
        boolean big = statements < 25;
        List<Runnable> choices = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        add(choices, weights, 3, this::declareVar);
        add(choices, weights, 1, this::declareInactive);
        if (!assignableVars().isEmpty()) {
            add(choices, weights, 5, this::assignVar);
        }
        if (all(Arr.class).size() < 4) {
            add(choices, weights, 1, this::declareArray);
        }
        if (!writableArrays().isEmpty()) {
            add(choices, weights, 3, this::assignArray);
        }
        if (nest < 3 && big) {
            add(choices, weights, 2, () -> ifStatement(nest));
            if (loopDepth < 3) {
                add(choices, weights, 3, () -> forLoop(nest));
                add(choices, weights, 1, () -> whileLoop(nest));
                if (!inputArrays().isEmpty()) {
                    add(choices, weights, 1, () -> enhancedFor(nest));
                }
            }
            if (!all(IntVar.class).isEmpty()) {
                add(choices, weights, 1, () -> switchStatement(nest));
            }
        }
        if (loopDepth > 0 && switchDepth == 0) {
            add(choices, weights, 2, this::breakOrContinue);
        }
        if (nest > 0) {
            add(choices, weights, 1, this::earlyReturn);
        }
        if (hasVoidHelper() && !writableArrays().isEmpty()) {
            add(choices, weights, 2, this::voidCall);
        }
        if (!all(Var.class).isEmpty()) {
            add(choices, weights, 1, this::check);
        }
        if (assignableVars().size() >= 2) {
            add(choices, weights, 1, this::assignInExpression);
        }
        add(choices, weights, 1, this::valueLocal);
        if (nest == 0 && loopDepth == 0 && !inputArrays().isEmpty()) {
            add(choices, weights, 1, this::workArrayLoop);
        }
        int total = weights.stream().mapToInt(Integer::intValue).sum();
        int x = r.nextInt(total);
        for (int i = 0; i < choices.size(); i++) {
            x -= weights.get(i);
            if (x < 0) {
                choices.get(i).run();
                return;
            }
        }
    }

    /**
     * An argument check as libraries write them, which passes for every value the program computes
     * (its values are bounded): a throw or an assert whose message reads the variable, so that the
     * pass-through (renaming, inlining, placement in loops) is exercised.
     */
    private void check() {
        List<Var> vars = all(Var.class);
        Var v = vars.get(r.nextInt(vars.size()));
        if (r.nextBoolean()) {
            line("if (Double.isInfinite(" + v.name + ")) {");
            line("    throw new IllegalStateException(\"overflow: \" + " + v.name + ");");
            line("}");
        } else {
            line("assert !Double.isInfinite(" + v.name + ") : \"" + v.name + " = \" + " + v.name + ";");
        }
    }

    /**
     * An assignment inside an expression, evaluated in Java's order: {@code v = w = e;},
     * {@code v = (w = e) * c + w;} or {@code v += (w *= c);}, where the later read of {@code w}
     * sees the new value.
     */
    private void assignInExpression() {
        List<Var> vars = assignableVars();
        Var v = vars.get(r.nextInt(vars.size()));
        Var w = vars.get(r.nextInt(vars.size()));
        if (v == w) {
            return;
        }
        boolean outer = v.loopLevel < loopDepth || w.loopLevel < loopDepth;
        E e = expr(1 + r.nextInt(2));
        e = outer && (e.readsOuter || e.bound > 2) ? hard(e, 2) : cap(e, LIMIT);
        switch (r.nextInt(3)) {
            case 0 -> {
                line(v.name + " = " + w.name + " = " + e.code + ";");
                w.bound = Math.max(w.bound, e.bound);
                v.bound = Math.max(v.bound, e.bound);
            }
            case 1 -> {
                line(v.name + " = (" + w.name + " = " + e.code + ") * 0.5 + " + w.name + ";");
                w.bound = Math.max(w.bound, e.bound);
                v.bound = Math.max(v.bound, 1.5 * e.bound);
            }
            default -> {
                line(v.name + " += (" + w.name + " *= 0.5);");
                v.bound += w.bound * 0.5 * (outer ? iterMult : 1);
            }
        }
    }

    /**
     * A local of a value type (the program's {@code record Pair(double first, double second)}): built,
     * sometimes reassigned with its components swapped (unconditionally or by {@code ?:}), and read
     * back through its accessors.
     */
    private void valueLocal() {
        String pair = localName("pair");
        E a = cap(expr(1 + r.nextInt(2)), LIMIT);
        E b = cap(expr(1 + r.nextInt(2)), LIMIT);
        line("Pair " + pair + " = new Pair(" + a.code + ", " + b.code + ");");
        switch (r.nextInt(3)) {
            case 0 -> line(pair + " = new Pair(" + pair + ".second(), " + pair + ".first());");
            case 1 -> line(pair + " = " + condition() + " ? new Pair(" + pair + ".second(), " + pair + ".first()) : "
                    + pair + ";");
            default -> {
            }
        }
        String v = localName("v");
        line("double " + v + " = " + pair + ".first() * 0.5 + " + pair + ".second();");
        declare(new Var(v, 1.5 * Math.max(a.bound, b.bound), loopDepth, false));
    }

    private static void add(List<Runnable> choices, List<Integer> weights, int w, Runnable c) {
        choices.add(c);
        weights.add(w);
    }

    private void declareVar() {
        String name = localName("v");
        E e = cap(expr(1 + r.nextInt(2)), LIMIT);
        boolean isFinal = r.nextInt(6) == 0;
        line((isFinal ? "final double " : "double ") + name + " = " + e.code + ";");
        declare(new Var(name, e.bound, loopDepth, isFinal));
    }

    /** An int, long, boolean or int[] local: inactive data that indices, arithmetic and conditions read. */
    private void declareInactive() {
        List<IntVar> ints = all(IntVar.class);
        String name = localName("m");
        switch (r.nextInt(4)) {
            case 0 -> {
                IntVar i = ints.isEmpty() ? null : ints.get(r.nextInt(ints.size()));
                String[] code = new String[1];
                int max = intExpr(i, code);
                line("int " + name + " = " + code[0] + ";");
                declare(new IntVar(name, max));
            }
            case 1 -> {
                IntVar i = ints.isEmpty() ? null : ints.get(r.nextInt(ints.size()));
                long k = 1 + r.nextInt(3);
                line("long " + name + " = " + k + "L * " + (i == null ? "2" : i.name) + " + 1;");
                declare(new LongVar(name, k * (i == null ? 2 : i.max) + 1));
            }
            case 2 -> {
                line("boolean " + name + " = " + intCondition() + ";");
                declare(new BoolVar(name));
            }
            default -> {
                int length = 2 + r.nextInt(3);
                List<String> values = new ArrayList<>();
                for (int k = 0; k < length; k++) {
                    values.add(String.valueOf(r.nextInt(4)));
                }
                line("int[] " + name + " = {" + String.join(", ", values) + "};");
                declare(new IntArr(name, length, 4));
            }
        }
    }

    /**
     * A non-negative int expression, of {@code i} if given (else of constants), in {@code code[0]};
     * returns its largest value. Integer division and remainder, int-valued library calls and casts.
     */
    private int intExpr(IntVar i, String[] code) {
        if (i == null || r.nextInt(4) == 0) {
            String[] constants = {"7 / 2", "1 / 2", "9 / 4", "5 % 3", "(int) 2.9", "Math.floorMod(-7, 3)"};
            int[] values = {3, 0, 2, 2, 2, 2};
            int k = r.nextInt(constants.length);
            code[0] = constants[k];
            return values[k];
        }
        int m = i.max;
        switch (r.nextInt(7)) {
            case 0 -> {
                code[0] = i.name + " / 2";
                return m / 2;
            }
            case 1 -> {
                code[0] = i.name + " % 3";
                return Math.min(m, 2);
            }
            case 2 -> {
                code[0] = "Math.floorMod(" + i.name + " + 1, 3)";
                return 2;
            }
            case 3 -> {
                code[0] = "Math.abs(" + i.name + " - 2)";
                return m + 2;
            }
            case 4 -> {
                code[0] = "Integer.bitCount(" + i.name + ")";
                return 32 - Integer.numberOfLeadingZeros(Math.max(m, 1));
            }
            case 5 -> {
                code[0] = "Math.max(" + i.name + ", 1)";
                return Math.max(m, 1);
            }
            default -> {
                code[0] = "(int) (3L * " + i.name + " % 4)";
                return 3;
            }
        }
    }

    private void assignVar() {
        List<Var> vars = assignableVars();
        Var v = vars.get(r.nextInt(vars.size()));
        boolean outer = v.loopLevel < loopDepth;
        int op = r.nextInt(5);
        switch (op) {
            case 0 -> {
                E e = expr(1 + r.nextInt(2));
                e = outer && (e.readsOuter || e.bound > 3) ? hard(e, 3) : cap(e, LIMIT);
                line(v.name + " = " + e.code + ";");
                v.bound = Math.max(v.bound, e.bound);
            }
            case 1, 2 -> {
                E e = expr(1 + r.nextInt(2));
                e = outer && (e.readsOuter || e.bound > 2) ? hard(e, 2) : cap(e, LIMIT);
                line(v.name + (op == 1 ? " += " : " -= ") + e.code + ";");
                v.bound += e.bound * (outer ? iterMult : 1);
            }
            case 3 -> line(v.name + " *= " + factor().code + ";");
            default -> line(v.name + " /= " + divisor().code + ";");
        }
    }

    private void declareArray() {
        String name = localName("a");
        List<Mat> mats = all(Mat.class);
        if (!mats.isEmpty() && r.nextInt(3) == 0) {
            // a row of a matrix parameter: an alias, read only
            Mat m = mats.get(r.nextInt(mats.size()));
            line("double[] " + name + " = " + m.name + "[" + index(m.name, m.rows) + "];");
            declare(new Arr(name, new Box(1), m.cols, false, loopDepth));
            return;
        }
        int kind = r.nextInt(4);
        List<Arr> inputs = inputArrays();
        List<Arr> locals = writableArrays();
        if (kind == 0 && !inputs.isEmpty()) {
            Arr src = inputs.get(r.nextInt(inputs.size()));
            line((r.nextInt(3) == 0 ? "var " : "double[] ") + name + " = " + src.name + ".clone();");
            declare(new Arr(name, new Box(src.box.bound), src.length, true, loopDepth));
        } else if (kind == 1 && !locals.isEmpty() && r.nextBoolean()) {
            Arr src = locals.get(r.nextInt(locals.size()));
            line("double[] " + name + " = " + src.name + ";");
            declare(new Arr(name, src.box, src.length, true, loopDepth));
        } else if (kind == 2) {
            int length = 2 + r.nextInt(3);
            List<String> elems = new ArrayList<>();
            double bound = 0;
            int saved = callableHelpers;
            if (!KNOWN_BUGS) {
                callableHelpers = 0; // a call inside an array initializer: processor bug, see regressions
            }
            for (int i = 0; i < length; i++) {
                E e = cap(expr(1 + r.nextInt(2)), LIMIT);
                elems.add(e.code);
                bound = Math.max(bound, e.bound);
            }
            callableHelpers = saved;
            line("double[] " + name + " = {" + String.join(", ", elems) + "};");
            declare(new Arr(name, new Box(bound), length, true, loopDepth));
        } else {
            int length = 2 + r.nextInt(4);
            line("double[] " + name + " = new double[" + length + "];");
            declare(new Arr(name, new Box(0), length, true, loopDepth));
        }
    }

    /**
     * GMM's shape: per point, a loop over components that refills a work array from the inputs,
     * reduces it with a stepped index and writes one output per component, then a non-linear sum
     * of the outputs. Reverse mode replays each component or keeps what it left; now and then the
     * work array is overwritten after the reduction read it, so that keeping would be wrong.
     */
    private void workArrayLoop() {
        List<Arr> inputs = inputArrays();
        Arr a = inputs.get(r.nextInt(inputs.size()));
        Arr b = inputs.get(r.nextInt(inputs.size()));
        int length = 2 + r.nextInt(4);
        int components = 1 + r.nextInt(4);
        int points = 1 + r.nextInt(3);
        boolean overwrite = r.nextInt(4) == 0;
        String w = localName("work");
        String o = localName("terms");
        String acc = localName("fit");
        String p = "p" + (names++);
        String c = "c" + (names++);
        String j = "j" + (names++);
        String k = "j" + (names++);
        String at = "at" + (names++);
        String s = localName("s");
        line("double[] " + w + " = new double[" + length + "];");
        line("double[] " + o + " = new double[" + components + "];");
        line("double " + acc + " = 0;");
        line("for (int " + p + " = 0; " + p + " < " + points + "; " + p + "++) {");
        indent++;
        line("for (int " + c + " = 0; " + c + " < " + components + "; " + c + "++) {");
        indent++;
        line("for (int " + j + " = 0; " + j + " < " + length + "; " + j + "++) {");
        line("    " + w + "[" + j + "] = 0.5 * " + a.name + "[(" + j + " + " + c + ") % " + a.name + ".length] - 0.25 * "
                + b.name + "[(" + p + " + " + j + ") % " + b.name + ".length];");
        line("}");
        line("double " + s + " = 0;");
        line("int " + at + " = " + c + " * 3 + 1;");
        line("for (int " + k + " = 0; " + k + " < " + w + ".length; " + k + "++) {");
        line("    " + s + " += " + w + "[" + k + "] * " + w + "[" + k + "] + " + a.name + "[" + at + " % " + a.name
                + ".length] * " + w + "[" + k + "];");
        line("    " + at + "++;");
        line("}");
        if (overwrite) {
            line("for (int " + k + " = 0; " + k + " < " + w + ".length; " + k + "++) {");
            line("    " + w + "[" + k + "] = 0.5 * " + s + " * " + w + "[" + k + "];");
            line("}");
            line("for (int " + k + " = 0; " + k + " < " + w + ".length; " + k + "++) {");
            line("    " + s + " += " + w + "[" + k + "] * " + w + "[" + k + "];");
            line("}");
        }
        line(o + "[" + c + "] = " + s + ";");
        indent--;
        line("}");
        line("for (int " + c + " = 0; " + c + " < " + components + "; " + c + "++) {");
        line("    " + acc + " += Math.tanh(" + o + "[" + c + "]);");
        line("}");
        indent--;
        line("}");
        declare(new Var(acc, points * components, loopDepth, false));
    }

    private void assignArray() {
        List<Arr> arrays = writableArrays();
        Arr a = arrays.get(r.nextInt(arrays.size()));
        boolean outer = a.loopLevel < loopDepth || a.name.equals("out");
        String idx = index(a.name, a.length);
        int op = r.nextInt(6);
        switch (op) {
            case 0, 1 -> {
                E e = expr(1 + r.nextInt(2));
                e = outer && (e.readsOuter || e.bound > 3) ? hard(e, 3) : cap(e, LIMIT);
                line(a.name + "[" + idx + "] = " + e.code + ";");
                a.box.bound = Math.max(a.box.bound, e.bound);
            }
            case 2, 3 -> {
                E e = expr(1 + r.nextInt(2));
                e = outer && (e.readsOuter || e.bound > 2) ? hard(e, 2) : cap(e, LIMIT);
                line(a.name + "[" + idx + "]" + (op == 2 ? " += " : " -= ") + e.code + ";");
                a.box.bound += e.bound * (outer ? iterMult : 1);
            }
            case 4 -> line(a.name + "[" + idx + "] *= " + factor().code + ";");
            default -> line(a.name + "[" + idx + "] /= " + divisor().code + ";");
        }
    }

    private void ifStatement(int nest) {
        line("if (" + condition() + ") {");
        inner(() -> block(1 + r.nextInt(3), nest + 1));
        if (r.nextBoolean()) {
            line("} else {");
            inner(() -> block(1 + r.nextInt(3), nest + 1));
        }
        line("}");
    }

    private void forLoop(int nest) {
        String i = "i" + (names++);
        int max;
        String bound;
        List<IntVar> ints = all(IntVar.class);
        List<Arr> arrays = all(Arr.class);
        int kind = r.nextInt(5);
        if (kind == 0 && !ints.isEmpty()) {
            IntVar outerCounter = ints.get(r.nextInt(ints.size()));
            bound = outerCounter.name + " + 1";
            max = outerCounter.max + 1;
        } else if (kind == 1 && arrays.stream().anyMatch(a -> a.length > 0)) {
            Arr a;
            do {
                a = arrays.get(r.nextInt(arrays.size()));
            } while (a.length <= 0);
            bound = a.name + ".length";
            max = a.length;
        } else if (kind == 2 && arrays.stream().anyMatch(a -> a.length < 0)) {
            Arr a;
            do {
                a = arrays.get(r.nextInt(arrays.size()));
            } while (a.length >= 0);
            bound = a.name + ".length";
            max = 5;
        } else {
            max = 1 + r.nextInt(4);
            bound = String.valueOf(max);
        }
        String label = loopLabel();
        String header;
        int style = r.nextInt(5);
        if (style == 0) {
            header = "for (int " + i + " = " + bound + " - 1; " + i + " >= 0; " + i + "--)";
        } else if (style == 1) {
            header = "for (int " + i + " = 0; " + i + " < " + bound + "; " + i + " += 2)";
        } else {
            header = "for (int " + i + " = 0; " + i + " < " + bound + "; " + i + "++)";
        }
        line((label != null ? label + ": " : "") + header + " {");
        loop(new IntVar(i, Math.max(0, max - 1)), max, label, nest);
        line("}");
    }

    private void whileLoop(int nest) {
        String k = "k" + (names++);
        int max = 1 + r.nextInt(4);
        line("int " + k + " = 0;");
        boolean doWhile = r.nextBoolean();
        String label = loopLabel();
        String prefix = label != null ? label + ": " : "";
        line(prefix + (doWhile ? "do {" : "while (" + k + " < " + max + ") {"));
        indent++;
        line(k + "++;");
        indent--;
        loop(new IntVar(k, max), max, label, nest);
        line(doWhile ? "} while (" + k + " < " + max + ");" : "}");
    }

    private void enhancedFor(int nest) {
        List<Arr> inputs = inputArrays();
        Arr a = inputs.get(r.nextInt(inputs.size()));
        String e = "e" + (names++);
        String label = loopLabel();
        line((label != null ? label + ": " : "") + "for (double " + e + " : " + a.name + ") {");
        double saved = iterMult;
        iterMult *= a.length > 0 ? a.length : 5;
        loopDepth++;
        labels.add(label);
        inner(() -> {
            declare(new Var(e, a.box.bound, loopDepth, true));
            block(1 + r.nextInt(3), nest + 1);
        });
        labels.remove(labels.size() - 1);
        loopDepth--;
        iterMult = saved;
        line("}");
    }

    /** A label for a loop now and then (used or not by its breaks and continues). */
    private String loopLabel() {
        return loopDepth > 0 && r.nextInt(3) == 0 || r.nextInt(6) == 0 ? "L" + (names++) : null;
    }

    private void loop(IntVar counter, int trips, String label, int nest) {
        double saved = iterMult;
        iterMult *= Math.max(1, trips);
        loopDepth++;
        labels.add(label);
        inner(() -> {
            declare(counter);
            block(1 + r.nextInt(3), nest + 1);
        });
        labels.remove(labels.size() - 1);
        loopDepth--;
        iterMult = saved;
    }

    private void switchStatement(int nest) {
        List<IntVar> ints = all(IntVar.class);
        IntVar v = ints.get(r.nextInt(ints.size()));
        line("switch (" + v.name + " % 3) {");
        int cases = 1 + r.nextInt(3);
        switchDepth++;
        if (r.nextInt(3) == 0) {
            // the arrow form: no fall-through
            for (int c = 0; c < cases; c++) {
                line((c == cases - 1 && r.nextBoolean() ? "default" : "case " + c) + " -> {");
                inner(() -> block(1 + r.nextInt(2), nest + 1));
                line("}");
            }
            switchDepth--;
            line("}");
            return;
        }
        for (int c = 0; c < cases; c++) {
            line(c == cases - 1 && r.nextBoolean() ? "default:" : "case " + c + ":");
            int cc = c;
            inner(() -> {
                block(1 + r.nextInt(2), nest + 1);
                if (cc == cases - 1 || r.nextInt(3) > 0) {
                    line("break;");
                }
            });
        }
        switchDepth--;
        line("}");
    }

    private void breakOrContinue() {
        String what = r.nextBoolean() ? "break" : "continue";
        String label = "";
        List<String> named = labels.stream().filter(l -> l != null).toList();
        if (!named.isEmpty() && r.nextInt(3) == 0) {
            label = " " + named.get(r.nextInt(named.size()));
        }
        String target = label;
        String cond = r.nextInt(5) == 0 ? valueCondition() : intCondition();
        line("if (" + cond + ") {");
        inner(() -> {
            if (r.nextBoolean()) {
                statement(3);
            }
            line(what + target + ";");
        });
        line("}");
    }

    private void earlyReturn() {
        String cond = r.nextBoolean() ? intCondition() : valueCondition();
        if (voidMethod) {
            line("if (" + cond + ") {");
            inner(() -> line("return;"));
            line("}");
        } else if (vectorLength > 0) {
            String literal = vectorLiteral();
            line("if (" + cond + ") {");
            inner(() -> line("return " + literal + ";"));
            line("}");
        } else {
            E e = cap(expr(2), LIMIT);
            line("if (" + cond + ") {");
            inner(() -> line("return " + e.code + ";"));
            line("}");
        }
    }

    private void voidCall() {
        List<Helper> voids = new ArrayList<>();
        for (int h = 0; h < callableHelpers; h++) {
            if (helpers.get(h).kind == HelperKind.VOID_WRITER) {
                voids.add(helpers.get(h));
            }
        }
        Helper h = voids.get(r.nextInt(voids.size()));
        List<Arr> writable = writableArrays();
        Arr target = writable.get(r.nextInt(writable.size()));
        List<Arr> sources = new ArrayList<>();
        for (Arr a : all(Arr.class)) {
            if (a.box != target.box) {
                sources.add(a);
            }
        }
        if (r.nextInt(4) == 0) {
            // in place: the array the helper reads is the one it writes
            sources = List.of(target);
        }
        if (sources.isEmpty()) {
            declareVar();
            return;
        }
        Arr src = sources.get(r.nextInt(sources.size()));
        E p = hard(expr(1), 2);
        line(h.name + "(" + src.name + ", " + p.code + ", " + target.name + ");");
        target.box.bound = Math.max(target.box.bound, target.box.bound + h.bound) * (target.loopLevel < loopDepth ? 1 : 1);
    }

    // ------------------------------------------------------------------------------ expressions

    private E expr(int depth) {
        if (depth <= 0 || r.nextInt(4) == 0) {
            return leaf();
        }
        if (r.nextInt(12) == 0) {
            return intMix(depth);
        }
        int x = r.nextInt(100);
        E e;
        if (x < 15) {
            E a = expr(depth - 1);
            E b = expr(depth - 1);
            e = new E(a.code + (r.nextBoolean() ? " + " : " - ") + paren(b), a.bound + b.bound, a.readsOuter || b.readsOuter);
        } else if (x < 27) {
            E a = cap(expr(depth - 1), LIMIT);
            E b = cap(expr(depth - 1), LIMIT);
            e = new E(paren(a) + " * " + paren(b), a.bound * b.bound, a.readsOuter || b.readsOuter);
        } else if (x < 33) {
            E a = expr(depth - 1);
            E d = divisor();
            e = new E(paren(a) + " / " + d.code, a.bound, a.readsOuter || d.readsOuter);
        } else if (x < 36) {
            E a = expr(depth - 1);
            e = new E("-" + paren(a), a.bound, a.readsOuter);
        } else if (x < 85) {
            e = math(depth - 1);
        } else if (x < 94 && hasValueHelper()) {
            e = call(depth - 1);
        } else if (x < 97) {
            E a = expr(depth - 1);
            E b = expr(depth - 1);
            String cond = r.nextInt(3) == 0 ? valueCondition() : intCondition();
            e = new E("(" + cond + " ? " + a.code + " : " + b.code + ")", Math.max(a.bound, b.bound),
                    a.readsOuter || b.readsOuter);
        } else {
            E a = cap(expr(depth - 1), LIMIT);
            e = new E("(" + paren(a) + " % " + constant(0.5, 2.0) + ")", a.bound, a.readsOuter);
        }
        return cap(e, 50);
    }

    /** A double expression mixed with int arithmetic: {@code 7 / 2 * e}, {@code e * (i % 3)}, {@code e / (9 / 4)}. */
    private E intMix(int depth) {
        E a = cap(expr(depth - 1), LIMIT);
        List<IntVar> ints = all(IntVar.class);
        String[] code = new String[1];
        switch (r.nextInt(3)) {
            case 0 -> {
                int max = intExpr(null, code);
                return new E(code[0] + " * " + paren(a), a.bound * Math.max(max, 1), a.readsOuter);
            }
            case 1 -> {
                int max = intExpr(ints.isEmpty() ? null : ints.get(r.nextInt(ints.size())), code);
                E e = new E(paren(a) + " * (" + code[0] + ")", a.bound * Math.max(max, 1), a.readsOuter);
                return cap(e, LIMIT);
            }
            default -> {
                String[] divisors = {"9 / 4", "7 / 2", "5 / 2", "(int) 1.5"};
                return new E(paren(a) + " / (" + divisors[r.nextInt(divisors.length)] + ")", a.bound, a.readsOuter);
            }
        }
    }

    private E leaf() {
        int x = r.nextInt(100);
        List<Var> vars = all(Var.class);
        List<Mat> mats = all(Mat.class);
        if (!mats.isEmpty() && r.nextInt(3) == 0) {
            Mat m = mats.get(r.nextInt(mats.size()));
            return new E(m.name + "[" + index(m.name, m.rows) + "][" + index(m.name + "[0]", m.cols) + "]", 1, false);
        }
        List<LongVar> longs = all(LongVar.class);
        if (!longs.isEmpty() && r.nextInt(8) == 0) {
            LongVar l = longs.get(r.nextInt(longs.size()));
            return new E("(0.05 * " + l.name + ")", 0.05 * l.max, false);
        }
        if (!vars.isEmpty() && r.nextInt(40) == 0) {
            // a cast: a step function of an active value (the checker skips the points at a step)
            Var v = vars.get(r.nextInt(vars.size()));
            return new E("(0.25 * (int) (3 * " + v.name + "))", 0.75 * v.bound + 1, !v.constant && v.loopLevel < loopDepth);
        }
        if (vars.size() >= 2 && r.nextInt(40) == 0) {
            Var v = vars.get(r.nextInt(vars.size()));
            Var w = vars.get(r.nextInt(vars.size()));
            return new E("(0.3 * Double.compare(" + v.name + ", " + w.name + "))", 0.3,
                    (!v.constant && v.loopLevel < loopDepth) || (!w.constant && w.loopLevel < loopDepth));
        }
        List<Arr> arrays = all(Arr.class);
        List<IntVar> ints = all(IntVar.class);
        if (x < 50 && !vars.isEmpty()) {
            Var v = vars.get(r.nextInt(vars.size()));
            return new E(v.name, v.bound, !v.constant && v.loopLevel < loopDepth);
        }
        if (x < 80 && !arrays.isEmpty()) {
            Arr a = arrays.get(r.nextInt(arrays.size()));
            return new E(a.name + "[" + index(a.name, a.length) + "]", a.box.bound,
                    a.writable && a.loopLevel < loopDepth || a.name.equals("out"));
        }
        if (x < 88 && !ints.isEmpty()) {
            IntVar i = ints.get(r.nextInt(ints.size()));
            String c = constant(0.1, 0.6);
            return new E("(" + c + " * " + i.name + ")", num(c) * Math.max(i.max, 1), false);
        }
        String c = constant(-2, 2);
        return new E(c, Math.abs(num(c)), false);
    }

    /** A call of a helper that returns a value. */
    private E call(int depth) {
        List<Helper> valued = new ArrayList<>();
        for (int h = 0; h < callableHelpers; h++) {
            if (callableForValue(helpers.get(h))) {
                valued.add(helpers.get(h));
            }
        }
        Helper h = valued.get(r.nextInt(valued.size()));
        if (h.kind == HelperKind.RECURSIVE) {
            E p = hard(expr(depth), 2);
            List<IntVar> ints = all(IntVar.class);
            String d = ints.isEmpty() || r.nextBoolean() ? String.valueOf(r.nextInt(4))
                    : "Math.min(" + ints.get(r.nextInt(ints.size())).name + ", 3)";
            return new E(h.name + "(" + p.code + ", " + d + ")", h.bound, p.readsOuter);
        }
        if (h.kind == HelperKind.CUSTOM) {
            E p = hard(expr(depth), 2);
            return new E(h.name + "(" + p.code + ")", 2.1, p.readsOuter);
        }
        if (h.kind == HelperKind.SCALAR2) {
            E p = hard(expr(depth), 2);
            E q = hard(expr(depth), 2);
            return new E(h.name + "(" + p.code + ", " + q.code + ")", h.bound, p.readsOuter || q.readsOuter);
        }
        List<Arr> arrays = all(Arr.class);
        E p = hard(expr(depth), 2);
        if (arrays.isEmpty() && !KNOWN_BUGS) {
            return leaf();
        }
        if (arrays.isEmpty() || KNOWN_BUGS && r.nextInt(6) == 0) {
            E e1 = hard(expr(depth), 3);
            E e2 = hard(expr(depth), 3);
            return new E(h.name + "(new double[] {" + e1.code + ", " + e2.code + "}, " + p.code + ")", h.bound,
                    p.readsOuter || e1.readsOuter || e2.readsOuter);
        }
        Arr a = arrays.get(r.nextInt(arrays.size()));
        return new E(h.name + "(" + a.name + ", " + p.code + ")", h.bound * Math.max(1, a.box.bound / 5),
                true);
    }

    /** One Math function, with its argument kept in its domain. */
    private E math(int depth) {
        int f = r.nextInt(40);
        E a = cap(expr(depth), LIMIT);
        boolean ro = a.readsOuter;
        switch (f) {
            case 0, 1:
                return new E("Math.sin(" + a.code + ")", 1, ro);
            case 2, 3:
                return new E("Math.cos(" + a.code + ")", 1, ro);
            case 4: {
                E u = unit(a);
                return new E("Math.tan(1.2 * " + u.code + ")", 2.6, ro);
            }
            case 5: {
                E u = unit(a);
                return new E("Math.asin(0.9 * " + u.code + ")", 1.6, ro);
            }
            case 6: {
                E u = unit(a);
                return new E("Math.acos(0.9 * " + u.code + ")", 3.2, ro);
            }
            case 7:
                return new E("Math.atan(" + a.code + ")", 1.6, ro);
            case 8: {
                E b = cap(expr(depth), LIMIT);
                E u = unit(b);
                return new E("Math.atan2(" + a.code + ", " + constant(1.3, 2) + " + " + u.code + ")", 1.6,
                        ro || b.readsOuter);
            }
            case 9: {
                E u = unit(a);
                return new E("Math.sinh(2 * " + u.code + ")", 3.7, ro);
            }
            case 10: {
                E u = unit(a);
                return new E("Math.cosh(2 * " + u.code + ")", 3.8, ro);
            }
            case 11, 12:
                return new E("Math.tanh(" + a.code + ")", 1, ro);
            case 13: {
                if (a.bound <= 2) {
                    return new E("Math.exp(" + a.code + ")", Math.exp(a.bound), ro);
                }
                E u = unit(a);
                return new E("Math.exp(2 * " + u.code + ")", 7.4, ro);
            }
            case 14: {
                E u = unit(a);
                return new E("Math.expm1(2 * " + u.code + ")", 6.4, ro);
            }
            case 15, 16: {
                if (r.nextBoolean()) {
                    E s = square(a);
                    return new E("Math.log(1 + " + s.code + ")", Math.log1p(s.bound), ro);
                }
                E u = unit(a);
                return new E("Math.log(" + constant(1.3, 2) + " + " + u.code + ")", 1.1, ro);
            }
            case 17: {
                if (r.nextBoolean()) {
                    E s = square(a);
                    return new E("Math.log1p(" + s.code + ")", Math.log1p(s.bound), ro);
                }
                E u = unit(a);
                return new E("Math.log1p(0.6 * " + u.code + ")", 1, ro);
            }
            case 18: {
                E s = square(a);
                return new E("Math.log10(1 + " + s.code + ")", Math.log10(1 + s.bound), ro);
            }
            case 19, 20: {
                if (r.nextBoolean()) {
                    E s = square(a);
                    return new E("Math.sqrt(1 + " + s.code + ")", Math.sqrt(1 + s.bound), ro);
                }
                E u = unit(a);
                return new E("Math.sqrt(" + constant(1.3, 2) + " + " + u.code + ")", 1.8, ro);
            }
            case 21: {
                E u = unit(a);
                return new E("Math.cbrt(" + constant(1.3, 2) + " + " + u.code + ")", 1.5, ro);
            }
            case 22, 23: {
                int kind = r.nextInt(3);
                if (kind == 0) {
                    E u = unit(a);
                    E b = hard(expr(depth), 2);
                    return new E("Math.pow(" + constant(1.3, 2) + " + " + u.code + ", " + b.code + ")", 9,
                            ro || b.readsOuter);
                } else if (kind == 1) {
                    E c = cap(a, 4);
                    int k = 2 + r.nextInt(2);
                    return new E("Math.pow(" + c.code + ", " + k + ")", Math.pow(c.bound, k), c.readsOuter);
                }
                E s = square(a);
                String p = constant(-1.5, 1.5);
                return new E("Math.pow(1 + " + s.code + ", " + p + ")", Math.pow(1 + s.bound, 1.5), ro);
            }
            case 24: {
                E b = cap(expr(depth), LIMIT);
                return new E("Math.hypot(" + a.code + ", " + b.code + ")", a.bound + b.bound, ro || b.readsOuter);
            }
            case 25, 26:
                return new E("Math.abs(" + a.code + ")", a.bound, ro);
            case 27, 28: {
                E b = cap(expr(depth), LIMIT);
                return new E("Math.max(" + a.code + ", " + b.code + ")", Math.max(a.bound, b.bound), ro || b.readsOuter);
            }
            case 29, 30: {
                E b = cap(expr(depth), LIMIT);
                return new E("Math.min(" + a.code + ", " + b.code + ")", Math.max(a.bound, b.bound), ro || b.readsOuter);
            }
            case 31, 32: {
                E b = cap(expr(depth), LIMIT);
                E c = cap(expr(depth), LIMIT);
                return new E("Math.fma(" + a.code + ", " + b.code + ", " + c.code + ")", a.bound * b.bound + c.bound,
                        ro || b.readsOuter || c.readsOuter);
            }
            case 33:
                return new E("Math.signum(" + a.code + ")", 1, ro);
            case 34: {
                String fn = new String[] {"floor", "ceil", "rint"}[r.nextInt(3)];
                return new E("Math." + fn + "(" + a.code + ")", a.bound + 1, ro);
            }
            case 35:
                // Math.round returns a long: make it a double, or Math.round(Math.round(e)) would be round(float)
                return new E("(0.5 * Math.round(" + a.code + "))", a.bound + 1, ro);
            case 36: {
                E b = cap(expr(depth), LIMIT);
                return new E("Math.copySign(" + a.code + ", " + b.code + ")", a.bound, ro || b.readsOuter);
            }
            case 37:
                return new E("Math.toRadians(" + a.code + ")", a.bound * 0.018, ro);
            case 38:
                return new E("0.01 * Math.toDegrees(" + a.code + ")", a.bound * 0.58, ro);
            default: {
                String fn = r.nextBoolean() ? "StrictMath.sin" : "StrictMath.atan";
                return new E(fn + "(" + a.code + ")", 1.6, ro);
            }
        }
    }

    /** {@code e * e}, with {@code e} parenthesised as needed (computed twice, which is fine). */
    private E square(E e) {
        E c = cap(e, LIMIT);
        if (c.code.length() > 60) {
            c = new E("Math.tanh(" + c.code + ")", 1, c.readsOuter);
        }
        return new E(paren(c) + " * " + paren(c), c.bound * c.bound, c.readsOuter);
    }

    /** A value in [-1, 1]. */
    private E unit(E e) {
        return switch (r.nextInt(3)) {
            case 0 -> new E("Math.tanh(" + e.code + ")", 1, e.readsOuter);
            case 1 -> new E("Math.sin(" + e.code + ")", 1, e.readsOuter);
            default -> new E("Math.cos(" + e.code + ")", 1, e.readsOuter);
        };
    }

    /** A multiplicative factor with absolute value at most 1. */
    private E factor() {
        E e = expr(1 + r.nextInt(2));
        return switch (r.nextInt(4)) {
            case 0 -> new E(constant(0.3, 0.99), 1, false);
            case 1 -> new E(unit(e).code, 1, e.readsOuter);
            default -> new E("(0.5 + 0.5 * " + unit(e).code + ")", 1, e.readsOuter);
        };
    }

    /** A divisor with absolute value at least 1. */
    private E divisor() {
        E e = expr(1 + r.nextInt(2));
        if (r.nextInt(4) == 0) {
            return new E(constant(1.1, 3), 1, false);
        }
        return new E("(" + constant(2, 3) + " + " + unit(e).code + ")", 1, e.readsOuter);
    }

    /** The expression itself if its bound is at most {@code limit}, else squashed into [-1.6, 1.6]. */
    private E cap(E e, double limit) {
        return e.bound <= limit ? e : squash(e);
    }

    /** The expression squashed unconditionally (a hard bound that holds whatever the loop did before). */
    private E hard(E e, double limit) {
        if (!e.readsOuter && e.bound <= limit) {
            return e;
        }
        return squash(e);
    }

    private E squash(E e) {
        return switch (r.nextInt(4)) {
            case 0 -> new E("Math.tanh(" + e.code + ")", 1, e.readsOuter);
            case 1 -> new E("Math.atan(" + e.code + ")", 1.6, e.readsOuter);
            case 2 -> new E("Math.sin(" + e.code + ")", 1, e.readsOuter);
            default -> new E("1.5 * Math.tanh(0.5 * " + paren(e) + ")", 1.5, e.readsOuter);
        };
    }

    // ------------------------------------------------------------------------------- conditions

    private String condition() {
        List<BoolVar> flags = all(BoolVar.class);
        if (!flags.isEmpty() && r.nextInt(4) == 0) {
            String f = flags.get(r.nextInt(flags.size())).name;
            return r.nextBoolean() ? f : "!" + f;
        }
        String c = r.nextInt(5) < 3 && !all(IntVar.class).isEmpty() ? intCondition() : valueCondition();
        if (r.nextInt(6) == 0) {
            String d = r.nextBoolean() ? intCondition() : valueCondition();
            c = "(" + c + ")" + (r.nextBoolean() ? " && " : " || ") + "(" + d + ")";
        } else if (r.nextInt(10) == 0) {
            c = "!(" + c + ")";
        }
        return c;
    }

    /** A condition on inactive ints only: never on a branch boundary of the active values. */
    private String intCondition() {
        List<IntVar> ints = all(IntVar.class);
        if (ints.isEmpty()) {
            return valueCondition();
        }
        IntVar a = ints.get(r.nextInt(ints.size()));
        IntVar b = ints.get(r.nextInt(ints.size()));
        int m = Math.max(1, a.max);
        return switch (r.nextInt(5)) {
            case 0 -> a.name + " % 2 == " + r.nextInt(2);
            case 1 -> a.name + " < " + b.name;
            case 2 -> a.name + " == " + r.nextInt(m + 1);
            case 3 -> a.name + " + " + b.name + " > " + r.nextInt(2 * m + 1);
            default -> a.name + " >= " + r.nextInt(m + 1);
        };
    }

    /** A condition on active values: true or false away from the boundary except on a set of small measure. */
    private String valueCondition() {
        E a = cap(expr(1 + r.nextInt(2)), LIMIT);
        return switch (r.nextInt(3)) {
            case 0 -> paren(a) + " > " + constant(-0.5, 0.5);
            case 1 -> paren(a) + " < " + paren(cap(expr(1), LIMIT));
            default -> "Math.abs(" + a.code + ") <= " + constant(0.2, 1.5);
        };
    }

    // -------------------------------------------------------------------------------- utilities

    /** A valid index into the array (of known length, or -1: unknown, at least 2). */
    private String index(String array, int length) {
        List<IntVar> ints = all(IntVar.class);
        int x = r.nextInt(5);
        if (ints.isEmpty() || x == 0) {
            return String.valueOf(r.nextInt(length > 0 ? length : 2));
        }
        IntVar i = ints.get(r.nextInt(ints.size()));
        IntVar j = ints.get(r.nextInt(ints.size()));
        String len = length > 0 && r.nextBoolean() ? String.valueOf(length) : array + ".length";
        List<IntArr> tables = all(IntArr.class);
        if (!tables.isEmpty() && r.nextInt(4) == 0) {
            IntArr t = tables.get(r.nextInt(tables.size()));
            return t.name + "[" + i.name + " % " + t.length + "] % " + len;
        }
        return switch (x) {
            case 1 -> i.name + " % " + len;
            case 2 -> "(" + i.name + " + " + (1 + r.nextInt(3)) + ") % " + len;
            case 3 -> "(" + i.name + " + " + j.name + ") % " + len;
            default -> array + ".length - 1 - " + i.name + " % " + len;
        };
    }

    private String constant(double lo, double hi) {
        double v = lo + (hi - lo) * r.nextDouble();
        String s = String.format(Locale.ROOT, "%.2f", v);
        if (s.equals("-0.00")) {
            s = "0.00";
        }
        return s.startsWith("-") ? "(" + s + ")" : s;
    }

    private static double num(String c) {
        return Double.parseDouble(c.replace("(", "").replace(")", ""));
    }

    private static String paren(E e) {
        String c = e.code;
        return isAtom(c) ? c : "(" + c + ")";
    }

    private static boolean isAtom(String c) {
        if (c.matches("[\\w.]+(\\[[^\\[\\]]*\\])?")) {
            return true;
        }
        // a single call or parenthesised expression: balanced parentheses closing only at the end
        if (!c.endsWith(")") || c.startsWith("-")) {
            return false;
        }
        int open = c.indexOf('(');
        if (open < 0 || !c.substring(0, open).matches("[\\w.]*")) {
            return false;
        }
        int depth = 0;
        for (int i = open; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
                if (depth == 0 && i != c.length() - 1) {
                    return false;
                }
            }
        }
        return true;
    }

    private void line(String s) {
        out.append("    ".repeat(indent)).append(s).append('\n');
    }

    private void inner(Runnable body) {
        indent++;
        scopes.add(new ArrayList<>());
        body.run();
        scopes.remove(scopes.size() - 1);
        indent--;
    }

    private void declare(Object v) {
        scopes.get(scopes.size() - 1).add(v);
    }

    private Object lookup(String name) {
        for (List<Object> scope : scopes) {
            for (Object o : scope) {
                if (o instanceof Var v && v.name.equals(name) || o instanceof Arr a && a.name.equals(name)) {
                    return o;
                }
            }
        }
        throw new IllegalStateException(name);
    }

    private <T> List<T> all(Class<T> type) {
        List<T> list = new ArrayList<>();
        for (List<Object> scope : scopes) {
            for (Object o : scope) {
                if (type.isInstance(o)) {
                    list.add(type.cast(o));
                }
            }
        }
        return list;
    }

    private List<Var> assignableVars() {
        return all(Var.class).stream().filter(v -> !v.constant).toList();
    }

    private List<Arr> writableArrays() {
        return all(Arr.class).stream().filter(a -> a.writable).toList();
    }

    private List<Arr> inputArrays() {
        return all(Arr.class).stream().filter(a -> !a.writable).toList();
    }

    private boolean hasValueHelper() {
        for (int h = 0; h < callableHelpers; h++) {
            if (callableForValue(helpers.get(h))) {
                return true;
            }
        }
        return false;
    }

    /** A helper returning a value that the method being generated may call (an instance one only from one). */
    private boolean callableForValue(Helper h) {
        return h.kind != HelperKind.VOID_WRITER && (!h.isInstance || instanceMethod);
    }

    private boolean hasVoidHelper() {
        for (int h = 0; h < callableHelpers; h++) {
            if (helpers.get(h).kind == HelperKind.VOID_WRITER) {
                return true;
            }
        }
        return false;
    }

    private <T> T pick(T[] values, int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = r.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }
}
