package org.cotangent.processor.naming;

import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.Type;

import java.util.List;

/**
 * Every method of the runtime that generated code calls, typed: its class, name, whether it is
 * static, and how many arguments it takes. Generated calls are built only from these, never from
 * strings, and a test checks each against the runtime's classes (name, arity, static or not), so a
 * misspelling fails the processor's build instead of a user's. (Overloads by argument type are
 * Java's to resolve: {@code zerosLike} is one entry for {@code double[]} and {@code double[][]}.)
 * The primitives' partial derivatives are in {@link org.cotangent.processor.rules.Primitive}.
 */
public enum RuntimeMethod {
    ZEROS_LIKE(RuntimeClasses.ADJOINTS, "zerosLike", true, 1),
    ADD_INTO(RuntimeClasses.ADJOINTS, "addInto", true, 2),
    COPY_OF(RuntimeClasses.ADJOINTS, "copyOf", true, 1),
    COPY_INTO(RuntimeClasses.ADJOINTS, "copyInto", true, 2),
    SIZE(RuntimeClasses.ADJOINTS, "size", true, 1),
    PUT(RuntimeClasses.ADJOINTS, "put", true, 3),

    CHECK_INPUT(RuntimeClasses.CHECKS, "input", true, 2),
    CHECK_NOT_NULL(RuntimeClasses.CHECKS, "notNull", true, 2),
    CHECK_ACCUMULATOR(RuntimeClasses.CHECKS, "accumulator", true, 3),
    CHECK_TANGENT(RuntimeClasses.CHECKS, "tangent", true, 3),
    CHECK_SEED(RuntimeClasses.CHECKS, "seed", true, 3),

    JACOBIAN_UNIT(RuntimeClasses.JACOBIANS, "unit", true, -1),
    JACOBIAN_ZERO(RuntimeClasses.JACOBIANS, "zero", true, -1),
    JACOBIAN_FLATTEN(RuntimeClasses.JACOBIANS, "flatten", true, -1),
    JACOBIAN_SET_COLUMN(RuntimeClasses.JACOBIANS, "setColumn", true, 3),

    TAPE_GET(RuntimeClasses.TAPE, "get", true, 0),
    CHECKPOINTS(RuntimeClasses.TAPE, "checkpoints", false, 4),
    RELEASE_CHECKPOINTS(RuntimeClasses.TAPE, "releaseCheckpoints", false, 0),
    SCHEDULE_KEEPS(RuntimeClasses.CHECKPOINTS, "keeps", false, 1),
    SCHEDULE_NEXT(RuntimeClasses.CHECKPOINTS, "next", false, 0),
    SCHEDULE_FROM(RuntimeClasses.CHECKPOINTS, "from", false, 0),
    SCHEDULE_TO(RuntimeClasses.CHECKPOINTS, "to", false, 0),
    SCHEDULE_STEP(RuntimeClasses.CHECKPOINTS, "step", false, 0),
    TAPE_ENTER(RuntimeClasses.TAPE, "enter", false, 0),
    TAPE_LEAVE(RuntimeClasses.TAPE, "leave", false, 0),
    PUSH_DOUBLE(RuntimeClasses.TAPE, "pushDouble", false, 1),
    POP_DOUBLE(RuntimeClasses.TAPE, "popDouble", false, 0),
    PUSH_INT(RuntimeClasses.TAPE, "pushInt", false, 1),
    POP_INT(RuntimeClasses.TAPE, "popInt", false, 0),
    PUSH_LONG(RuntimeClasses.TAPE, "pushLong", false, 1),
    POP_LONG(RuntimeClasses.TAPE, "popLong", false, 0),
    PUSH_BOOLEAN(RuntimeClasses.TAPE, "pushBoolean", false, 1),
    POP_BOOLEAN(RuntimeClasses.TAPE, "popBoolean", false, 0),
    PUSH_REF(RuntimeClasses.TAPE, "pushRef", false, 1),
    POP_REF(RuntimeClasses.TAPE, "popRef", false, 0),
    PUSH_ALL(RuntimeClasses.TAPE, "pushAll", false, 1),
    POP_ALL(RuntimeClasses.TAPE, "popAll", false, 1),
    CELL(RuntimeClasses.TAPE, "cell", false, 0),
    RELEASE_CELLS(RuntimeClasses.TAPE, "releaseCells", false, 1),
    POOLED_DOUBLES(RuntimeClasses.TAPE, "doubles", false, 1),
    POOLED_COPY(RuntimeClasses.TAPE, "copyOf", false, 1),
    RELEASE_ARRAYS(RuntimeClasses.TAPE, "releaseArrays", false, 1),
    KEEP(RuntimeClasses.TAPE, "keep", false, 1),
    RESTORE_KEPT(RuntimeClasses.TAPE, "restoreKept", false, 1),
    MARK(RuntimeClasses.TAPE, "mark", false, 0),
    REWIND(RuntimeClasses.TAPE, "rewind", false, 0),
    RELEASE_MARK(RuntimeClasses.TAPE, "releaseMark", false, 0),

    FIELD_HANDLE(RuntimeClasses.FIELDS, "find", true, 4),
    METHOD_HANDLE(RuntimeClasses.FIELDS, "method", true, 5),
    RETHROW(RuntimeClasses.FIELDS, "rethrow", true, 1),

    DUAL_VALUE(RuntimeClasses.DUAL, "value", false, 0),
    DUAL_TANGENT(RuntimeClasses.DUAL, "tangent", false, 0),
    DUAL_VECTOR_VALUE(RuntimeClasses.DUAL_VECTOR, "value", false, 0),
    DUAL_VECTOR_TANGENT(RuntimeClasses.DUAL_VECTOR, "tangent", false, 0);

    private final String owner;
    private final String methodName;
    private final boolean isStatic;
    private final int arity;

    RuntimeMethod(String owner, String methodName, boolean isStatic, int arity) {
        this.owner = owner;
        this.methodName = methodName;
        this.isStatic = isStatic;
        this.arity = arity;
    }

    /** The qualified name of the runtime class. */
    public String owner() {
        return owner;
    }

    public String methodName() {
        return methodName;
    }

    public boolean isStatic() {
        return isStatic;
    }

    /** How many arguments it takes; -1 for varargs. */
    public int arity() {
        return arity;
    }

    /** A call of this static method on {@code args}, with result type {@code type}. */
    public Expr.StaticCall call(List<Expr> args, Type type) {
        if (!isStatic) {
            throw new IllegalStateException(this + " is an instance method: call it on(receiver, ...)");
        }
        return new Expr.StaticCall(owner, methodName, checked(args), type);
    }

    /** A call of this instance method on the variable {@code receiver} (the tape, a Dual), with result type {@code type}. */
    public Expr.StaticCall on(String receiver, List<Expr> args, Type type) {
        if (isStatic) {
            throw new IllegalStateException(this + " is static: call it with call(...)");
        }
        return new Expr.StaticCall(receiver, methodName, checked(args), type);
    }

    /** Whether a call's method name is this method's (the caller knows the receiver). */
    public boolean named(String name) {
        return methodName.equals(name);
    }

    /**
     * The runtime method {@code c} calls, if any: an instance method of the tape when its receiver
     * is the variable {@code tapeVar}, else a static method of a runtime class.
     */
    public static java.util.Optional<RuntimeMethod> of(Expr.StaticCall c, String tapeVar) {
        boolean onTape = c.owner() != null && c.owner().equals(tapeVar);
        for (RuntimeMethod m : values()) {
            boolean receiverFits = onTape ? !m.isStatic && m.owner.equals(RuntimeClasses.TAPE)
                    : m.isStatic && m.owner.equals(c.owner());
            if (receiverFits && m.methodName.equals(c.name())) {
                return java.util.Optional.of(m);
            }
        }
        return java.util.Optional.empty();
    }

    private List<Expr> checked(List<Expr> args) {
        if (arity >= 0 && args.size() != arity) {
            throw new IllegalArgumentException(this + " takes " + arity + " arguments, got " + args.size());
        }
        return args;
    }
}
