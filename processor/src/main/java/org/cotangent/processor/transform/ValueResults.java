package org.cotangent.processor.transform;

import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.Function;
import org.cotangent.processor.ir.GeneratedMethod;
import org.cotangent.processor.ir.IrMap;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.ValueType;
import org.cotangent.processor.ir.Var;
import org.cotangent.processor.naming.Names;
import org.cotangent.processor.naming.RuntimeMethod;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The result side of {@link ValueBoundary}: a method returning a value type returns, inside, the
 * {@code double[]} of its leaves; at the boundary its {@code _vjp} takes a {@code TTangent} seed and
 * returns the object, its {@code _jvp} the record {@code FDual(value, tangent)}.
 */
final class ValueResults {
    private ValueResults() {
    }

    /**
     * For a method returning a value type {@code T} (inside: the {@code double[]} of its leaves):
     * {@code _vjp} takes the seed as a {@code TTangent} and returns a {@code T}; {@code _jvp} returns
     * the record {@code FDual(T value, TTangent tangent)}. Array leaves are split off the flat result
     * with the lengths the method kept at its return; in {@code _vjp} the object is built right after
     * the forward sweep, where the result and those lengths are final, and the seed's arrays are
     * checked against them.
     */
    static GeneratedMethod adapt(GeneratedMethod method, Function fn, ValueBoundary.Kind kind) {
        ValueType type = fn.valueReturn();
        List<GeneratedMethod.Param> params = new ArrayList<>(method.params());
        List<Stmt> prologue = new ArrayList<>();
        Map<Var, Var> renamed = new HashMap<>();
        String returns;
        Var object = null;
        if (kind == ValueBoundary.Kind.VJP) {
            int at = ValueBoundary.primalParams(fn).size();
            GeneratedMethod.Param seed = params.get(at);
            Var flat = new Var(seed.name() + "_flat", Type.DOUBLE_ARRAY);
            object = new Var(seed.name(), Type.named(type.tangentJavaName()));
            params.set(at, new GeneratedMethod.Param(type.tangentJavaName(), seed.name()));
            prologue.add(ValueBoundary.notNull(object));
            prologue.add(new Stmt.Decl(flat, new Expr.StaticCall(seed.name(), "toArray", List.of(), Type.DOUBLE_ARRAY),
                    null));
            renamed.put(new Var(seed.name(), Type.DOUBLE_ARRAY), flat);
            returns = type.javaName();
        } else {
            returns = Names.dualRecord(fn.name());
        }
        Var seedObject = object;
        Var value = new Var(unused(method, "returned"), Type.named(type.javaName()));
        Stmt.Block body = new IrMap(v -> renamed.getOrDefault(v, v), p -> p) {
            @Override
            public Stmt stmt(Stmt s) {
                if (s instanceof Stmt.Return r && r.value() != null) {
                    return new Stmt.Return(kind == ValueBoundary.Kind.VJP ? new Expr.VarRef(value)
                            : result(r.value(), fn, kind), r.pos());
                }
                return super.stmt(s);
            }
        }.block(method.body());
        List<Stmt> all = new ArrayList<>(prologue);
        boolean built = false;
        for (Stmt s : body.stmts()) {
            all.add(s);
            if (kind == ValueBoundary.Kind.VJP && isSeedCheck(s)) {
                // the forward sweep is done (VjpAssembler checks the seed there): result and lengths are final
                Expr result = ((Expr.Length) ((Expr.StaticCall) ((Stmt.ExprStmt) s).expr()).args().get(1)).array();
                all.addAll(seedShapeChecks(fn, seedObject));
                all.add(new Stmt.Decl(value, build(type, result, new Cursor(fn.returnLengths()), false), null));
                built = true;
            }
        }
        if (kind == ValueBoundary.Kind.VJP && !built) {
            throw new IllegalStateException(method.name() + ": no seed check after the forward sweep to build the "
                    + "returned value at");
        }
        return new GeneratedMethod(method.name(), method.javadoc(), returns, params, new Stmt.Block(all));
    }

    private static boolean isSeedCheck(Stmt s) {
        return s instanceof Stmt.ExprStmt e && e.expr() instanceof Expr.StaticCall c
                && c.name().equals(RuntimeMethod.CHECK_SEED.methodName()) && c.args().size() == 3
                && c.args().get(1) instanceof Expr.Length;
    }

    /** {@code Checks.seed(seed.w, result_w_length, "seed.w")} for each array leaf of the result. */
    private static List<Stmt> seedShapeChecks(Function fn, Var seed) {
        List<Stmt> out = new ArrayList<>();
        int k = 0;
        for (ValueType.Leaf leaf : fn.valueReturn().leaves()) {
            if (leaf.type().rank() > 0) {
                Var length = fn.returnLengths().get(k++);
                out.add(new Stmt.ExprStmt(RuntimeMethod.CHECK_SEED.call(List.of(ValueBoundary.read(seed, leaf, true),
                        new Expr.VarRef(length), new Expr.Literal(ValueBoundary.quoted(ValueBoundary.spelling(seed.name(), leaf, true)),
                                Type.named("String"))), Type.VOID), null));
            }
        }
        return out;
    }

    /** A name no variable of {@code method} has. */
    private static String unused(GeneratedMethod method, String base) {
        java.util.Set<String> taken = new java.util.HashSet<>();
        method.params().forEach(p -> taken.add(p.name()));
        org.cotangent.processor.ir.IrWalk.forEachStmt(method.body(), s -> {
            Var v = org.cotangent.processor.ir.IrWalk.definedVar(s);
            if (v != null) {
                taken.add(v.name());
            }
        });
        String name = base;
        for (int n = 2; taken.contains(name); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    /** The {@code FDual} a rewritten {@code return} of {@code _jvp} gives back. */
    private static Expr result(Expr flat, Function fn, ValueBoundary.Kind kind) {
        ValueType type = fn.valueReturn();
        Expr.Construct dual = (Expr.Construct) flat;
        Expr value = build(type, dual.args().get(0), new Cursor(fn.returnLengths()), false);
        Expr tangent = build(type, dual.args().get(1), new Cursor(fn.returnLengths()), true);
        String record = Names.dualRecord(fn.name());
        return new Expr.Construct(record, List.of(value, tangent), Type.named(record));
    }

    /** Where the next leaf starts in a flat result: a constant plus the lengths of the arrays before it. */
    static final class Cursor {
        private int constant;
        private Expr lengths;
        private final java.util.Iterator<Var> next;

        Cursor(List<Var> arrayLengths) {
            this.next = arrayLengths.iterator();
        }

        Expr offset() {
            Expr c = Expr.Literal.ofInt(constant);
            return lengths == null ? c : constant == 0 ? lengths
                    : new Expr.Binary(org.cotangent.processor.ir.BinaryOp.ADD, lengths, c, Type.INT);
        }
    }

    /**
     * {@code new T(flat[i], Arrays.copyOfRange(flat, at, at + n), ...)}: each leaf read off the flat
     * result where {@code at} says, then built as {@link ValueType#construct} builds it.
     */
    static Expr build(ValueType type, Expr flat, Cursor at, boolean tangent) {
        List<Expr> leaves = new ArrayList<>();
        for (ValueType.Leaf leaf : type.leaves()) {
            if (leaf.type().rank() == 0) {
                leaves.add(new Expr.ArrayAccess(flat, at.offset(), Type.DOUBLE));
                at.constant++;
            } else {
                Expr from = at.offset();
                Expr length = new Expr.VarRef(at.next.next());
                at.lengths = at.lengths == null ? length
                        : new Expr.Binary(org.cotangent.processor.ir.BinaryOp.ADD, at.lengths, length, Type.INT);
                leaves.add(new Expr.StaticCall("java.util.Arrays", "copyOfRange", List.of(flat, from, at.offset()),
                        Type.DOUBLE_ARRAY));
            }
        }
        return type.construct(leaves, tangent);
    }
}
