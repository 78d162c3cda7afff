package org.cotangent.processor.transform;

import org.cotangent.processor.ir.BinaryOp;
import org.cotangent.processor.ir.Build;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.SourcePos;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Var;
import org.cotangent.processor.naming.Names;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Values of subexpressions that derivative code needs (the arguments of {@code sin}, the operands
 * of a product). A cheap one is written out again; an expensive one (a call, a division) is computed
 * once into a local, emitted into the current statement list, and reused: a small
 * common-subexpression cache for one statement, shared by both modes.
 */
public final class ValueCache {
    private final Names names;
    private final SourcePos pos;
    private List<Stmt> out;
    private Map<Expr, Expr> values = new HashMap<>();
    private final java.util.List<Expr.MathCall> recomputed = new java.util.ArrayList<>();
    private Map<Expr, Var> available = Map.of();

    public ValueCache(Names names, SourcePos pos, List<Stmt> out) {
        this.names = names;
        this.pos = pos;
        this.out = out;
    }

    /** Records that {@code variable} holds the value of {@code e} here, so that it is not recomputed. */
    public void knownValue(Expr e, Var variable) {
        values.put(e, Build.ref(variable));
    }

    /**
     * The {@code Math} calls whose values primal locals hold where this code runs (from
     * {@link org.cotangent.processor.analysis.AvailableValues}): {@link #reuse} reads those locals
     * instead of calling again.
     */
    public void available(Map<Expr, Var> calls) {
        available = calls == null ? Map.of() : calls;
    }

    /** {@code partial} with every available call in it replaced by the local that holds its value. */
    public Expr reuse(Expr partial) {
        if (available.isEmpty()) {
            return partial;
        }
        Var holder = available.get(partial);
        if (holder != null) {
            return Build.ref(holder);
        }
        if (partial instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), reuse(u.operand()), u.type());
        }
        if (partial instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), reuse(b.left()), reuse(b.right()), b.type());
        }
        if (partial instanceof Expr.MathCall m) {
            return new Expr.MathCall(m.owner(), m.fn(), m.args().stream().map(this::reuse).toList());
        }
        return partial;
    }

    /** Where new locals go from now on; returns the previous list. */
    public List<Stmt> redirect(List<Stmt> newOut) {
        List<Stmt> old = out;
        out = newOut;
        return old;
    }

    /** The cache as it is, to come back to after a branch whose locals are out of scope later. */
    public Map<Expr, Expr> snapshot() {
        return new HashMap<>(values);
    }

    public void reset(Map<Expr, Expr> snapshot) {
        values = new HashMap<>(snapshot);
    }

    /** The value of {@code e}, as an expression over the current state. */
    public Expr value(Expr e) {
        Expr cached = values.get(e);
        if (cached != null) {
            return cached;
        }
        Expr rebuilt = rebuild(e);
        if (e instanceof Expr.MathCall m) {
            recomputed.add(m);
        }
        if (isExpensive(e)) {
            Var tmp = new Var(names.fresh(valueName(e)), e.type());
            out.add(new Stmt.Decl(tmp, rebuilt, pos));
            Expr ref = Build.ref(tmp);
            values.put(e, ref);
            return ref;
        }
        return rebuilt;
    }

    /** The calls of {@code Math} functions this cache computed again (not known), in the order asked. */
    public java.util.List<Expr.MathCall> recomputedCalls() {
        return java.util.List.copyOf(recomputed);
    }

    private Expr rebuild(Expr e) {
        if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), value(u.operand()), u.type());
        }
        if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), value(b.left()), value(b.right()), b.type());
        }
        if (e instanceof Expr.MathCall m) {
            return new Expr.MathCall(m.owner(), m.fn(), m.args().stream().map(this::value).toList());
        }
        if (e instanceof Expr.Cast c) {
            return new Expr.Cast(c.type(), value(c.operand()));
        }
        return e;
    }

    private static boolean isExpensive(Expr e) {
        return e instanceof Expr.MathCall || e instanceof Expr.StaticCall
                || (e instanceof Expr.Binary b && b.op() == BinaryOp.DIV && b.type().isFloating())
                || e instanceof Expr.Conditional;
    }

    private static String valueName(Expr e) {
        if (e instanceof Expr.MathCall m) {
            return m.fn().javaName();
        }
        if (e instanceof Expr.StaticCall c) {
            return c.name();
        }
        if (e instanceof Expr.Conditional) {
            return "choice";
        }
        return "quot";
    }
}
