package org.cotangent.processor.cleanup;

import org.cotangent.processor.ir.AssignOp;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.GeneratedMethod;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.Var;
import org.cotangent.processor.rules.Primitive;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes stores to scalar locals that no path reads before the next store or the end of the
 * method (liveness, backwards, to a fixed point in loops), then the declarations of locals nothing
 * refers to any more. A store whose value has an effect (a call, a tape pop) stays: only pure
 * arithmetic, reads and {@code Math} calls are dropped.
 */
final class DeadStores {
    private final Set<Var> candidates;
    /** The method's own variables: a store to one may only go if it cannot throw, as the original would. */
    private final Set<Var> primal;
    /** What is live after each store, from the last (converged) visit. */
    private final Map<Stmt, Set<Var>> liveAfter = new IdentityHashMap<>();
    private final Deque<Set<Var>> loops = new ArrayDeque<>();

    private DeadStores(Set<Var> candidates, Set<Var> primal) {
        this.candidates = candidates;
        this.primal = primal;
    }

    static Stmt.Block apply(Stmt.Block body, Set<Var> primal) {
        Set<Var> locals = new HashSet<>();
        IrWalk.forEachStmt(body, s -> {
            if (s instanceof Stmt.Decl d && d.var().type().rank() == 0 && d.var().type().base() != Type.Base.TAPE
                    && d.var().type().base() != Type.Base.OTHER) {
                locals.add(d.var());
            }
        });
        DeadStores pass = new DeadStores(locals, primal);
        pass.live(body.stmts(), new HashSet<>());
        Stmt.Block swept = new Stmt.Block(pass.sweep(body.stmts()));
        return new Stmt.Block(pass.unreferencedDeclsRemoved(swept.stmts(), referenced(swept)));
    }

    // ---- liveness ----

    private Set<Var> live(List<Stmt> stmts, Set<Var> after) {
        Set<Var> live = after;
        for (int i = stmts.size() - 1; i >= 0; i--) {
            live = live(stmts.get(i), live);
        }
        return live;
    }

    private Set<Var> live(Stmt s, Set<Var> after) {
        Set<Var> out = new HashSet<>(after);
        if (s instanceof Stmt.Decl d) {
            remember(s, after);
            out.remove(d.var());
            if (d.init() != null) {
                out.addAll(IrWalk.varsRead(d.init()));
            }
        } else if (s instanceof Stmt.Assign a && a.target() instanceof Expr.VarRef r) {
            remember(s, after);
            if (a.op() == AssignOp.SET) {
                out.remove(r.var());
            } else {
                out.add(r.var());
            }
            out.addAll(IrWalk.varsRead(a.value()));
        } else if (s instanceof Stmt.Assign a) {
            out.addAll(IrWalk.varsRead(a.target()));
            out.addAll(IrWalk.varsRead(a.value()));
        } else if (s instanceof Stmt.ExprStmt e) {
            out.addAll(IrWalk.varsRead(e.expr()));
        } else if (s instanceof Stmt.Throw t) {
            out = new HashSet<>();
            for (Expr h : t.holes()) {
                out.addAll(IrWalk.varsRead(h));
            }
        } else if (s instanceof Stmt.Assert a) {
            for (Expr e : IrWalk.ownExprs(a)) {
                out.addAll(IrWalk.varsRead(e));
            }
        } else if (s instanceof Stmt.Return r) {
            out = new HashSet<>();
            if (r.value() != null) {
                out.addAll(IrWalk.varsRead(r.value()));
            }
        } else if (s instanceof Stmt.Block b) {
            out = live(b.stmts(), out);
        } else if (s instanceof Stmt.If f) {
            Set<Var> then = live(f.then().stmts(), after);
            Set<Var> otherwise = live(f.otherwise().stmts(), after);
            out = new HashSet<>(then);
            out.addAll(otherwise);
            out.addAll(IrWalk.varsRead(f.condition()));
        } else if (s instanceof Stmt.While w) {
            out = loop(w.body(), after, IrWalk.varsRead(w.condition()), Set.of());
        } else if (s instanceof Stmt.CountedLoop c) {
            Set<Var> header = new HashSet<>(IrWalk.varsRead(c.to()));
            header.add(c.counter());
            out = loop(c.body(), after, header, IrWalk.varsRead(c.from()));
        } else if (s instanceof Stmt.Break || s instanceof Stmt.Continue) {
            // to the end or the head of some enclosing loop: what is live at either
            out = new HashSet<>();
            loops.forEach(out::addAll);
        }
        return out;
    }

    /**
     * A statement may be visited more than once: in each round of a loop's fixed point (live sets
     * only grow), and where generated code repeats a statement object (a replayed loop runs its
     * forward code again in the backward sweep). What is live after it is the union of all visits.
     */
    private void remember(Stmt s, Set<Var> after) {
        liveAfter.computeIfAbsent(s, k -> new HashSet<>()).addAll(after);
    }

    /** Live at the head of a loop: its header's reads, and what its body reads before writing, to a fixed point. */
    private Set<Var> loop(Stmt.Block body, Set<Var> after, Set<Var> header, Set<Var> entry) {
        Set<Var> head = new HashSet<>(after);
        head.addAll(header);
        while (true) {
            loops.push(head);
            Set<Var> next = new HashSet<>(live(body.stmts(), head));
            loops.pop();
            next.addAll(head);
            if (next.equals(head)) {
                break;
            }
            head = next;
        }
        Set<Var> out = new HashSet<>(head);
        out.addAll(entry);
        return out;
    }

    // ---- removal ----

    private List<Stmt> sweep(List<Stmt> stmts) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : stmts) {
            if (s instanceof Stmt.Assign a && a.target() instanceof Expr.VarRef r && candidates.contains(r.var())
                    && !liveAfter.getOrDefault(s, Set.of(r.var())).contains(r.var()) && removable(r.var(), a.value())) {
                continue;
            }
            out.add(IrWalk.withBlocks(s, this::sweep));
        }
        return out;
    }

    /**
     * Whether an unread store of {@code value} into {@code v} may go. Its value must have no effect
     * (no call, allocation or tape pop). For the method's own variables it must also be unable to
     * throw (no element read, which may be out of bounds, no integer division, which may be by
     * zero): a store the original makes throws where the original throws. The generated code's own
     * adjoints and tangents read only what the primal code has read before.
     */
    private boolean removable(Var v, Expr value) {
        boolean strict = primal.contains(v);
        boolean[] ok = {true};
        IrWalk.forEachExpr(value, x -> ok[0] &= !(x instanceof Expr.Call || x instanceof Expr.Pullback
                || x instanceof Expr.Construct || x instanceof Expr.NewArray || x instanceof Expr.ArrayLiteral
                || x instanceof Expr.Clone
                || x instanceof Expr.StaticCall c && Primitive.of(c).isEmpty()
                || strict && (x instanceof Expr.ArrayAccess || x instanceof Expr.Length
                        || x instanceof Expr.InstanceField || x instanceof Expr.PrivateField
                        || x instanceof Expr.Binary b && !b.type().isFloating()
                        && (b.op() == org.cotangent.processor.ir.BinaryOp.DIV
                        || b.op() == org.cotangent.processor.ir.BinaryOp.REM))));
        return ok[0];
    }

    private static Set<Var> referenced(Stmt.Block body) {
        Set<Var> byValue = new HashSet<>();
        IrWalk.forEachStmt(body, s -> {
            for (Expr e : IrWalk.ownExprs(s)) {
                byValue.addAll(IrWalk.varsRead(e));
            }
            if (s instanceof Stmt.CountedLoop c) {
                byValue.add(c.counter());
            }
        });
        return byValue;
    }

    private List<Stmt> unreferencedDeclsRemoved(List<Stmt> stmts, Set<Var> referenced) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : stmts) {
            if (s instanceof Stmt.Decl d && candidates.contains(d.var()) && !referenced.contains(d.var())
                    && (d.init() == null || removable(d.var(), d.init()))) {
                continue;
            }
            out.add(IrWalk.withBlocks(s, inner -> unreferencedDeclsRemoved(inner, referenced)));
        }
        return out;
    }
}
