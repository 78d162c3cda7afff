package org.cotangent.processor.transform.reverse;

import org.cotangent.processor.ir.AssignOp;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Var;

import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Finds the loops whose iterations use work arrays they refill in full: reverse mode runs such a
 * loop backward by replaying each iteration's forward code just before its backward code, instead
 * of saving every element the iterations overwrite on the tape. Each iteration then needs only what
 * it overwrites within itself, and the forward sweep runs the loop as the original does.
 *
 * <p>A loop qualifies when everything its body writes is a local declared in the body, the counter
 * of a loop inside it, a work array (allocated at the top level of the method, used nowhere but in
 * this loop, filled in full by each iteration before anything reads it), or an output array written
 * only as {@code out[counter] = e} and not read in the loop; when its body calls nothing that could
 * write an array and computes no expensive function (replaying an {@code exp} costs more than a
 * push and a pop); and when it has at least one work array.
 */
final class ReplayedLoops {
    private ReplayedLoops() {
    }

    static Set<Stmt> find(Stmt.Block body) {
        Set<Stmt> out = Collections.newSetFromMap(new IdentityHashMap<>());
        IrWalk.forEachStmt(body, s -> {
            if (s instanceof Stmt.CountedLoop loop && qualifies(loop, body)) {
                out.add(loop);
            }
        });
        return out;
    }

    private static boolean qualifies(Stmt.CountedLoop loop, Stmt.Block method) {
        boolean[] ok = {true};
        Set<Var> declared = new HashSet<>();
        Set<Var> written = new HashSet<>();
        IrWalk.forEachStmt(loop.body(), s -> {
            if (s instanceof Stmt.While || s instanceof Stmt.DoWhile || s instanceof Stmt.For
                    || s instanceof Stmt.ForEach) {
                ok[0] = false;
            } else if (s instanceof Stmt.Decl d) {
                declared.add(d.var());
            } else if (s instanceof Stmt.CountedLoop c) {
                declared.add(c.counter());
            } else if (s instanceof Stmt.Assign a) {
                ok[0] &= a.target() instanceof Expr.VarRef || a.target() instanceof Expr.ArrayAccess t
                        && t.array() instanceof Expr.VarRef;
                written.add(IrWalk.rootVar(a.target()));
            }
            for (Expr own : IrWalk.ownExprs(s)) {
                IrWalk.forEachExpr(own, e -> ok[0] &= !(e instanceof Expr.Call || e instanceof Expr.Pullback
                        || e instanceof Expr.StaticCall c && c.args().stream().anyMatch(x -> x.type().rank() > 0)
                        || e instanceof Expr.MathCall m && m.fn().isExpensive()));
            }
        });
        if (!ok[0]) {
            return false;
        }
        boolean workArray = false;
        for (Var v : written) {
            if (declared.contains(v) || v.equals(loop.counter())) {
                continue;
            }
            if (v.type().rank() != 1) {
                return false;
            }
            if (isWorkArray(v, loop, method)) {
                workArray = true;
            } else if (!isOutput(v, loop)) {
                return false;
            }
        }
        return workArray;
    }

    /** Whether {@code v} is a work array of {@code loop}: see the class comment. */
    static boolean isWorkArrayOf(Var v, Stmt.CountedLoop loop, Stmt.Block method) {
        return v.type().rank() == 1 && isWorkArray(v, loop, method);
    }

    private static boolean isWorkArray(Var v, Stmt.CountedLoop loop, Stmt.Block method) {
        List<Stmt> top = method.stmts();
        Expr length = null;
        for (Stmt s : top) {
            if (s instanceof Stmt.Decl d && d.var().equals(v) && d.init() instanceof Expr.NewArray n
                    && n.dimensions().size() == 1 && length == null) {
                length = n.dimensions().get(0);
            }
        }
        if (length == null) {
            return false;
        }
        // mentioned nowhere else in the method
        boolean[] elsewhere = {false};
        Set<Stmt> inside = Collections.newSetFromMap(new IdentityHashMap<>());
        IrWalk.forEachStmt(loop, inside::add);
        IrWalk.forEachStmt(method, s -> {
            if (inside.contains(s) || s instanceof Stmt.Block) {
                return;
            }
            boolean allocation = s instanceof Stmt.Decl d && d.var().equals(v);
            if (!allocation && !(s instanceof Stmt.CountedLoop || s instanceof Stmt.If || s instanceof Stmt.While)
                    && FusedReductions.mentions(s, v)) {
                elsewhere[0] = true;
            }
            if ((s instanceof Stmt.CountedLoop c && (IrWalk.reads(c.from(), v) || IrWalk.reads(c.to(), v)))
                    || s instanceof Stmt.If f && IrWalk.reads(f.condition(), v)
                    || s instanceof Stmt.While w && IrWalk.reads(w.condition(), v)) {
                elsewhere[0] = true;
            }
        });
        return !elsewhere[0] && FusedReductions.filledBeforeRead(v, length, loop.body().stmts());
    }

    /** Written only as {@code v[counter] = e} at the top of the body, and not read in the loop. */
    private static boolean isOutput(Var v, Stmt.CountedLoop loop) {
        boolean[] ok = {true};
        IrWalk.forEachStmt(loop.body(), s -> {
            boolean write = s instanceof Stmt.Assign a && a.target() instanceof Expr.ArrayAccess t
                    && t.array() instanceof Expr.VarRef r && r.var().equals(v);
            if (write) {
                Stmt.Assign a = (Stmt.Assign) s;
                Expr.ArrayAccess t = (Expr.ArrayAccess) a.target();
                ok[0] &= a.op() == AssignOp.SET && loop.body().stmts().stream().anyMatch(x -> x == s)
                        && t.index() instanceof Expr.VarRef i && i.var().equals(loop.counter())
                        && !IrWalk.reads(a.value(), v);
            } else {
                for (Expr own : IrWalk.ownExprs(s)) {
                    ok[0] &= !IrWalk.reads(own, v);
                }
            }
        });
        return ok[0];
    }
}
