package org.cotangent.processor.transform.reverse;

import org.cotangent.processor.naming.RuntimeMethod;
import org.cotangent.processor.analysis.ArrayWrites;
import org.cotangent.processor.ir.AssignOp;
import org.cotangent.processor.ir.BinaryOp;
import org.cotangent.processor.ir.Build;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.IrMap;
import org.cotangent.processor.ir.SourcePos;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.Var;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.cotangent.processor.transform.reverse.ReverseContext.intLit;
import static org.cotangent.processor.transform.reverse.ReverseContext.zero;

/**
 * The forward sweep: runs the method as written and keeps, as the plan says, what the backward
 * sweep will need: old values before overwrites, branch outcomes, trip counts, the values of
 * expensive calls, and the contents of arrays that calls write. Fused loops get each iteration's
 * backward code right after its forward code.
 */
final class ForwardSweep {
    private final ReverseContext ctx;
    private final ReversePlan plan;
    private final BackwardSweep backward;
    /**
     * Above 0 while writing the forward sweep's run of a replayed loop: nothing is saved there but
     * the old elements of its output arrays ({@link ReversePlan#outerSaves}).
     */
    private int untaped;
    /** Above 0 while writing a replayed loop's replay, which saves only what its own iteration needs. */
    private int replaying;

    ForwardSweep(ReverseContext ctx, ReversePlan plan, BackwardSweep backward) {
        this.ctx = ctx;
        this.plan = plan;
        this.backward = backward;
        backward.replayWith(this);
    }

    List<Stmt> sweep(List<Stmt> stmts) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : stmts) {
            forward(s, out);
        }
        return out;
    }

    /** A replayed loop's iteration run again in the backward sweep, saving only for that iteration. */
    List<Stmt> replay(List<Stmt> stmts) {
        replaying++;
        List<Stmt> out = sweep(stmts);
        replaying--;
        return out;
    }

    private void forward(Stmt s, List<Stmt> out) {
        if (replaying > 0 && plan.unreplayed.contains(s)) {
            return; // nothing in the iteration's backward code reads what it writes
        }
        if (s instanceof Stmt.Decl d) {
            forwardDecl(d, out);
        } else if (s instanceof Stmt.Assign a) {
            beforeCall(a.value(), out);
            save(s, a.target(), out);
            Expr value = withTapedCalls(s, a.value(), out);
            out.add(value == a.value() ? s : new Stmt.Assign(a.target(), a.op(), value, a.pos()));
            Expr adjTarget = ctx.adjointOfArrayTarget(a.target());
            if (adjTarget != null) {
                out.add(new Stmt.Assign(adjTarget, AssignOp.SET, ctx.adjointInit(a.value()), a.pos()));
            }
        } else if (s instanceof Stmt.If f) {
            forwardIf(f, out);
        } else if (s instanceof Stmt.While w) {
            forwardWhile(w, out);
        } else if (s instanceof Stmt.CountedLoop c && plan.fused.containsKey(s)) {
            // each iteration's backward sweep right after its forward code: the sums' adjoints are known
            Map<Var, Expr> sums = plan.fused.get(s);
            for (Map.Entry<Var, Expr> e : sums.entrySet()) {
                out.add(new Stmt.Assign(Build.ref(ctx.adjoints.get(e.getKey())), AssignOp.SET, e.getValue(), c.pos()));
            }
            List<Stmt> reversed = backward.sweep(c.body().stmts());
            List<Stmt> body = sweep(c.body().stmts());
            body.addAll(reversed);
            out.add(new Stmt.CountedLoop(c.counter(), c.from(), c.to(), c.up(), new Stmt.Block(body), c.pos()));
            for (Var sum : sums.keySet()) {
                out.add(new Stmt.Assign(Build.ref(ctx.adjoints.get(sum)), AssignOp.SET, Build.ZERO, c.pos()));
            }
        } else if (s instanceof Stmt.CountedLoop c) {
            // a replayed loop runs here as written: its backward sweep replays each iteration
            boolean replay = plan.replayed.contains(s);
            List<Var> snapshot = plan.snapshots.get(s);
            List<Stmt> body = new ArrayList<>();
            Var schedule = plan.schedules.get(s);
            if (snapshot != null && untaped == 0) {
                // a checkpointed loop: its state before it, if the code before needs it, and at each iteration's start
                out.addAll(pushes(plan.entrySaves.get(s), c));
                if (schedule != null) {
                    out.add(new Stmt.Comment("checkpointed: keeps " + names(snapshot) + " at the start of the "
                            + "iterations its schedule picks, within " + plan.checkpointMemory + " bytes"));
                    out.add(new Stmt.Decl(schedule, RuntimeMethod.CHECKPOINTS.on(ctx.tape.name(), List.of(c.from(),
                            c.to(), stateWords(snapshot), new Expr.Literal(plan.checkpointMemory + "L", Type.LONG)),
                            schedule.type()), c.pos()));
                    body.add(new Stmt.If(RuntimeMethod.SCHEDULE_KEEPS.on(schedule.name(),
                            List.of(Build.ref(c.counter())), Type.BOOLEAN), new Stmt.Block(pushes(snapshot, c)),
                            new Stmt.Block(List.of()), c.pos()));
                } else {
                    body.add(new Stmt.Comment(snapshot.isEmpty() ? "checkpointed: no state carries between iterations"
                            : "checkpointed: keeps " + names(snapshot) + " at each iteration's start"));
                    body.addAll(pushes(snapshot, c));
                }
            }
            untaped += replay ? 1 : 0;
            body.addAll(sweep(c.body().stmts()));
            untaped -= replay ? 1 : 0;
            List<Var> kept = plan.kept.get(s);
            if (kept != null && !kept.isEmpty()) {
                // no position of its own: the comment says what the pushes are for
                body.add(new Stmt.Comment("kept for this iteration's backward code: " + names(kept)));
                body.addAll(pushesAt(kept, null));
            }
            out.add(new Stmt.CountedLoop(c.counter(), c.from(), c.to(), c.up(), new Stmt.Block(body), c.pos()));
        } else if (s instanceof Stmt.Block b) {
            out.addAll(sweep(b.stmts()));
        } else if (s instanceof Stmt.ExprStmt e) {
            beforeCall(e.expr(), out);
            out.add(s);
        } else if (s instanceof Stmt.Throw || s instanceof Stmt.Assert) {
            out.add(s); // the primal's checks run as the original runs them
        } else {
            throw new IllegalStateException("unexpected statement in lowered code: " + s);
        }
    }

    private void forwardDecl(Stmt.Decl d, List<Stmt> out) {
        Var adj = ctx.adjoints.get(d.var());
        boolean activeArray = adj != null && d.var().type().rank() > 0;
        beforeCall(d.init(), out);
        if (!plan.nestedDecls.contains(d)) {
            out.add(d.init() != null ? d : new Stmt.Decl(d.var(), zero(d.var().type()), d.pos()));
            if (activeArray) {
                out.add(new Stmt.Decl(adj, d.init() == null ? zero(adj.type()) : ctx.adjointInit(d.init()), d.pos()));
            }
        } else if (d.init() != null) {
            save(d, Build.ref(d.var()), out);
            out.add(new Stmt.Assign(Build.ref(d.var()), AssignOp.SET, withTapedCalls(d, d.init(), out), d.pos()));
            if (activeArray) {
                out.add(new Stmt.Assign(Build.ref(adj), AssignOp.SET, ctx.adjointInit(d.init()), d.pos()));
            }
        }
    }

    private void forwardIf(Stmt.If f, List<Stmt> out) {
        Expr cond = f.condition();
        boolean recorded = !backward.isUnrecorded(f);
        Var slot = recorded ? plan.branchSlots.get(f) : null;
        if (slot != null) {
            out.add(new Stmt.Assign(Build.ref(slot), AssignOp.SET, cond, f.pos()));
            cond = Build.ref(slot);
        }
        Var taken = null;
        if (plan.tapedBranches.contains(f) && recorded && untaped == 0) {
            taken = new Var(ctx.names.fresh("taken"), Type.BOOLEAN);
            out.add(new Stmt.Decl(taken, cond, f.pos()));
            cond = Build.ref(taken);
        }
        out.add(new Stmt.If(cond, new Stmt.Block(sweep(f.then().stmts())),
                new Stmt.Block(sweep(f.otherwise().stmts())), f.pos()));
        if (taken != null) {
            // pushed after the branch ran, so that the backward sweep pops it before the branch's own entries
            out.add(ctx.tapeCall(RuntimeMethod.PUSH_BOOLEAN, Build.ref(taken), null));
        }
    }

    private void forwardWhile(Stmt.While w, List<Stmt> out) {
        if (backward.isUnrecorded(w)) {
            out.add(new Stmt.While(w.condition(), new Stmt.Block(sweep(w.body().stmts())), null, w.pos()));
            return;
        }
        Var count = plan.loopCounts.get(w);
        out.add(new Stmt.Assign(Build.ref(count), AssignOp.SET, intLit(0), w.pos()));
        List<Stmt> body = sweep(w.body().stmts());
        body.add(new Stmt.Assign(Build.ref(count), AssignOp.ADD, intLit(1), null));
        out.add(new Stmt.While(w.condition(), new Stmt.Block(body), null, w.pos()));
        if (plan.inLoop.contains(w)) {
            out.add(ctx.tapeCall(RuntimeMethod.PUSH_INT, Build.ref(count), null));
        }
    }

    /**
     * Before a call that writes arrays: their contents go onto the tape, twice when the backward
     * sweep runs the pullback (which needs them before it runs and leaves the call's results after).
     */
    private void beforeCall(Expr value, List<Stmt> out) {
        if (value == null) {
            return;
        }
        List<Expr> written = ArrayWrites.byCall(value);
        int copies = ctx.needsPullback(value, ctx.resultOf(value)) ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            for (Expr w : written) {
                out.add(ctx.tapeCall(RuntimeMethod.PUSH_ALL, w, null));
            }
        }
    }

    /** Keeps the value of {@code target} (and, for an active array pointer, its adjoint) before site overwrites it. */
    private void save(Stmt site, Expr target, List<Stmt> out) {
        ReversePlan.Save save = plan.saves.get(site);
        boolean outer = plan.outerSaves.contains(site);
        if (save == null || plan.inverted.contains(site) || plan.recomputedRestores.containsKey(site)
                || untaped > 0 && !outer || replaying > 0 && outer) {
            return;
        }
        Expr adj = ctx.adjointOfArrayTarget(target);
        if (save.onTape()) {
            out.add(ctx.tapeCall(ReverseContext.push(target.type()), target, site.pos()));
            if (adj != null) {
                out.add(ctx.tapeCall(RuntimeMethod.PUSH_REF, adj, site.pos()));
            }
        } else {
            out.add(new Stmt.Assign(Build.ref(save.slot()), AssignOp.SET, target, site.pos()));
            if (save.adjSlot() != null) {
                out.add(new Stmt.Assign(Build.ref(save.adjSlot()), AssignOp.SET, adj, site.pos()));
            }
        }
    }

    /** A checkpointed loop's iterations run forward again by its schedule: nothing is saved. */
    List<Stmt> untapedRun(List<Stmt> stmts) {
        untaped++;
        List<Stmt> out = sweep(stmts);
        untaped--;
        return out;
    }

    /** How many values the variables hold: an array's length, 1 for a scalar, as a {@code long} expression. */
    private static Expr stateWords(List<Var> vars) {
        Expr sum = null;
        for (Var v : vars) {
            Expr words = v.type().rank() > 0 ? new Expr.Length(Build.ref(v)) : ReverseContext.intLit(1);
            sum = sum == null ? words : new Expr.Binary(BinaryOp.ADD, sum, words, Type.INT);
        }
        return sum;
    }

    /** The variables' names, comma separated. */
    static String names(List<Var> vars) {
        return String.join(", ", vars.stream().map(Var::name).toList());
    }

    /** {@code tape.push...(v)} for each whole variable, in order: its value, or an array's elements. */
    List<Stmt> pushes(List<Var> vars, Stmt at) {
        return pushesAt(vars, at.pos());
    }

    private List<Stmt> pushesAt(List<Var> vars, SourcePos pos) {
        List<Stmt> out = new ArrayList<>();
        for (Var v : vars) {
            RuntimeMethod method = v.type().rank() > 0 ? RuntimeMethod.PUSH_ALL : ReverseContext.push(v.type());
            out.add(ctx.tapeCall(method, Build.ref(v), pos));
        }
        return out;
    }

    /**
     * Emits, for a statement with taped calls, each call's value into a local and onto the tape, and
     * returns the statement's value reading those locals (the same arithmetic, so the same result).
     */
    private Expr withTapedCalls(Stmt site, Expr value, List<Stmt> out) {
        List<Expr.MathCall> calls = plan.tapedCalls.get(site);
        if (calls == null || untaped > 0) {
            return value;
        }
        Map<Expr, Expr> locals = new HashMap<>();
        IrMap substitute = new IrMap(v -> v, p -> p) {
            @Override
            protected Expr replace(Expr e) {
                return locals.get(e);
            }
        };
        for (Expr.MathCall m : calls) {
            Var local = new Var(ctx.names.fresh(m.fn().javaName()), Type.DOUBLE);
            out.add(new Stmt.Decl(local, substitute.expr(m), site.pos()));
            out.add(ctx.tapeCall(RuntimeMethod.PUSH_DOUBLE, Build.ref(local), site.pos()));
            locals.put(m, Build.ref(local));
        }
        return substitute.expr(value);
    }
}
