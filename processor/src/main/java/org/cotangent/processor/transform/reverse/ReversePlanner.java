package org.cotangent.processor.transform.reverse;

import org.cotangent.processor.analysis.ArrayWrites;
import org.cotangent.processor.analysis.ToBeRecorded;
import org.cotangent.processor.ir.AssignOp;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.Var;
import org.cotangent.processor.naming.Names;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.cotangent.processor.transform.reverse.ReverseContext.bool;
import static org.cotangent.processor.transform.reverse.ReverseContext.intLit;
import static org.cotangent.processor.transform.reverse.ReverseContext.zero;

/**
 * Decides, for one method, what its reverse sweeps keep, recompute and replay ({@link ReversePlan}).
 * The backward sweep keeps one invariant: when it reaches a statement, every variable it reads
 * holds the value it had when the forward sweep ran that statement. What it takes to keep it:
 * <ul>
 *   <li>the old value of a variable or array element is saved before an overwrite only when the
 *       backward sweep reads that variable (or an array of that type) at all; outside loops into a
 *       local, inside loops onto the {@link org.cotangent.runtime.Tape};</li>
 *   <li>a branch is re-evaluated in the backward sweep when its condition reads nothing that is
 *       overwritten (or only int counters that are restored anyway); otherwise its outcome is kept;</li>
 *   <li>a counted loop runs backward by counting the other way; any other loop keeps its trip
 *       count (in a local, or on the tape when nested in a loop);</li>
 *   <li>straight-line code with single assignments keeps nothing at all.</li>
 * </ul>
 * What the backward sweep reads is learnt from a dry run of it ({@link BackwardSweep#dryRun}), then
 * the {@link ToBeRecorded} analysis keeps only the saves whose old value is read.
 */
final class ReversePlanner {
    private final ReverseContext ctx;
    private final ReversePlan plan = new ReversePlan();
    private BackwardSweep.Recording recording;
    /** Element writes whose old value no backward code reads (no save, no restore). */
    private Set<Stmt> unreadElements = ReverseContext.identitySet();

    private final Checkpointing checkpointing;
    /** The slots of saves outside loops, kept across the planner's passes so that their names stay. */
    private final Map<Stmt, ReversePlan.Save> slots = new IdentityHashMap<>();

    private final long checkpointMemory;

    private ReversePlanner(ReverseContext ctx, Checkpointing checkpointing, long checkpointMemory) {
        this.ctx = ctx;
        this.checkpointing = checkpointing;
        this.checkpointMemory = checkpointMemory;
    }

    /**
     * The plan of {@code ctx}'s method; {@code checkpointMemory} bounds, in bytes, the states kept by
     * each checkpointed loop at the top level (0: every iteration's state is kept, unbounded).
     */
    static ReversePlan plan(ReverseContext ctx, Checkpointing checkpointing, long checkpointMemory) {
        return new ReversePlanner(ctx, checkpointing, checkpointMemory).build();
    }

    private ReversePlan build() {
        for (Stmt s : ctx.body().stmts()) {
            classify(s, true, false);
        }
        planAdjoints();
        planBranchesAndLoops();
        planRecomputation();
        plan.replayed = ReplayedLoops.find(ctx.body());
        planFromDryRun();
        planSafeReplays();
        planCheckpoints();
        planSafeReplays();
        planKeptIterations();
        planSchedules();
        return plan;
    }

    /**
     * A checkpointed loop at the top level that counts up and keeps scalars and flat arrays gets a
     * schedule ({@link org.cotangent.runtime.Checkpoints}): its kept states stay within
     * {@link #checkpointMemory}, every iteration's when they fit, binomially chosen ones when not.
     */
    private void planSchedules() {
        if (checkpointMemory <= 0) {
            return;
        }
        plan.checkpointMemory = checkpointMemory;
        for (Map.Entry<Stmt, List<Var>> e : plan.snapshots.entrySet()) {
            Stmt.CountedLoop loop = (Stmt.CountedLoop) e.getKey();
            boolean flat = e.getValue().stream().allMatch(v -> v.type().rank() <= 1);
            boolean top = ctx.body().stmts().stream().anyMatch(x -> x == loop);
            if (top && loop.up() && flat && !e.getValue().isEmpty()) {
                Var schedule = new Var(ctx.names.fresh(loop.counter().name() + "_schedule"),
                        Type.named(org.cotangent.processor.naming.RuntimeClasses.CHECKPOINTS));
                plan.schedules.put(loop, schedule);
            }
        }
    }

    /**
     * A replayed loop whose forward run saves the old elements of an output ({@link ReversePlan#outerSaves})
     * must not push anything in its replay: the backward code of the output's write pops the old
     * element, which lies below what the replay pushed. Such a loop is taped instead (found by the
     * fuzzer: a work array overwritten within the iteration, in an outer loop that is not fused).
     */
    private void planSafeReplays() {
        List<Stmt> unsafe = new ArrayList<>();
        for (Stmt s : plan.replayed) {
            if (plan.snapshots.containsKey(s)) {
                continue;
            }
            boolean[] outer = {false};
            boolean[] pushes = {false};
            IrWalk.forEachStmt(((Stmt.CountedLoop) s).body(), x -> {
                outer[0] |= plan.saves.containsKey(x) && !plan.inverted.contains(x) && plan.outerSaves.contains(x);
                pushes[0] |= KeptIterations.pushesInReplay(x, plan);
            });
            if (outer[0] && pushes[0]) {
                unsafe.add(s);
            }
        }
        if (!unsafe.isEmpty()) {
            unsafe.forEach(plan.replayed::remove);
            planFromDryRun();
        }
    }

    /**
     * Store or recompute, per replayed loop: keep what each iteration leaves for its backward code
     * when that costs less than running the iteration again ({@link KeptIterations}).
     */
    private void planKeptIterations() {
        for (Stmt s : plan.replayed) {
            Stmt.CountedLoop loop = (Stmt.CountedLoop) s;
            List<Var> kept = KeptIterations.state(loop, plan, ctx.activity, this::backwardReads);
            boolean cheaper = kept != null && (checkpointing == Checkpointing.NEVER
                    || checkpointing == Checkpointing.AUTO && KeptIterations.keptCost(kept, ctx.body())
                            < KeptIterations.replayCost(loop, plan, ctx.body()));
            if (cheaper) {
                plan.kept.put(loop, kept);
            }
        }
    }

    /**
     * Store or recompute, per loop: the loops {@link CheckpointedLoops} can checkpoint are planned
     * both ways, and each keeps the cheaper (or, as the option says, always or never checkpointed).
     */
    private void planCheckpoints() {
        List<Stmt.CountedLoop> candidates = checkpointing == Checkpointing.NEVER ? List.of()
                : CheckpointedLoops.candidates(ctx.body(), plan, ctx.result(), ctx.fn.params());
        if (candidates.isEmpty()) {
            return;
        }
        Map<Stmt, Double> taped = new IdentityHashMap<>();
        candidates.forEach(c -> taped.put(c, CheckpointedLoops.tapedCost(c, plan)));
        checkpoint(candidates);
        planFromDryRun();
        if (checkpointing == Checkpointing.ALWAYS) {
            return;
        }
        List<Stmt.CountedLoop> cheaper = new ArrayList<>();
        for (Stmt.CountedLoop c : candidates) {
            if (CheckpointedLoops.checkpointedCost(c, plan, ctx.body()) < taped.get(c)) {
                cheaper.add(c);
            }
        }
        if (cheaper.size() < candidates.size()) {
            candidates.forEach(c -> {
                plan.replayed.remove(c);
                plan.snapshots.remove(c);
            });
            plan.recomputedRestores.clear();
            checkpoint(cheaper);
            planFromDryRun();
        }
    }

    private void checkpoint(List<Stmt.CountedLoop> loops) {
        for (Stmt.CountedLoop c : loops) {
            plan.replayed.add(c);
            plan.snapshots.put(c, CheckpointedLoops.carriedState(c, ctx.body()));
            plan.recomputedRestores.putAll(CheckpointedLoops.recomputedRestores(c));
        }
    }

    /**
     * Everything that follows from the dry run of the backward sweep: what it reads, the saves that
     * keeps needed, and the loops fused into the forward sweep. Runs again when loops are checkpointed.
     */
    private void planFromDryRun() {
        plan.saves.clear();
        plan.outerSaves.clear();
        plan.inverted.clear();
        plan.fused.clear();
        plan.tapedCalls.clear();
        plan.unreplayed.clear();
        plan.untapedCalls.clear();
        plan.entrySaves.clear();
        plan.knownReads = null;
        // the dry run, without any save, learns what the backward sweep reads (restores read only
        // their slots); then only what it reads is saved before an overwrite
        recording = new BackwardSweep.Recording();
        ReversePlan.Reads reads = ReversePlan.Reads.of(BackwardSweep.dryRun(ctx, plan, recording)
                .backward(ctx.body().stmts()), ctx.primal);
        reads.vars.remove(ctx.result());
        planTapedCalls();
        unreadElements = UnreadElements.of(ctx.body(), recording.siteReads, recording.extraReads);
        // an element write that will be saved is restored in the backward sweep, which reads its indices
        IrWalk.forEachStmt(ctx.body(), s -> {
            if (s instanceof Stmt.Assign a && a.target() instanceof Expr.ArrayAccess target
                    && !unreadElements.contains(s)
                    && (reads.elementBases.contains(target.type().base()) || target.type().rank() > 0)) {
                Set<Var> restoreReads = new HashSet<>(recording.siteReads.getOrDefault(s, Set.of()));
                restoreReads.addAll(ctx.primalVars(target));
                recording.siteReads.put(s, restoreReads);
            }
        });
        // a restore by recomputation reads what the value it computes again reads
        plan.recomputedRestores.forEach((site, value) -> {
            Set<Var> restoreReads = new HashSet<>(recording.siteReads.getOrDefault(site, Set.of()));
            restoreReads.addAll(ctx.primalVars(value));
            recording.siteReads.put(site, restoreReads);
        });
        Map<Stmt, Set<Var>> recomputeReads = new IdentityHashMap<>();
        plan.recomputedDecls.forEach((loop, decls) -> {
            Set<Var> read = new HashSet<>();
            decls.forEach(d -> read.addAll(ctx.primalVars(d.init())));
            recomputeReads.put(loop, read);
        });
        Set<Stmt> neededSaves = ToBeRecorded.of(ctx.body(), recording.siteReads, recording.extraReads,
                recomputeReads);
        plan.knownReads = reads;
        planSaves(reads, neededSaves);
        planIterationSaves(plan.replayed);
        planReplays();
        if (ctx.fn.returnType().isScalarDouble()) {
            planFusion();
            planIterationSaves(plan.fused.keySet());
        }
    }

    /** For each checkpointed loop: the statements its replay leaves out, and what it saves on entry. */
    private void planReplays() {
        for (Map.Entry<Stmt, List<Var>> e : plan.snapshots.entrySet()) {
            Stmt.CountedLoop loop = (Stmt.CountedLoop) e.getKey();
            Set<Stmt> left = CheckpointedLoops.unreplayed(loop, plan, this::backwardReads);
            plan.unreplayed.addAll(left);
            for (Stmt top : left) {
                IrWalk.forEachStmt(top, s -> {
                    plan.saves.remove(s);
                    List<Expr.MathCall> calls = plan.tapedCalls.remove(s);
                    if (calls != null) {
                        plan.untapedCalls.put(s, calls);
                    }
                });
            }
            plan.entrySaves.put(loop, CheckpointedLoops.entrySaves(loop, ctx.body(), this::backwardReads));
        }
    }

    private void classify(Stmt s, boolean topLevel, boolean loop) {
        if (loop) {
            plan.inLoop.add(s);
        }
        if (s instanceof Stmt.Decl d) {
            ctx.primal.add(d.var());
            if (!topLevel) {
                plan.nestedDecls.add(s);
                plan.hoisted.add(new Stmt.Decl(d.var(), zero(d.var().type()), null));
            }
        } else if (s instanceof Stmt.Block b) {
            b.stmts().forEach(x -> classify(x, false, loop));
        } else if (s instanceof Stmt.If f) {
            classify(f.then(), false, loop);
            classify(f.otherwise(), false, loop);
        } else if (s instanceof Stmt.While w) {
            classify(w.body(), false, true);
        } else if (s instanceof Stmt.CountedLoop c) {
            ctx.primal.add(c.counter());
            classify(c.body(), false, true);
        }
    }

    private void planAdjoints() {
        Var result = ctx.result();
        if (ctx.isVectorValued()) {
            if (ctx.activity.isActive(result)) {
                ctx.adjoints.put(result, new Var(ctx.names.fresh(Names.adjoint(result.name())), result.type()));
            }
        } else {
            ctx.adjoints.put(result, ctx.seed);
        }
        Set<Var> written = ArrayWrites.variables(ctx.body());
        for (Var p : ctx.fn.params()) {
            if (!ctx.activity.isActive(p)) {
                continue;
            }
            if (p.type().rank() == 0) {
                ctx.adjoints.put(p, new Var(ctx.names.fresh(Names.parameterAdjoint(p.name())), Type.DOUBLE));
            } else if (!ctx.accumulators.containsKey(p) || written.contains(p) && !ctx.isVoid()) {
                // a parameter the method writes into gets an adjoint of its own, added to the
                // accumulator at the end: its elements' adjoints restart at each overwrite
                ctx.separateParamAdjoints.add(p);
                ctx.adjoints.put(p, new Var(ctx.names.fresh(Names.parameterAdjoint(p.name())), p.type()));
            } else {
                ctx.adjoints.put(p, ctx.accumulators.get(p));
            }
        }
        IrWalk.forEachStmt(ctx.body(), s -> {
            if (s instanceof Stmt.Decl d && ctx.activity.isActive(d.var())) {
                Var adj = new Var(ctx.names.fresh(Names.adjoint(d.var().name())), d.var().type());
                ctx.adjoints.put(d.var(), adj);
                if (d.var().type().rank() > 0 && plan.nestedDecls.contains(s)) {
                    plan.hoisted.add(new Stmt.Decl(adj, zero(adj.type()), null));
                }
            }
        });
    }

    private Set<Var> overwrittenVars() {
        Set<Var> out = new HashSet<>();
        IrWalk.forEachStmt(ctx.body(), s -> {
            if (s instanceof Stmt.Assign a && a.target() instanceof Expr.VarRef r) {
                out.add(r.var());
            }
            if (s instanceof Stmt.Decl d && plan.inLoop.contains(s)) {
                out.add(d.var());
            }
        });
        return out;
    }

    private void planBranchesAndLoops() {
        Set<Var> overwritten = overwrittenVars();
        IrWalk.forEachStmt(ctx.body(), s -> {
            if (s instanceof Stmt.If f) {
                boolean[] unstable = {IrWalk.hasCall(f.condition())};
                IrWalk.forEachExpr(f.condition(), e -> unstable[0] |= e instanceof Expr.ArrayAccess);
                for (Var v : IrWalk.varsRead(f.condition())) {
                    boolean counter = v.type().equals(Type.INT) || v.type().equals(Type.LONG);
                    unstable[0] |= overwritten.contains(v) && !counter;
                }
                if (unstable[0]) {
                    if (plan.inLoop.contains(s)) {
                        plan.tapedBranches.add(s);
                    } else {
                        Var slot = new Var(ctx.names.fresh("branch"), Type.BOOLEAN);
                        plan.branchSlots.put(s, slot);
                        plan.hoisted.add(new Stmt.Decl(slot, bool(false), null));
                    }
                }
            } else if (s instanceof Stmt.While) {
                Var count = new Var(ctx.names.fresh("iterations"), Type.INT);
                plan.loopCounts.put(s, count);
                plan.hoisted.add(new Stmt.Decl(count, intLit(0), null));
            }
        });
    }

    /**
     * Straight-line code at the top of a loop body that only declares locals from values the body
     * never changes is recomputed at the start of each backward iteration instead of taped: for
     * {@code double a = 1 - x[i];} the backward sweep runs {@code a = 1 - x[i];} again.
     */
    private void planRecomputation() {
        IrWalk.forEachStmt(ctx.body(), s -> {
            Stmt.Block body = s instanceof Stmt.While w ? w.body() : s instanceof Stmt.CountedLoop c ? c.body() : null;
            if (body != null) {
                planRecomputation(s, body);
            }
        });
    }

    private void planRecomputation(Stmt loop, Stmt.Block body) {
        Set<Var> changed = new HashSet<>();
        Set<Type.Base> elementsWritten = new HashSet<>();
        IrWalk.forEachStmt(body, x -> {
            for (Expr own : IrWalk.ownExprs(x)) {
                for (Expr w : ArrayWrites.byCall(own)) {
                    elementsWritten.add(w.type().base());
                }
            }
            if (x instanceof Stmt.Assign a) {
                if (a.target() instanceof Expr.VarRef r) {
                    changed.add(r.var());
                } else {
                    elementsWritten.add(a.target().type().base());
                }
            } else if (x instanceof Stmt.Decl d) {
                changed.add(d.var());
            } else if (x instanceof Stmt.CountedLoop c) {
                changed.add(c.counter());
            }
        });
        List<Stmt.Decl> decls = new ArrayList<>();
        Set<Var> recomputable = new HashSet<>();
        for (Stmt x : body.stmts()) {
            if (!(x instanceof Stmt.Decl d) || d.init() == null || d.var().type().rank() > 0
                    || assignedElsewhere(body, d)) {
                continue;
            }
            boolean[] ok = {true};
            IrWalk.forEachExpr(d.init(), e -> {
                // a call reads the arrays it is passed, which the body may have written since (and
                // costs a whole evaluation): its value is taped, never recomputed
                if (e instanceof Expr.StaticCall || e instanceof Expr.Call || e instanceof Expr.ArrayAccess a
                        && elementsWritten.contains(a.type().base())) {
                    ok[0] = false;
                }
            });
            for (Var v : IrWalk.varsRead(d.init())) {
                ok[0] &= !changed.contains(v) || recomputable.contains(v);
            }
            if (ok[0]) {
                recomputable.add(d.var());
                decls.add(d);
                plan.recomputed.add(d);
            }
        }
        if (!decls.isEmpty()) {
            plan.recomputedDecls.put(loop, decls);
        }
    }

    private static boolean assignedElsewhere(Stmt.Block body, Stmt.Decl decl) {
        boolean[] found = {false};
        IrWalk.forEachStmt(body, x -> found[0] |= x != decl && IrWalk.definedVar(x) == decl.var());
        return found[0];
    }

    private void planSaves(ReversePlan.Reads reads, Set<Stmt> neededSaves) {
        IrWalk.forEachStmt(ctx.body(), s -> {
            Var var = null;
            if (s instanceof Stmt.Assign a) {
                if (!(a.target() instanceof Expr.VarRef r)) {
                    boolean activeRow = a.target().type().rank() > 0
                            && ctx.activity.isActive(IrWalk.rootVar(a.target()));
                    boolean unread = !activeRow && unreadElements.contains(s);
                    if (!unread && (activeRow || reads.elementBases.contains(a.target().type().base()))) {
                        save(s, a.target().type(), activeRow ? ctx.adjoints.get(IrWalk.rootVar(a.target())) : null);
                    }
                    return;
                }
                var = r.var();
            } else if (s instanceof Stmt.Decl d && plan.inLoop.contains(s) && d.init() != null
                    && !plan.recomputed.contains(s)) {
                var = d.var();
            }
            if (var == null || var == ctx.result()) {
                return;
            }
            boolean activeArray = var.type().rank() > 0 && ctx.activity.isActive(var);
            if (neededSaves.contains(s) || activeArray) {
                save(s, var.type(), activeArray ? ctx.adjoints.get(var) : null);
            }
        });
    }

    private void save(Stmt site, Type type, Var adjoint) {
        if (plan.inLoop.contains(site)) {
            plan.saves.put(site, new ReversePlan.Save(null, null));
            return;
        }
        if (slots.containsKey(site)) {
            plan.saves.put(site, slots.get(site));
            return;
        }
        String base = site instanceof Stmt.Assign a && a.target() instanceof Expr.ArrayAccess
                ? Names.element(IrWalk.rootVar(a.target()).name()) : IrWalk.definedVar(site).name();
        Var slot = new Var(ctx.names.fresh(Names.saved(base)), type);
        plan.hoisted.add(new Stmt.Decl(slot, zero(type), null));
        Var adjSlot = null;
        if (adjoint != null) {
            adjSlot = new Var(ctx.names.fresh(Names.saved(adjoint.name())), type);
            plan.hoisted.add(new Stmt.Decl(adjSlot, zero(type), null));
        }
        ReversePlan.Save save = new ReversePlan.Save(slot, adjSlot);
        slots.put(site, save);
        plan.saves.put(site, save);
    }

    /**
     * In a replayed loop each iteration's forward code runs again right before its backward code, and
     * in a fused loop each iteration's backward code follows its forward code at once: either way a
     * value needs saving only if the backward code of the same iteration reads the variable after
     * the write is undone: a statement before it (or in a loop with it, or itself) reads it. The
     * other saves of the loop's statements are dropped.
     */
    private void planIterationSaves(Iterable<Stmt> loops) {
        for (Stmt loop : loops) {
            List<Stmt> inBody = new ArrayList<>();
            IrWalk.forEachStmt(((Stmt.CountedLoop) loop).body(), inBody::add);
            for (Stmt site : inBody) {
                if (plan.saves.containsKey(site)) {
                    planIterationSave(loop, site, inBody);
                }
            }
        }
    }

    private void planIterationSave(Stmt loop, Stmt site, List<Stmt> inBody) {
        Var v = site instanceof Stmt.Decl d ? d.var() : IrWalk.rootVar(((Stmt.Assign) site).target());
        boolean needed = false;
        int at = indexOf(inBody, site);
        for (int k = 0; k < inBody.size() && !needed; k++) {
            Stmt t = inBody.get(k);
            needed = backwardReads(t).contains(v) && (k <= at || shareLoop(t, site, inBody));
        }
        if (needed) {
            if (invertible(site, v, inBody)) {
                plan.inverted.add(site);
            }
            return;
        }
        if (!plan.snapshots.containsKey(loop) && !declaredIn(v, loop) && site instanceof Stmt.Assign a && a.target() instanceof Expr.ArrayAccess
                && !ReplayedLoops.isWorkArrayOf(v, (Stmt.CountedLoop) loop, ctx.body())) {
            plan.outerSaves.add(site); // an output array: its old elements may matter outside the loop
        } else {
            plan.saves.remove(site);
        }
    }

    /**
     * A step {@code v += e} or {@code v -= e} of an integer local, with {@code e} unchanged by the
     * loop, where every other write of {@code v} in the loop is such a step or a plain assignment
     * before them all, outside any loop the step is in: the backward code finds {@code v} as the
     * step left it and can step back.
     */
    private boolean invertible(Stmt site, Var v, List<Stmt> inBody) {
        if (!(site instanceof Stmt.Assign a) || !(a.target() instanceof Expr.VarRef)
                || a.op() != AssignOp.ADD && a.op() != AssignOp.SUB
                || !(v.type().equals(Type.INT) || v.type().equals(Type.LONG))) {
            return false;
        }
        Set<Var> writtenInLoop = new HashSet<>();
        for (Stmt x : inBody) {
            Var w = IrWalk.definedVar(x);
            if (w != null) {
                writtenInLoop.add(w);
            }
            if (x instanceof Stmt.CountedLoop c) {
                writtenInLoop.add(c.counter());
            }
        }
        for (Var r : IrWalk.varsRead(a.value())) {
            if (writtenInLoop.contains(r)) {
                return false;
            }
        }
        boolean stepsSeen = false;
        for (Stmt x : inBody) {
            if (IrWalk.definedVar(x) != v) {
                continue;
            }
            boolean step = x instanceof Stmt.Assign y && y.target() instanceof Expr.VarRef
                    && (y.op() == AssignOp.ADD || y.op() == AssignOp.SUB);
            if (step) {
                stepsSeen = true;
            } else if (stepsSeen || shareLoop(x, site, inBody)) {
                // a plain assignment after a step, or one repeated between steps: nothing steps back to it
                return false;
            }
        }
        return true;
    }

    /**
     * What the backward code of {@code t} reads of the primal state, not counting the array it writes
     * into unless its value reads that array (its restore writes the array, it does not read it).
     */
    private Set<Var> backwardReads(Stmt t) {
        Set<Var> reads = new HashSet<>(recording.siteReads.getOrDefault(t, Set.of()));
        reads.addAll(recording.extraReads.getOrDefault(t, Set.of()));
        if (t instanceof Stmt.Assign a && a.target() instanceof Expr.ArrayAccess target) {
            Var root = IrWalk.rootVar(target);
            boolean readsOld = IrWalk.reads(a.value(), root) || IrWalk.reads(target.index(), root)
                    || a.op() != AssignOp.SET && a.op() != AssignOp.ADD && a.op() != AssignOp.SUB;
            if (!readsOld) {
                reads.remove(root);
            }
        }
        return reads;
    }

    private static boolean declaredIn(Var v, Stmt loop) {
        boolean[] found = {false};
        IrWalk.forEachStmt(loop, x -> found[0] |= x instanceof Stmt.Decl d && d.var().equals(v)
                || x instanceof Stmt.CountedLoop c && c != loop && c.counter().equals(v));
        return found[0];
    }

    private static int indexOf(List<Stmt> stmts, Stmt s) {
        for (int k = 0; k < stmts.size(); k++) {
            if (stmts.get(k) == s) {
                return k;
            }
        }
        return -1;
    }

    /** Whether a loop among {@code stmts} contains both {@code a} and {@code b}. */
    private static boolean shareLoop(Stmt a, Stmt b, List<Stmt> stmts) {
        for (Stmt s : stmts) {
            if (s instanceof Stmt.CountedLoop || s instanceof Stmt.While) {
                Set<Stmt> inside = ReverseContext.identitySet();
                IrWalk.forEachStmt(s, inside::add);
                if (s != a && s != b && inside.contains(a) && inside.contains(b)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The loops {@link FusedReductions} allows, except those where a sum's update is saved: the
     * backward sweep of code before the loop reads the sum's old value, which a fused loop does not
     * keep.
     */
    private void planFusion() {
        Set<Stmt> checkpointed = ReverseContext.identitySet();
        plan.snapshots.keySet().forEach(c -> IrWalk.forEachStmt(c, checkpointed::add));
        for (Map.Entry<Stmt, Map<Var, Expr>> e : FusedReductions.find(ctx.body(), ctx.result(), ctx.seed,
                ctx.activity).entrySet()) {
            if (checkpointed.contains(e.getKey())) {
                continue; // a checkpointed loop's iterations run again in the backward sweep
            }
            boolean[] saved = {false};
            IrWalk.forEachStmt(e.getKey(), s -> saved[0] |= plan.saves.containsKey(s) && s instanceof Stmt.Assign a
                    && a.target() instanceof Expr.VarRef r && e.getValue().containsKey(r.var()));
            if (!saved[0]) {
                plan.fused.put(e.getKey(), e.getValue());
            }
        }
    }

    /**
     * From the dry run: in each statement inside a loop whose value is plain arithmetic, the calls of
     * expensive Math functions whose results the backward sweep computed again; smaller (inner)
     * calls first, the order in which the forward sweep will compute them.
     */
    private void planTapedCalls() {
        for (Map.Entry<Stmt, AdjointPropagator> e : recording.propagators.entrySet()) {
            Stmt site = e.getKey();
            Expr value = site instanceof Stmt.Decl d ? d.init() : site instanceof Stmt.Assign a ? a.value() : null;
            if (!plan.inLoop.contains(site) || value == null || !plainArithmetic(value)) {
                continue;
            }
            List<Expr.MathCall> calls = new ArrayList<>();
            for (Expr.MathCall m : e.getValue().recomputedCalls()) {
                if (m.fn().isExpensive() && !calls.contains(m) && contains(value, m)) {
                    calls.add(m);
                }
            }
            calls.sort(Comparator.comparingInt(ReversePlanner::size));
            if (!calls.isEmpty()) {
                plan.tapedCalls.put(site, calls);
            }
        }
    }

    private static boolean plainArithmetic(Expr e) {
        boolean[] ok = {true};
        IrWalk.forEachExpr(e, x -> ok[0] &= !(x instanceof Expr.Conditional || x instanceof Expr.Call
                || x instanceof Expr.StaticCall));
        return ok[0];
    }

    private static boolean contains(Expr e, Expr part) {
        boolean[] found = {false};
        IrWalk.forEachExpr(e, x -> found[0] |= x.equals(part));
        return found[0];
    }

    private static int size(Expr e) {
        int[] n = {0};
        IrWalk.forEachExpr(e, x -> n[0]++);
        return n[0];
    }
}
