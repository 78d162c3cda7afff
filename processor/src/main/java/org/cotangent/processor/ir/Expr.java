package org.cotangent.processor.ir;

import java.util.List;

/**
 * A side-effect-free expression of the IR. Every node knows its Java type exactly (it comes from
 * javac's attribution, never from a guess).
 */
public sealed interface Expr {
    Type type();

    /** A literal, kept as the user spelled it. */
    record Literal(String text, Type type) implements Expr {
        public static Literal ofDouble(double value) {
            return new Literal(value == Math.rint(value) && Math.abs(value) < 1e15
                    ? String.valueOf((long) value) + ".0" : String.valueOf(value), Type.DOUBLE);
        }

        public static Literal ofInt(int value) {
            return new Literal(String.valueOf(value), Type.INT);
        }

        /** True for a literal whose numeric value is {@code value}. */
        public boolean isNumber(double value) {
            try {
                String t = text.replace("_", "");
                if (t.endsWith("L") || t.endsWith("l") || t.endsWith("d") || t.endsWith("D")) {
                    t = t.substring(0, t.length() - 1);
                }
                return Double.parseDouble(t) == value;
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }

    /** A read of a field, used as a constant: {@code Math.PI}, {@code Foo.SCALE}. */
    record FieldRef(String owner, String name, Type type) implements Expr {
    }

    /** A read of a variable. */
    record VarRef(Var var) implements Expr {
        @Override
        public Type type() {
            return var.type();
        }
    }

    record Unary(UnaryOp op, Expr operand, Type type) implements Expr {
    }

    record Binary(BinaryOp op, Expr left, Expr right, Type type) implements Expr {
    }

    /** A call of a differentiable {@code Math} or {@code StrictMath} function. */
    record MathCall(String owner, MathFn fn, List<Expr> args) implements Expr {
        public MathCall {
            args = List.copyOf(args);
        }

        @Override
        public Type type() {
            return Type.DOUBLE;
        }
    }

    /**
     * A call of a static method whose result carries no derivative ({@code writes}: for each
     * argument, whether the method may write into it) ({@code owner} is the class as it
     * is to be written, null for a method of the generated class itself), or of a runtime helper in
     * generated code.
     */
    record StaticCall(String owner, String name, List<Expr> args, Type type, List<Boolean> writes) implements Expr {
        public StaticCall {
            args = List.copyOf(args);
            writes = List.copyOf(writes);
        }

        /** A call that writes none of its arguments (a runtime helper, a pure function). */
        public StaticCall(String owner, String name, List<Expr> args, Type type) {
            this(owner, name, args, type, java.util.Collections.nCopies(args.size(), false));
        }
    }

    record Conditional(Expr condition, Expr whenTrue, Expr whenFalse, Type type) implements Expr {
    }

    record Cast(Type type, Expr operand) implements Expr {
    }

    /** An element of an array: {@code array[index]}. */
    record ArrayAccess(Expr array, Expr index, Type type) implements Expr {
    }

    /** {@code new double[d0][d1]...}: an array of {@code type} with the given dimensions. */
    record NewArray(Type type, List<Expr> dimensions) implements Expr {
        public NewArray {
            dimensions = List.copyOf(dimensions);
        }
    }

    /** {@code new ClassName(args)}, for the records of generated code. */
    record Construct(String className, List<Expr> args, Type type) implements Expr {
        public Construct {
            args = List.copyOf(args);
        }
    }

    /**
     * A call of a callee's pullback in a backward sweep: {@code Owner.g_vjp(receiver, args..., seed,
     * accumulators...)} ({@code receiver} null for a static callee, {@code seed} null for a void one).
     * Kept apart from other calls so that second-order code knows what each argument is.
     */
    record Pullback(Callee callee, Expr receiver, List<Expr> args, Expr seed, List<Expr> accumulators)
            implements Expr {
        public Pullback {
            args = List.copyOf(args);
            accumulators = List.copyOf(accumulators);
        }

        @Override
        public Type type() {
            return Type.VOID;
        }

        /** Every argument as passed, in order. */
        public List<Expr> allArguments() {
            List<Expr> all = new java.util.ArrayList<>();
            if (receiver != null) {
                all.add(receiver);
            }
            all.addAll(args);
            if (seed != null) {
                all.add(seed);
            }
            all.addAll(accumulators);
            return all;
        }
    }

    /** {@code array.length}. */
    record Length(Expr array) implements Expr {
        @Override
        public Type type() {
            return Type.INT;
        }
    }

    /** An array initialiser: {@code new double[] {a, b, c}} (elements of rank {@code type.rank() - 1}). */
    record ArrayLiteral(Type type, List<Expr> elements) implements Expr {
        public ArrayLiteral {
            elements = List.copyOf(elements);
        }
    }

    /** {@code array.clone()}: a shallow copy (for {@code double[][]}, the rows are shared). */
    record Clone(Expr array) implements Expr {
        @Override
        public Type type() {
            return array.type();
        }
    }

    /**
     * A read of a private field (static when {@code receiver} is null), reached through a
     * {@code static final} VarHandle of the generated class named {@code handle}.
     *
     * @param owner the declaring class as written in generated code (its class literal is used)
     */
    record PrivateField(String owner, String name, Type type, Expr receiver, String handle) implements Expr {
    }

    /** A read of an instance field of {@code receiver}, used as a constant: {@code self.scale}. */
    record InstanceField(Expr receiver, String name, Type type) implements Expr {
    }

    /**
     * A call of a method that has a derivative (a {@code @Differentiable} method or one with a
     * {@code @CustomVjp}); {@code receiver} is null for a static method. After lowering a call is
     * always the whole right-hand side of an assignment, or a statement of its own.
     */
    record Call(Callee callee, Expr receiver, List<Expr> args, Type type) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }
}
