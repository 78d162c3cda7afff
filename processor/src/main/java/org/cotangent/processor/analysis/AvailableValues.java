package org.cotangent.processor.analysis;

import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Var;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Available expressions: before each statement, the {@code Math} calls whose values a local still
 * holds. A derivative rule asks for values the primal has often computed already ({@code sin}'s
 * partial is {@code cos} of the same argument, and a rotation computes both); the JIT does not merge
 * two calls of {@code Math.cos}, so derivative code that finds {@code c = Math.cos(t)} available
 * reads {@code c} instead of calling it again.
 *
 * <p>{@code c = Math.f(args)} makes the call available from the next statement on, while neither
 * {@code c} nor a variable the arguments read is assigned again. Only calls over scalar locals,
 * literals and arithmetic count (no array element, field or call: a call between could change
 * those). A branch or a loop passes on to its body what is available before it, a loop only what
 * its body and header do not assign; after it, what it assigns nowhere stays available and nothing
 * it makes available inside. Each statement's entry leaves out the calls held by, or over, a
 * variable the statement itself assigns, so that derivative code of that statement may read them
 * either before or after the assignment.
 */
public final class AvailableValues {
    private final Map<Stmt, Map<Expr, Var>> before = new IdentityHashMap<>();

    private AvailableValues() {
    }

    /** Per statement of {@code body}: the calls a local holds right before it (and right after it). */
    public static Map<Stmt, Map<Expr, Var>> of(Stmt.Block body) {
        AvailableValues analysis = new AvailableValues();
        analysis.block(body.stmts(), new HashMap<>());
        return Collections.unmodifiableMap(analysis.before);
    }

    private Map<Expr, Var> block(List<Stmt> stmts, Map<Expr, Var> in) {
        Map<Expr, Var> state = new HashMap<>(in);
        for (Stmt s : stmts) {
            state = stmt(s, state);
        }
        return state;
    }

    private Map<Expr, Var> stmt(Stmt s, Map<Expr, Var> in) {
        Set<Var> assigned = assignedIn(s);
        Map<Expr, Var> kept = without(in, assigned);
        before.put(s, kept);
        if (s instanceof Stmt.Block b) {
            return block(b.stmts(), in);
        }
        if (s instanceof Stmt.If f) {
            block(f.then().stmts(), in);
            block(f.otherwise().stmts(), in);
            return kept;
        }
        if (s instanceof Stmt.While w) {
            block(w.body().stmts(), kept);
            return kept;
        }
        if (s instanceof Stmt.CountedLoop c) {
            block(c.body().stmts(), kept);
            return kept;
        }
        if (!(s instanceof Stmt.Decl || s instanceof Stmt.Assign)) {
            // loops not yet lowered, jumps and the rest: nothing is followed through them
            return s instanceof Stmt.Comment || s instanceof Stmt.ExprStmt ? kept : new HashMap<>();
        }
        Var target = IrWalk.wholeTarget(s);
        Expr value = IrWalk.storedValue(s);
        boolean plainSet = s instanceof Stmt.Decl || ((Stmt.Assign) s).op() == org.cotangent.processor.ir.AssignOp.SET;
        if (target != null && plainSet && target.type().rank() == 0 && value instanceof Expr.MathCall m
                && overScalarLocals(m) && !IrWalk.reads(m, target)) {
            kept.put(m, target);
        }
        return kept;
    }

    /** {@code in} less the entries held by, or over, a variable of {@code assigned}. */
    private static Map<Expr, Var> without(Map<Expr, Var> in, Set<Var> assigned) {
        Map<Expr, Var> out = new HashMap<>();
        for (Map.Entry<Expr, Var> e : in.entrySet()) {
            if (!assigned.contains(e.getValue()) && IrWalk.varsRead(e.getKey()).stream().noneMatch(assigned::contains)) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** Every variable {@code s} or a statement in it assigns as a whole (declarations and loop counters too). */
    private static Set<Var> assignedIn(Stmt s) {
        Set<Var> out = new HashSet<>();
        IrWalk.forEachStmt(s, x -> {
            Var v = IrWalk.wholeTarget(x);
            if (v != null) {
                out.add(v);
            }
            if (x instanceof Stmt.CountedLoop c) {
                out.add(c.counter());
            }
            if (x instanceof Stmt.ForEach f) {
                out.add(f.element());
            }
        });
        return out;
    }

    private static boolean overScalarLocals(Expr e) {
        boolean[] ok = {true};
        IrWalk.forEachExpr(e, x -> ok[0] &= x instanceof Expr.MathCall || x instanceof Expr.Literal
                || x instanceof Expr.Binary || x instanceof Expr.Unary || x instanceof Expr.Cast
                || x instanceof Expr.VarRef r && r.var().type().rank() == 0);
        return ok[0];
    }
}
