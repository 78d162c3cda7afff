package org.cotangent.processor.transform.reverse;

import org.cotangent.processor.naming.RuntimeMethod;
import org.cotangent.processor.analysis.ArrayWrites;
import org.cotangent.processor.ir.AssignOp;
import org.cotangent.processor.ir.BinaryOp;
import org.cotangent.processor.ir.Build;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.Var;
import org.cotangent.processor.naming.Names;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.cotangent.processor.transform.reverse.ReverseContext.intLit;

/**
 * The backward sweep: visits the statements in reverse, restores what each overwrote as the plan
 * says, and accumulates vector-Jacobian products into the adjoints ({@link AdjointPropagator} for
 * each value, the callee's pullback for each call).
 *
 * <p>It runs twice. The planner's dry run ({@link Recording}) writes nothing the method keeps; it
 * only learns what the backward code of each statement reads, so that the plan saves no more than
 * that. The second run writes the method's backward sweep from the finished plan.
 */
final class BackwardSweep {
    /** What the dry run learns, per statement. */
    static final class Recording {
        /** The primal variables the backward code of each assignment, declaration or call reads. */
        final Map<Stmt, Set<Var>> siteReads = new IdentityHashMap<>();
        /** For branches and loops: what their re-evaluated condition or header (or replay) reads. */
        final Map<Stmt, Set<Var>> extraReads = new IdentityHashMap<>();
        /** The propagator of each active scalar assignment, to learn which Math calls it computed again. */
        final Map<Stmt, AdjointPropagator> propagators = new IdentityHashMap<>();
    }

    private final ReverseContext ctx;
    private final ReversePlan plan;
    private final Names scratch;
    private final Recording recording;
    private ForwardSweep forward;
    /** Branches and loops whose backward sweep turned out empty: nothing of them is recorded. */
    private final Set<Stmt> unrecorded = ReverseContext.identitySet();

    private BackwardSweep(ReverseContext ctx, ReversePlan plan, Names scratch, Recording recording) {
        this.ctx = ctx;
        this.plan = plan;
        this.scratch = scratch;
        this.recording = recording;
    }

    /** The planner's dry run, with names of its own: writes into {@code recording}. */
    static BackwardSweep dryRun(ReverseContext ctx, ReversePlan plan, Recording recording) {
        return new BackwardSweep(ctx, plan, ctx.names.copy(), recording);
    }

    /** The sweep that writes the method's code from the finished plan. */
    static BackwardSweep of(ReverseContext ctx, ReversePlan plan) {
        return new BackwardSweep(ctx, plan, ctx.names, null);
    }

    /** The forward sweep whose code replayed loops run again. */
    void replayWith(ForwardSweep forward) {
        this.forward = forward;
    }

    boolean isUnrecorded(Stmt s) {
        return unrecorded.contains(s);
    }

    /** The backward sweep of {@code stmts}, last statement first, with {@code v = 0; v += e;} folded. */
    List<Stmt> sweep(List<Stmt> stmts) {
        return fold(backward(stmts));
    }

    List<Stmt> backward(List<Stmt> stmts) {
        List<Stmt> out = new ArrayList<>();
        for (int i = stmts.size() - 1; i >= 0; i--) {
            backward(stmts.get(i), out);
        }
        return out;
    }

    private void backward(Stmt s, List<Stmt> out) {
        int before = out.size();
        backwardOf(s, out);
        if (recording != null && !(s instanceof Stmt.Block)) {
            if (s instanceof Stmt.Decl || s instanceof Stmt.Assign || s instanceof Stmt.ExprStmt) {
                recording.siteReads.put(s, ReversePlan.Reads.of(out.subList(before, out.size()), ctx.primal).vars);
            }
        }
    }

    private void backwardOf(Stmt s, List<Stmt> out) {
        if (s instanceof Stmt.Decl d) {
            if (d.init() != null) {
                backwardAssign(s, Build.ref(d.var()), AssignOp.SET, d.init(), out);
            }
        } else if (s instanceof Stmt.Assign a) {
            backwardAssign(s, a.target(), a.op(), a.value(), out);
        } else if (s instanceof Stmt.If f) {
            backwardIf(f, out);
        } else if (s instanceof Stmt.While w) {
            backwardWhile(w, out);
        } else if (s instanceof Stmt.CountedLoop && plan.fused.containsKey(s)) {
            return; // its backward sweep ran in the forward sweep
        } else if (s instanceof Stmt.CountedLoop c) {
            backwardCounted(c, out);
        } else if (s instanceof Stmt.Block b) {
            out.addAll(backward(b.stmts()));
        } else if (s instanceof Stmt.ExprStmt e) {
            backwardCall(e.expr(), null, null, s, out);
        } else if (s instanceof Stmt.Throw || s instanceof Stmt.Assert) {
            return; // a check has no derivative; had it thrown, there would be no backward sweep
        } else {
            throw new IllegalStateException("unexpected statement in lowered code: " + s);
        }
    }

    private void backwardIf(Stmt.If f, List<Stmt> out) {
        Expr cond = f.condition();
        if (plan.branchSlots.containsKey(f)) {
            cond = Build.ref(plan.branchSlots.get(f));
        } else if (plan.tapedBranches.contains(f)) {
            cond = ctx.tapePop(RuntimeMethod.POP_BOOLEAN, Type.BOOLEAN);
        } else if (recording != null) {
            recording.extraReads.put(f, ctx.primalVars(cond));
        }
        List<Stmt> then = backward(f.then().stmts());
        List<Stmt> otherwise = backward(f.otherwise().stmts());
        if (!then.isEmpty() || !otherwise.isEmpty()) {
            out.add(new Stmt.If(cond, new Stmt.Block(then), new Stmt.Block(otherwise), f.pos()));
        } else {
            // nothing to undo in either branch (and so nothing taped inside): the outcome is not kept
            unrecorded.add(f);
        }
    }

    private void backwardWhile(Stmt.While w, List<Stmt> out) {
        Var count = plan.loopCounts.get(w);
        List<Stmt> reversed = backward(w.body().stmts());
        if (reversed.isEmpty()) {
            unrecorded.add(w);
            return;
        }
        if (plan.inLoop.contains(w)) {
            out.add(new Stmt.Assign(Build.ref(count), AssignOp.SET, ctx.tapePop(RuntimeMethod.POP_INT, Type.INT), w.pos()));
        }
        List<Stmt> body = recomputation(w);
        body.addAll(reversed);
        body.add(new Stmt.Assign(Build.ref(count), AssignOp.SUB, intLit(1), null));
        out.add(new Stmt.While(new Expr.Binary(BinaryOp.GT, Build.ref(count), intLit(0), Type.BOOLEAN),
                new Stmt.Block(body), null, w.pos()));
    }

    private void backwardCounted(Stmt.CountedLoop c, List<Stmt> out) {
        if (recording != null) {
            // recorded even if this pass finds the body's backward sweep empty: restores may fill it
            recording.extraReads.put(c, headerReads(c));
        }
        List<Stmt> reversed = backward(c.body().stmts());
        List<Var> snapshot = plan.snapshots.get(c);
        if (reversed.isEmpty() && snapshot == null && plan.kept.getOrDefault(c, List.of()).isEmpty()) {
            return;
        }
        Var schedule = plan.schedules.get(c);
        if (snapshot != null && schedule != null && recording == null) {
            out.addAll(scheduled(c, schedule, snapshot, reversed));
            out.addAll(pops(plan.entrySaves.getOrDefault(c, List.of()), c));
            return;
        }
        List<Stmt> body = new ArrayList<>();
        if (snapshot != null) {
            // a checkpointed loop: the iteration's state at its start, then its replay
            body.add(new Stmt.Comment(snapshot.isEmpty() ? "checkpointed: the iteration again"
                    : "checkpointed: " + ForwardSweep.names(snapshot) + " as the iteration began, then the iteration again"));
            body.addAll(pops(snapshot, c));
        }
        List<Var> kept = plan.kept.get(c);
        if (kept != null && recording == null) {
            if (!kept.isEmpty()) {
                body.add(new Stmt.Comment(ForwardSweep.names(kept) + " as the iteration left them"));
                body.addAll(pops(kept, c));
            }
            body.addAll(recomputation(c));
        } else if (plan.replayed.contains(c) && recording == null) {
            body.addAll(forward.replay(c.body().stmts()));
        } else {
            body.addAll(recomputation(c));
        }
        body.addAll(reversed);
        if (snapshot != null) {
            out.add(reversedLoop(c, body));
            out.addAll(pops(plan.entrySaves.getOrDefault(c, List.of()), c));
            return;
        }
        if (IndependentIterations.test(c.counter(), body)) {
            // nothing carries from one backward iteration to the next: run them in the forward
            // order, which the JIT vectorises (adjoint loops are then axpys and outer products)
            out.add(new Stmt.CountedLoop(c.counter(), c.from(), c.to(), c.up(), new Stmt.Block(body), c.pos()));
            return;
        }
        out.add(reversedLoop(c, body));
    }

    /**
     * The backward sweep of a checkpointed loop that its schedule drives: a loop over the schedule's
     * actions (run iterations forward again from a kept state, keep a state, put one back, reverse an
     * iteration), then the schedule given back.
     */
    private List<Stmt> scheduled(Stmt.CountedLoop c, Var schedule, List<Var> snapshot, List<Stmt> reversed) {
        String name = schedule.name();
        Var action = new Var(scratch.fresh(c.counter().name() + "_action"), Type.INT);
        List<Stmt> advance = new ArrayList<>();
        advance.add(new Stmt.Comment("advance: iterations again, forward only, from the state put back"));
        advance.add(new Stmt.CountedLoop(c.counter(), RuntimeMethod.SCHEDULE_FROM.on(name, List.of(), Type.INT),
                RuntimeMethod.SCHEDULE_TO.on(name, List.of(), Type.INT), true,
                new Stmt.Block(forward.untapedRun(c.body().stmts())), c.pos()));
        List<Stmt> take = new ArrayList<>();
        take.add(new Stmt.Comment("take: keep the state"));
        take.addAll(forward.pushes(snapshot, c));
        List<Stmt> restore = new ArrayList<>();
        restore.add(new Stmt.Comment("restore: put back the state last kept, and keep it"));
        restore.addAll(pops(snapshot, c));
        restore.addAll(forward.pushes(snapshot, c));
        List<Stmt> last = new ArrayList<>();
        last.add(new Stmt.Comment("pop: put back the state last kept, for the last time"));
        last.addAll(pops(snapshot, c));
        List<Stmt> again = new ArrayList<>(forward.replay(c.body().stmts()));
        again.addAll(reversed);
        List<Stmt> reverse = new ArrayList<>();
        reverse.add(new Stmt.Comment("reverse: the iteration again, then backward"));
        boolean[] readsCounter = {false};
        again.forEach(x -> IrWalk.forEachStmt(x, y -> IrWalk.ownExprs(y).forEach(e -> readsCounter[0] |= IrWalk.reads(e,
                c.counter()))));
        if (readsCounter[0]) {
            reverse.add(new Stmt.Decl(c.counter(), RuntimeMethod.SCHEDULE_STEP.on(name, List.of(), Type.INT), c.pos()));
        }
        reverse.addAll(again);
        Stmt dispatch = branch(action, 4, last, new Stmt.Block(reverse));
        dispatch = branch(action, 3, restore, new Stmt.Block(List.of(dispatch)));
        dispatch = branch(action, 2, take, new Stmt.Block(List.of(dispatch)));
        dispatch = branch(action, 1, advance, new Stmt.Block(List.of(dispatch)));
        Expr next = RuntimeMethod.SCHEDULE_NEXT.on(name, List.of(), Type.INT);
        List<Stmt> out = new ArrayList<>();
        out.add(new Stmt.Comment("checkpointed: the schedule's actions until it is done (0)"));
        out.add(new Stmt.Decl(action, next, c.pos()));
        out.add(new Stmt.While(new Expr.Binary(BinaryOp.NE, Build.ref(action), intLit(0), Type.BOOLEAN),
                new Stmt.Block(List.of(dispatch, new Stmt.Assign(Build.ref(action), AssignOp.SET, next, c.pos()))),
                null, c.pos()));
        out.add(new Stmt.ExprStmt(RuntimeMethod.RELEASE_CHECKPOINTS.on(ctx.tape.name(), List.of(), Type.VOID),
                c.pos()));
        return out;
    }

    private static Stmt branch(Var action, int code, List<Stmt> then, Stmt.Block otherwise) {
        return new Stmt.If(new Expr.Binary(BinaryOp.EQ, Build.ref(action), intLit(code), Type.BOOLEAN),
                new Stmt.Block(then), otherwise, null);
    }

    /** {@code c}'s header counting the other way, around {@code body}. */
    private static Stmt reversedLoop(Stmt.CountedLoop c, List<Stmt> body) {
        Expr one = intLit(1);
        Expr from = c.up() ? new Expr.Binary(BinaryOp.SUB, c.to(), one, Type.INT)
                : new Expr.Binary(BinaryOp.ADD, c.to(), one, Type.INT);
        Expr to = c.up() ? new Expr.Binary(BinaryOp.SUB, c.from(), one, Type.INT)
                : new Expr.Binary(BinaryOp.ADD, c.from(), one, Type.INT);
        return new Stmt.CountedLoop(c.counter(), from, to, !c.up(), new Stmt.Block(body), c.pos());
    }

    /** The pops that put back whole variables pushed in this order by the forward sweep, last first. */
    private List<Stmt> pops(List<Var> vars, Stmt at) {
        List<Stmt> out = new ArrayList<>();
        for (int k = vars.size() - 1; k >= 0; k--) {
            Var v = vars.get(k);
            out.add(v.type().rank() > 0
                    ? new Stmt.ExprStmt(RuntimeMethod.POP_ALL.on(ctx.tape.name(), List.of(Build.ref(v)), Type.VOID),
                            at.pos())
                    : new Stmt.Assign(Build.ref(v), AssignOp.SET, ctx.tapePop(ReverseContext.pop(v.type()), v.type()),
                            at.pos()));
        }
        return out;
    }

    /** What a counted loop's backward header reads; for a replayed loop also what its replay reads. */
    private Set<Var> headerReads(Stmt.CountedLoop c) {
        Set<Var> header = ctx.primalVars(c.from());
        header.addAll(ctx.primalVars(c.to()));
        if (!plan.replayed.contains(c)) {
            return header;
        }
        IrWalk.forEachStmt(c.body(), x -> {
            for (Expr e : IrWalk.ownExprs(x)) {
                if (x instanceof Stmt.Assign a && e == a.target()) {
                    // the written array itself is not read, only the indices
                    IrWalk.forEachExpr(e, y -> {
                        if (y instanceof Expr.ArrayAccess acc) {
                            header.addAll(ctx.primalVars(acc.index()));
                        }
                    });
                    if (a.op() == AssignOp.SET) {
                        continue;
                    }
                }
                header.addAll(ctx.primalVars(e));
            }
        });
        return header;
    }

    /** The recomputation that starts each backward iteration of {@code loop}. */
    private List<Stmt> recomputation(Stmt loop) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt.Decl d : plan.recomputedDecls.getOrDefault(loop, List.of())) {
            if (plan.knownReads == null || plan.knownReads.vars.contains(d.var())) {
                out.add(new Stmt.Assign(Build.ref(d.var()), AssignOp.SET, d.init(), d.pos()));
            }
        }
        return out;
    }

    private void backwardAssign(Stmt site, Expr target, AssignOp op, Expr value, List<Stmt> out) {
        Var root = IrWalk.rootVar(target);
        boolean active = root != null && ctx.activity.isActive(root) && target.type().isFloating();
        if (value instanceof Expr.Call || value instanceof Expr.StaticCall && !ArrayWrites.byCall(value).isEmpty()) {
            restore(site, target, out);
            Expr seedValue = null;
            if (active) {
                Expr adj = target instanceof Expr.VarRef ? Build.ref(ctx.adjoints.get(root)) : ctx.adjointArray(target);
                boolean firstDefinition = site instanceof Stmt.Decl && !plan.inLoop.contains(site);
                if (root == ctx.result() || firstDefinition) {
                    seedValue = adj;
                } else {
                    seedValue = Build.ref(copy(adj, site, out));
                    out.add(new Stmt.Assign(adj, AssignOp.SET, Build.ZERO, site.pos()));
                }
            }
            backwardCall(value, seedValue, root, site, out);
            return;
        }
        if (!active) {
            restore(site, target, out);
            return;
        }
        if (target.type().rank() > 0) {
            backwardArrayValue(value, ctx.adjointArray(target), site, out);
            restore(site, target, out);
            return;
        }
        AdjointPropagator p = propagator(site, out);
        if (recording != null) {
            recording.propagators.put(site, p);
        }
        List<Expr.MathCall> taped = recording == null ? plan.tapedCalls.getOrDefault(site, List.of()) : List.of();
        for (int k = taped.size() - 1; k >= 0; k--) {
            Var popped = new Var(scratch.fresh(taped.get(k).fn().javaName()), Type.DOUBLE);
            out.add(new Stmt.Decl(popped, ctx.tapePop(RuntimeMethod.POP_DOUBLE, Type.DOUBLE), site.pos()));
            p.knownValue(taped.get(k), popped);
        }
        Expr adj = target instanceof Expr.VarRef ? Build.ref(ctx.adjoints.get(root)) : p.adjointArray(target);
        if (root == ctx.result()) {
            p.knownValue(value, root);
            p.propagate(value, adj);
            return;
        }
        boolean element = target instanceof Expr.ArrayAccess;
        boolean readsTarget = element ? readsArrayOf(value, target.type().base()) : IrWalk.reads(value, root);
        boolean firstDefinition = site instanceof Stmt.Decl && !plan.inLoop.contains(site);
        if (op == AssignOp.ADD || op == AssignOp.SUB) {
            // v += e: the adjoint of v passes through unchanged, e's operands get it too
            restore(site, target, out);
            Expr incoming = readsTarget || element ? Build.ref(copy(adj, site, out)) : adj;
            p.propagate(value, op == AssignOp.SUB ? Build.neg(incoming) : incoming);
            return;
        }
        Expr rhs = op == AssignOp.SET ? value
                : new Expr.Binary(op.binary().orElseThrow(), target, value, Type.DOUBLE);
        if (op == AssignOp.SET && !readsTarget) {
            // the target still holds the value just assigned: partials may use it, then restore
            if (target instanceof Expr.VarRef) {
                p.knownValue(value, root);
            }
            Expr incoming = element ? Build.ref(copy(adj, site, out)) : adj;
            if (element) {
                out.add(new Stmt.Assign(adj, AssignOp.SET, Build.ZERO, site.pos()));
            }
            p.propagate(rhs, incoming);
            if (!element && !firstDefinition) {
                out.add(new Stmt.Assign(adj, AssignOp.SET, Build.ZERO, site.pos()));
            }
            restore(site, target, out);
            return;
        }
        restore(site, target, out);
        Var incoming = copy(adj, site, out);
        out.add(new Stmt.Assign(adj, AssignOp.SET, Build.ZERO, site.pos()));
        p.propagate(rhs, Build.ref(incoming));
    }

    private AdjointPropagator propagator(Stmt site, List<Stmt> out) {
        AdjointPropagator p = new AdjointPropagator(ctx.activity, scratch, ctx.adjoints::get, site.pos(), out);
        p.available(ctx.availableCalls().get(site));
        return p;
    }

    /** The backward sweep of an array-valued assignment: what flows back from the new array's adjoint. */
    private void backwardArrayValue(Expr value, Expr adjoint, Stmt site, List<Stmt> out) {
        if (value instanceof Expr.ArrayLiteral l) {
            for (int k = 0; k < l.elements().size(); k++) {
                Expr element = l.elements().get(k);
                Expr elementAdj = new Expr.ArrayAccess(adjoint, intLit(k),
                        new Type(l.type().base(), l.type().rank() - 1));
                if (element instanceof Expr.ArrayLiteral inner) {
                    backwardArrayValue(inner, elementAdj, site, out);
                } else if (element.type().rank() == 0) {
                    propagator(site, out).propagate(element, elementAdj);
                }
            }
        } else if (value instanceof Expr.Clone c && c.type().rank() == 1 && ctx.activity.isActive(c.array())) {
            out.add(new Stmt.ExprStmt(RuntimeMethod.ADD_INTO.call(
                    List.of(ctx.adjointArray(c.array()), adjoint), Type.VOID), site.pos()));
        }
    }

    /**
     * The backward sweep of a call: the arrays it wrote get their contents from before the call, the
     * callee's pullback runs with {@code seed} (null for a void callee) and accumulators for its
     * differentiated parameters, then the scalar adjoints it returns flow into the arguments.
     */
    private void backwardCall(Expr value, Expr seedValue, Var result, Stmt site, List<Stmt> out) {
        List<Expr> written = ArrayWrites.byCall(value);
        if (!ctx.needsPullback(value, result)) {
            popWritten(written, out, site);
            return;
        }
        Expr.Call c = (Expr.Call) value;
        popWritten(written, out, site);
        List<Var> cells = new ArrayList<>();
        List<Expr> cellArgs = new ArrayList<>();
        List<Expr> accumulators = new ArrayList<>();
        for (int k = 0; k < c.args().size(); k++) {
            if (!c.callee().wrt().get(k)) {
                continue;
            }
            Expr arg = c.args().get(k);
            if (arg.type().rank() == 0) {
                Var cell = new Var(scratch.fresh(Names.argumentCell(c.callee().name(), k)), Type.DOUBLE_ARRAY);
                out.add(new Stmt.Decl(cell, ctx.tapePop(RuntimeMethod.CELL, Type.DOUBLE_ARRAY), site.pos()));
                cells.add(cell);
                cellArgs.add(arg);
                accumulators.add(Build.ref(cell));
            } else if (ctx.activity.isActive(arg)) {
                accumulators.add(ctx.adjointArray(arg));
            } else {
                accumulators.add(RuntimeMethod.ZEROS_LIKE.call(List.of(arg), arg.type()));
            }
        }
        Expr seedArg = c.callee().isVoid() ? null : seedValue == null ? Build.ZERO : seedValue;
        out.add(new Stmt.ExprStmt(new Expr.Pullback(c.callee(), c.receiver(), c.args(), seedArg, accumulators),
                site.pos()));
        popWritten(written, out, site);
        AdjointPropagator p = propagator(site, out);
        for (int i = 0; i < cells.size(); i++) {
            p.propagate(cellArgs.get(i), new Expr.ArrayAccess(Build.ref(cells.get(i)), intLit(0), Type.DOUBLE));
        }
        if (!cells.isEmpty()) {
            out.add(new Stmt.ExprStmt(RuntimeMethod.RELEASE_CELLS.on(ctx.tape.name(),
                    List.of(intLit(cells.size())), Type.VOID), site.pos()));
        }
    }

    private void popWritten(List<Expr> written, List<Stmt> out, Stmt site) {
        for (int i = written.size() - 1; i >= 0; i--) {
            out.add(new Stmt.ExprStmt(RuntimeMethod.POP_ALL.on(ctx.tape.name(), List.of(written.get(i)),
                    Type.VOID), site.pos()));
        }
        if (!written.isEmpty()) {
        }
    }

    private void restore(Stmt site, Expr target, List<Stmt> out) {
        ReversePlan.Save save = plan.saves.get(site);
        if (save == null) {
            return;
        }
        Expr recomputed = plan.recomputedRestores.get(site);
        if (recomputed != null) {
            out.add(new Stmt.Assign(target, AssignOp.SET, recomputed, site.pos()));
            return;
        }
        if (plan.inverted.contains(site)) {
            Stmt.Assign step = (Stmt.Assign) site;
            out.add(new Stmt.Assign(target, step.op() == AssignOp.ADD ? AssignOp.SUB : AssignOp.ADD, step.value(),
                    site.pos()));
            return;
        }
        Expr adj = ctx.adjointOfArrayTarget(target);
        if (save.onTape()) {
            if (adj != null) {
                out.add(new Stmt.Assign(adj, AssignOp.SET, ctx.tapePop(RuntimeMethod.POP_REF, adj.type()), site.pos()));
            }
            out.add(new Stmt.Assign(target, AssignOp.SET, ctx.tapePop(ReverseContext.pop(target.type()),
                    target.type()), site.pos()));
        } else {
            if (save.adjSlot() != null) {
                out.add(new Stmt.Assign(adj, AssignOp.SET, Build.ref(save.adjSlot()), site.pos()));
            }
            out.add(new Stmt.Assign(target, AssignOp.SET, Build.ref(save.slot()), site.pos()));
        }
    }

    private static boolean readsArrayOf(Expr e, Type.Base base) {
        boolean[] found = {false};
        IrWalk.forEachExpr(e, x -> found[0] |= x instanceof Expr.ArrayAccess a && a.type().base() == base);
        return found[0];
    }

    private Var copy(Expr adj, Stmt at, List<Stmt> out) {
        String base = adj instanceof Expr.VarRef r ? r.var().name() : Names.element(IrWalk.rootVar(adj).name());
        Var copy = new Var(scratch.fresh(Names.incoming(base)), Type.DOUBLE);
        out.add(new Stmt.Decl(copy, adj, at.pos()));
        return copy;
    }

    /**
     * Folds {@code v = 0.0; v += e;} into {@code v = e;} where {@code e} does not read {@code v},
     * in every block: the adjoint of an overwritten variable restarts from its first contribution.
     */
    private static List<Stmt> fold(List<Stmt> stmts) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : stmts) {
            if (!(s instanceof Stmt.Block)) {
                s = IrWalk.withBlocks(s, BackwardSweep::fold);
            }
            Stmt last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last instanceof Stmt.Assign zero && zero.op() == AssignOp.SET && Build.isZero(zero.value())
                    && zero.target() instanceof Expr.VarRef v
                    && s instanceof Stmt.Assign add && add.op() == AssignOp.ADD && add.target().equals(v)
                    && !IrWalk.reads(add.value(), v.var())) {
                out.set(out.size() - 1, new Stmt.Assign(v, AssignOp.SET, add.value(), add.pos()));
                continue;
            }
            out.add(s);
        }
        return out;
    }
}
