package org.cotangent.processor.transform.reverse;

import org.cotangent.processor.analysis.ArrayWrites;
import org.cotangent.processor.ir.AssignOp;
import org.cotangent.processor.ir.Build;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.IrMap;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.Var;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Store or recompute, per loop. A loop is <em>taped</em> when the forward sweep pushes what each
 * iteration overwrites and the backward sweep pops it; it is <em>checkpointed</em> when the forward
 * sweep pushes only the iteration's loop-carried state at its start (its snapshot), and each
 * backward iteration pops that state, runs the iteration's forward code again (the replay), then
 * its backward code. Within a checkpointed iteration three more choices are made per value:
 * <ul>
 *   <li>a statement whose result nothing later in the iteration reads, forward or backward, is
 *       left out of the replay (an integrator's final {@code y[i] += ...} update);</li>
 *   <li>an overwrite whose old value is the value of the previous write, computed from values that
 *       did not change since, restores that value by computing it again instead of from the tape
 *       (a stage array {@code tmp} refilled from {@code y} and the last stage);</li>
 *   <li>everything else the iteration's backward code needs is taped within the iteration, and
 *       popped before the next backward iteration, so the tape holds one iteration's worth.</li>
 * </ul>
 *
 * <p>The choice is a cost model, not a pattern: the cost of one iteration under each strategy is
 * estimated from the loop's plan, in units of one arithmetic operation, and the cheaper one wins
 * ({@link Checkpointing#AUTO}). A word pushed and popped costs {@value #TAPE_WORD}, twice that in a
 * loop inside the iteration (measured on the RK4 subjects: the stores and loads themselves, the
 * array values the JIT can no longer keep in registers around them, and the inner loops it no
 * longer unrolls), an operation 1, a cheap Math call {@value #CHEAP_CALL}, an expensive one ({@code exp},
 * {@code tanh}, ...) {@value #EXPENSIVE_CALL}; an array of unknown length or a loop of unknown trip
 * count counts {@value #UNKNOWN_TRIPS} elements or iterations.
 *
 * <p>A loop can be checkpointed when it is a counted loop that is neither replayed by
 * {@link ReplayedLoops} nor fused by {@link FusedReductions} (and holds no such loop), has no other
 * kind of loop inside, allocates no array, calls nothing that could write an array, and writes
 * only scalars and elements of {@code double[]}, {@code int[]} or {@code double[][]} variables.
 */
final class CheckpointedLoops {
    static final double TAPE_WORD = 5;
    static final double INNER_LOOP_TAPE_FACTOR = 2;
    static final double CHEAP_CALL = 2;
    static final double EXPENSIVE_CALL = 20;
    static final double OTHER_CALL = 10;
    static final int UNKNOWN_TRIPS = 8;

    private CheckpointedLoops() {
    }

    /** The loops that can be checkpointed, outermost first; a loop inside one of them is not listed. */
    static List<Stmt.CountedLoop> candidates(Stmt.Block method, ReversePlan plan, Var result, List<Var> params) {
        List<Stmt.CountedLoop> out = new ArrayList<>();
        collect(method, plan, out);
        out.removeIf(loop -> !arraysUnaliased(loop, method, result) || mayAliasParameters(loop, params));
        return out;
    }

    /** Whether the loop writes an array parameter and mentions another of the same type: the caller may pass one array twice. */
    private static boolean mayAliasParameters(Stmt.CountedLoop loop, List<Var> params) {
        List<Var> written = writtenOutside(loop);
        for (Var w : written) {
            if (w.type().rank() == 0 || !params.contains(w)) {
                continue;
            }
            for (Var p : params) {
                if (p != w && p.type().base() == w.type().base() && p.type().rank() > 0
                        && FusedReductions.mentions(loop, p)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether each array the loop mentions is reached through one variable only: it is not assigned
     * from another variable (or a row), and it is used as a whole only to index it, take its length,
     * clone it, pass it to a call or return it. Snapshots and replays work per variable.
     */
    private static boolean arraysUnaliased(Stmt.CountedLoop loop, Stmt.Block method, Var result) {
        Set<Var> arrays = new HashSet<>();
        IrWalk.forEachStmt(loop, s -> IrWalk.ownExprs(s).forEach(e -> IrWalk.forEachExpr(e, x -> {
            if (x instanceof Expr.VarRef r && r.type().rank() > 0) {
                arrays.add(r.var());
            }
        })));
        boolean[] ok = {true};
        IrWalk.forEachStmt(method, s -> {
            if (s instanceof Stmt.Decl d && arrays.contains(d.var()) && d.init() != null) {
                ok[0] &= d.init() instanceof Expr.NewArray || d.init() instanceof Expr.ArrayLiteral
                        || d.init() instanceof Expr.Clone || d.init() instanceof Expr.StaticCall;
            }
            if (s instanceof Stmt.Assign a && a.target() instanceof Expr.VarRef r && arrays.contains(r.var())) {
                ok[0] = false;
            }
            boolean intoResult = result != null && result.equals(IrWalk.wholeTarget(s));
            for (Expr own : IrWalk.ownExprs(s)) {
                boolean whole = !(s instanceof Stmt.Assign a && own == a.target()) && !intoResult;
                ok[0] &= !wholeUse(own, arrays, whole);
            }
        });
        return ok[0];
    }

    /** Whether {@code e} uses one of {@code arrays} (or a row of one) as a whole value ({@code whole}: e itself counts). */
    private static boolean wholeUse(Expr e, Set<Var> arrays, boolean whole) {
        if (whole && e.type().rank() > 0 && (e instanceof Expr.VarRef || e instanceof Expr.ArrayAccess)
                && arrays.contains(IrWalk.rootVar(e))) {
            return true;
        }
        boolean passThrough = e instanceof Expr.ArrayAccess || e instanceof Expr.Length || e instanceof Expr.Clone
                || e instanceof Expr.Call || e instanceof Expr.StaticCall || e instanceof Expr.MathCall
                || e instanceof Expr.Pullback;
        for (Expr child : IrWalk.children(e)) {
            boolean childWhole = !passThrough || e instanceof Expr.ArrayAccess a && child != a.array();
            if (wholeUse(child, arrays, childWhole)) {
                return true;
            }
        }
        return false;
    }

    private static void collect(Stmt s, ReversePlan plan, List<Stmt.CountedLoop> out) {
        if (plan.replayed.contains(s) || plan.fused.containsKey(s)) {
            return; // its iterations already run their backward code right after their forward code
        }
        if (s instanceof Stmt.CountedLoop c && eligible(c, plan)) {
            out.add(c);
            return;
        }
        if (s instanceof Stmt.Block b) {
            b.stmts().forEach(x -> collect(x, plan, out));
        } else if (s instanceof Stmt.If f) {
            collect(f.then(), plan, out);
            collect(f.otherwise(), plan, out);
        } else if (s instanceof Stmt.While w) {
            collect(w.body(), plan, out);
        } else if (s instanceof Stmt.CountedLoop c) {
            collect(c.body(), plan, out);
        }
    }

    private static boolean eligible(Stmt.CountedLoop loop, ReversePlan plan) {
        if (plan.replayed.contains(loop) || plan.fused.containsKey(loop)) {
            return false;
        }
        boolean[] ok = {true};
        IrWalk.forEachStmt(loop.body(), s -> {
            if (s instanceof Stmt.While || s instanceof Stmt.DoWhile || s instanceof Stmt.For
                    || s instanceof Stmt.ForEach || plan.replayed.contains(s) || plan.fused.containsKey(s)
                    || s instanceof Stmt.Decl d && d.var().type().rank() > 0) {
                ok[0] = false;
            } else if (s instanceof Stmt.Assign a) {
                ok[0] &= writable(a.target()) && !loop.counter().equals(IrWalk.rootVar(a.target()));
            }
            for (Expr own : IrWalk.ownExprs(s)) {
                ok[0] &= ArrayWrites.byCall(own).isEmpty();
                IrWalk.forEachExpr(own, e -> ok[0] &= !(e instanceof Expr.Call || e instanceof Expr.Pullback));
            }
        });
        return ok[0];
    }

    /** A scalar variable, or an element of a {@code double[]}, {@code int[]} or {@code double[][]} variable. */
    private static boolean writable(Expr target) {
        if (target instanceof Expr.VarRef r) {
            return r.type().rank() == 0;
        }
        if (!(target instanceof Expr.ArrayAccess t) || t.type().rank() != 0) {
            return false;
        }
        Type.Base base = t.type().base();
        if (t.array() instanceof Expr.VarRef) {
            return base == Type.Base.DOUBLE || base == Type.Base.INT;
        }
        return base == Type.Base.DOUBLE && t.array() instanceof Expr.ArrayAccess row && row.array() instanceof Expr.VarRef;
    }

    /** The variables declared outside {@code loop} that its body writes, in the order it first writes them. */
    static List<Var> writtenOutside(Stmt.CountedLoop loop) {
        Set<Var> declared = IrWalk.declaredIn(loop.body());
        Set<Var> out = new LinkedHashSet<>();
        IrWalk.forEachStmt(loop.body(), s -> {
            Var v = s instanceof Stmt.Assign a ? IrWalk.rootVar(a.target()) : null;
            if (v != null && !declared.contains(v)) {
                out.add(v);
            }
        });
        return new ArrayList<>(out);
    }

    /**
     * The loop-carried state: each variable the body writes whose value at an iteration's start the
     * iteration may read. A variable is not carried when every iteration overwrites it before reading
     * it: a scalar set first by a plain assignment; an array filled in full before it is read, or
     * whose writes all come before its reads and write the same elements in every iteration.
     */
    static List<Var> carriedState(Stmt.CountedLoop loop, Stmt.Block method) {
        List<Stmt> flat = flatten(loop.body());
        Set<Var> changed = definedIn(loop.body());
        changed.add(loop.counter());
        List<Var> out = new ArrayList<>();
        for (Var v : writtenOutside(loop)) {
            if (!killed(v, flat, changed, method)) {
                out.add(v);
            }
        }
        return out;
    }

    private static boolean killed(Var v, List<Stmt> flat, Set<Var> changed, Stmt.Block method) {
        if (v.type().rank() == 0) {
            for (Stmt s : flat) {
                if (FusedReductions.mentions(s, v)) {
                    return s instanceof Stmt.Assign a && a.op() == AssignOp.SET && a.target() instanceof Expr.VarRef
                            && !IrWalk.reads(a.value(), v);
                }
            }
            return true;
        }
        if (v.type().rank() != 1) {
            return false;
        }
        Expr allocated = allocationLength(v, method);
        if (allocated != null && FusedReductions.filledBeforeRead(v, allocated, flat)
                || FusedReductions.filledBeforeRead(v, new Expr.Length(Build.ref(v)), flat)) {
            return true;
        }
        if (atCounterOnly(v, flat, changed)) {
            return true;
        }
        int lastWrite = -1;
        int firstRead = Integer.MAX_VALUE;
        for (int k = 0; k < flat.size(); k++) {
            Stmt s = flat.get(k);
            boolean writes = writes(s, v);
            boolean reads = readsBesidesWrites(s, v);
            if (writes && (reads || !sameElementsEachTime(s, v, changed))) {
                return false;
            }
            if (writes) {
                lastWrite = k;
            }
            if (reads) {
                firstRead = Math.min(firstRead, k);
            }
        }
        return lastWrite < firstRead;
    }

    /**
     * Each iteration writes {@code v[counter] = e} once, at the top level, and reads only that element
     * after writing it: no iteration reads what another wrote. ({@code changed} holds the counter.)
     */
    private static boolean atCounterOnly(Var v, List<Stmt> flat, Set<Var> changed) {
        Var counter = null;
        boolean written = false;
        for (Stmt s : flat) {
            if (!FusedReductions.mentions(s, v)) {
                continue;
            }
            if (!written && s instanceof Stmt.Assign a && a.op() == AssignOp.SET && a.target() instanceof Expr.ArrayAccess t
                    && t.array() instanceof Expr.VarRef && t.index() instanceof Expr.VarRef i && !IrWalk.reads(a.value(), v)) {
                counter = i.var();
                written = true;
                continue;
            }
            if (!written || writes(s, v) || !readsOnlyAt(s, v, counter)) {
                return false;
            }
        }
        return written && changed.contains(counter) && isLoopCounter(counter, flat);
    }

    private static boolean isLoopCounter(Var counter, List<Stmt> flat) {
        // the counter of the checkpointed loop itself: nothing in its body defines it
        for (Stmt s : flat) {
            boolean[] defines = {false};
            IrWalk.forEachStmt(s, x -> defines[0] |= IrWalk.definedVar(x) == counter
                    || x instanceof Stmt.CountedLoop c && c.counter().equals(counter));
            if (defines[0]) {
                return false;
            }
        }
        return true;
    }

    private static boolean readsOnlyAt(Stmt s, Var v, Var counter) {
        boolean[] ok = {true};
        IrWalk.forEachStmt(s, x -> IrWalk.ownExprs(x).forEach(e -> IrWalk.forEachExpr(e, y -> {
            if (y instanceof Expr.VarRef r && r.var().equals(v)) {
                ok[0] = false;
            }
        })));
        if (ok[0]) {
            return true;
        }
        // every mention of v is v[counter]
        int[] mentions = {0};
        int[] atCounter = {0};
        IrWalk.forEachStmt(s, x -> IrWalk.ownExprs(x).forEach(e -> IrWalk.forEachExpr(e, y -> {
            if (y instanceof Expr.VarRef r && r.var().equals(v)) {
                mentions[0]++;
            }
            if (y instanceof Expr.ArrayAccess a && a.array() instanceof Expr.VarRef r && r.var().equals(v)
                    && a.index() instanceof Expr.VarRef i && i.var().equals(counter)) {
                atCounter[0]++;
            }
        })));
        return mentions[0] == atCounter[0];
    }

    /**
     * Whether {@code e}'s value may depend on what the loop changes: a changed scalar, or an element
     * of a changed array. An array's length does not change: the loop writes no array variable whole.
     */
    private static boolean dependsOn(Expr e, Set<Var> changed) {
        boolean[] found = {false};
        IrWalk.forEachExpr(e, x -> found[0] |= x instanceof Expr.VarRef r && r.type().rank() == 0
                && changed.contains(r.var())
                || x instanceof Expr.ArrayAccess a && changed.contains(IrWalk.rootVar(a)));
        return found[0];
    }

    private static boolean writes(Stmt s, Var v) {
        boolean[] found = {false};
        IrWalk.forEachStmt(s, x -> found[0] |= x instanceof Stmt.Assign a && v.equals(IrWalk.rootVar(a.target())));
        return found[0];
    }

    private static boolean readsBesidesWrites(Stmt s, Var v) {
        boolean[] found = {false};
        IrWalk.forEachStmt(s, x -> {
            if (x instanceof Stmt.Assign a && a.target() instanceof Expr.ArrayAccess t) {
                found[0] |= IrWalk.reads(a.value(), v) || a.op() != AssignOp.SET && v.equals(IrWalk.rootVar(t))
                        || readsIndices(t, v);
            } else {
                for (Expr own : IrWalk.ownExprs(x)) {
                    found[0] |= IrWalk.reads(own, v);
                }
            }
        });
        return found[0];
    }

    private static boolean readsIndices(Expr.ArrayAccess t, Var v) {
        return IrWalk.reads(t.index(), v) || t.array() instanceof Expr.ArrayAccess row && readsIndices(row, v);
    }

    /**
     * A write of the same elements of {@code v} in every iteration: {@code v[e] = x} with {@code e}
     * unchanged by the loop, or a loop over unchanged bounds whose body writes {@code v} only so,
     * at indices of unchanged values and its counter.
     */
    private static boolean sameElementsEachTime(Stmt s, Var v, Set<Var> changed) {
        if (s instanceof Stmt.Assign a) {
            return a.op() == AssignOp.SET && a.target() instanceof Expr.ArrayAccess t && t.array() instanceof Expr.VarRef
                    && !dependsOn(t.index(), changed);
        }
        if (!(s instanceof Stmt.CountedLoop c) || dependsOn(c.from(), changed) || dependsOn(c.to(), changed)) {
            return false;
        }
        Set<Var> changedElsewhere = new HashSet<>(changed);
        changedElsewhere.remove(c.counter());
        for (Stmt x : flatten(c.body())) {
            if (FusedReductions.mentions(x, v) && writes(x, v) && !(x instanceof Stmt.Assign a && a.op() == AssignOp.SET
                    && a.target() instanceof Expr.ArrayAccess t && t.array() instanceof Expr.VarRef
                    && !dependsOn(t.index(), changedElsewhere))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Restores by recomputation in {@code loop}'s body: for a top-level write that overwrites the
     * value of the write before it, the site and the expression that computes that value again.
     * Both writes are {@code v = e} (one variable, or one element at an unchanged index), or both are
     * loops over the same bounds whose bodies are {@code v[counter] = e}; the earlier value is plain
     * arithmetic, and nothing between the two writes changes what it reads.
     */
    static Map<Stmt, Expr> recomputedRestores(Stmt.CountedLoop loop) {
        List<Stmt> flat = flatten(loop.body());
        Set<Var> changed = definedIn(loop.body());
        changed.add(loop.counter());
        Map<Stmt, Expr> out = new IdentityHashMap<>();
        for (int j = 0; j < flat.size(); j++) {
            Fill later = Fill.of(flat.get(j), changed);
            if (later == null) {
                continue;
            }
            int i = j - 1;
            while (i >= 0 && !writes(flat.get(i), later.var()) && IrWalk.definedVar(flat.get(i)) != later.var()) {
                i--;
            }
            Fill earlier = i < 0 ? null : Fill.of(flat.get(i), changed);
            if (earlier == null || !earlier.sameShape(later) || !cheap(earlier.value())) {
                continue;
            }
            Set<Var> reads = IrWalk.varsRead(earlier.value());
            boolean unchanged = true;
            for (Stmt between : flat.subList(i + 1, j)) {
                unchanged &= disjoint(definedIn(between), reads);
            }
            if (unchanged) {
                out.put(later.site(), earlier.valueAt(later));
            }
        }
        return out;
    }

    /** A top-level write {@code v = e} or {@code for (c ...) v[c] = e;}: its site, target and value. */
    private record Fill(Stmt site, Stmt.CountedLoop loop, Expr target, Expr value) {
        static Fill of(Stmt s, Set<Var> changed) {
            if (s instanceof Stmt.Assign a && a.op() == AssignOp.SET && !reads(a.value(), a.target())
                    && (a.target() instanceof Expr.VarRef || a.target() instanceof Expr.ArrayAccess t
                            && t.array() instanceof Expr.VarRef && disjoint(IrWalk.varsRead(t.index()), changed))) {
                return new Fill(s, null, a.target(), a.value());
            }
            if (s instanceof Stmt.Decl d && d.init() != null && d.var().type().rank() == 0
                    && !IrWalk.reads(d.init(), d.var())) {
                return new Fill(s, null, Build.ref(d.var()), d.init());
            }
            if (s instanceof Stmt.CountedLoop c && c.body().stmts().size() == 1
                    && c.body().stmts().get(0) instanceof Stmt.Assign a && a.op() == AssignOp.SET
                    && a.target() instanceof Expr.ArrayAccess t && t.array() instanceof Expr.VarRef
                    && t.index() instanceof Expr.VarRef i && i.var().equals(c.counter())
                    && !reads(a.value(), a.target())) {
                return new Fill(a, c, a.target(), a.value());
            }
            return null;
        }

        private static boolean reads(Expr value, Expr target) {
            return IrWalk.reads(value, IrWalk.rootVar(target));
        }

        Var var() {
            return IrWalk.rootVar(target);
        }

        boolean sameShape(Fill later) {
            if (loop == null || later.loop == null) {
                return loop == null && later.loop == null && target.equals(later.target)
                        && target.type().equals(later.target.type());
            }
            return var().equals(later.var()) && loop.from().equals(later.loop.from())
                    && loop.to().equals(later.loop.to()) && loop.up() == later.loop.up();
        }

        /** This value, at the iteration of {@code later}'s loop (its counter in place of this loop's). */
        Expr valueAt(Fill later) {
            if (loop == null) {
                return value;
            }
            Var mine = loop.counter();
            Var theirs = later.loop.counter();
            return new IrMap(v -> v.equals(mine) ? theirs : v, p -> p).expr(value);
        }
    }

    private static boolean cheap(Expr e) {
        boolean[] ok = {true};
        IrWalk.forEachExpr(e, x -> ok[0] &= !(x instanceof Expr.StaticCall || x instanceof Expr.Call
                || x instanceof Expr.MathCall m && m.fn().isExpensive()));
        return ok[0];
    }

    /**
     * The top-level statements of a checkpointed loop's body that its replay leaves out: nothing
     * later in the iteration reads what they write, in its forward code or its backward code, and
     * their own backward code does not read it either. {@code backwardReads} gives what a
     * statement's backward code reads.
     */
    static Set<Stmt> unreplayed(Stmt.CountedLoop loop, ReversePlan plan, Function<Stmt, Set<Var>> backwardReads) {
        List<Stmt> flat = flatten(loop.body());
        Set<Stmt> out = ReverseContext.identitySet();
        Set<Var> readLater = new HashSet<>();
        for (int k = flat.size() - 1; k >= 0; k--) {
            Stmt x = flat.get(k);
            Set<Var> ownBackward = new HashSet<>();
            boolean[] blocked = {false};
            IrWalk.forEachStmt(x, t -> {
                ownBackward.addAll(backwardReads.apply(t));
                blocked[0] |= plan.tapedBranches.contains(t);
            });
            Set<Var> written = definedIn(x);
            IrWalk.forEachStmt(x, t -> {
                if (t instanceof Stmt.CountedLoop c) {
                    written.remove(c.counter()); // each backward loop counts for itself
                }
            });
            if (!blocked[0] && disjoint(written, readLater) && disjoint(written, ownBackward)) {
                out.add(x);
            } else {
                IrWalk.forEachStmt(x, t -> IrWalk.ownExprs(t).forEach(e -> readLater.addAll(IrWalk.varsRead(e))));
            }
            readLater.addAll(ownBackward);
        }
        return out;
    }

    /**
     * The variables {@code loop} writes whose values before the loop the backward code outside it
     * reads: saved once before the loop and put back after its backward sweep (the iterations'
     * replays leave them as the last replay did). For a loop at the top level, only the code before
     * it counts: the backward code after it runs before the loop's.
     */
    static List<Var> entrySaves(Stmt.CountedLoop loop, Stmt.Block method, Function<Stmt, Set<Var>> backwardReads) {
        Set<Stmt> inside = ReverseContext.identitySet();
        IrWalk.forEachStmt(loop, inside::add);
        List<Stmt> outside = new ArrayList<>();
        int top = -1;
        for (int k = 0; k < method.stmts().size(); k++) {
            top = method.stmts().get(k) == loop ? k : top;
        }
        List<Stmt> scope = top >= 0 ? method.stmts().subList(0, top) : List.of(method);
        scope.forEach(s -> IrWalk.forEachStmt(s, x -> {
            if (!inside.contains(x)) {
                outside.add(x);
            }
        }));
        Set<Var> reads = new HashSet<>();
        outside.forEach(s -> reads.addAll(backwardReads.apply(s)));
        List<Var> out = new ArrayList<>();
        for (Var v : writtenOutside(loop)) {
            if (reads.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }

    /** The estimated cost of one iteration of {@code loop} as the plan tapes it. */
    static double tapedCost(Stmt.CountedLoop loop, ReversePlan plan) {
        double[] cost = {0};
        walk(loop.body(), 1, (s, w) -> cost[0] += w * tapeWord(w) * tapeWords(s, plan));
        return cost[0];
    }

    /** The cost of a word taped at a statement that runs {@code weight} times an iteration. */
    private static double tapeWord(double weight) {
        return weight > 1 ? TAPE_WORD * INNER_LOOP_TAPE_FACTOR : TAPE_WORD;
    }

    /** The estimated cost of one iteration of {@code loop} as the plan checkpoints it. */
    static double checkpointedCost(Stmt.CountedLoop loop, ReversePlan plan, Stmt.Block method) {
        double[] cost = {0};
        for (Var v : plan.snapshots.getOrDefault(loop, List.of())) {
            cost[0] += TAPE_WORD * words(v, method);
        }
        for (Stmt top : flatten(loop.body())) {
            if (plan.unreplayed.contains(top)) {
                // not run again, but its backward code computes the calls it would have popped
                walk(top, 1, (s, w) -> plan.untapedCalls.getOrDefault(s, List.of())
                        .forEach(m -> cost[0] += w * operations(m)));
                continue;
            }
            walk(top, 1, (s, w) -> {
                cost[0] += w * tapeWord(w) * tapeWords(s, plan);
                if (!(s instanceof Stmt.Block)) {
                    IrWalk.ownExprs(s).forEach(e -> cost[0] += w * operations(e));
                }
                Expr recomputed = plan.recomputedRestores.get(s);
                if (recomputed != null) {
                    cost[0] += w * operations(recomputed);
                }
            });
        }
        return cost[0];
    }

    private static double tapeWords(Stmt s, ReversePlan plan) {
        double words = 0;
        ReversePlan.Save save = plan.saves.get(s);
        if (save != null && save.onTape() && !plan.inverted.contains(s) && !plan.recomputedRestores.containsKey(s)) {
            words++;
        }
        words += plan.tapedCalls.getOrDefault(s, List.of()).size();
        return words + (plan.tapedBranches.contains(s) ? 0.25 : 0);
    }

    /** Visits {@code s} and its nested statements with how often each runs per run of {@code s}. */
    private static void walk(Stmt s, double weight, BiConsumer<Stmt, Double> visit) {
        visit.accept(s, weight);
        if (s instanceof Stmt.Block b) {
            b.stmts().forEach(x -> walk(x, weight, visit));
        } else if (s instanceof Stmt.If f) {
            walk(f.then(), weight, visit);
            walk(f.otherwise(), weight, visit);
        } else if (s instanceof Stmt.CountedLoop c) {
            walk(c.body(), weight * trips(c), visit);
        }
    }

    private static double trips(Stmt.CountedLoop c) {
        if (c.from() instanceof Expr.Literal from && c.to() instanceof Expr.Literal to) {
            try {
                return Math.abs(Integer.parseInt(to.text()) - Integer.parseInt(from.text()));
            } catch (NumberFormatException e) {
                return UNKNOWN_TRIPS;
            }
        }
        return UNKNOWN_TRIPS;
    }

    private static double operations(Expr e) {
        double[] ops = {0};
        IrWalk.forEachExpr(e, x -> {
            if (x instanceof Expr.Binary || x instanceof Expr.Unary || x instanceof Expr.Conditional) {
                ops[0]++;
            } else if (x instanceof Expr.ArrayAccess) {
                ops[0] += 0.5;
            } else if (x instanceof Expr.MathCall m) {
                ops[0] += m.fn().isExpensive() ? EXPENSIVE_CALL : CHEAP_CALL;
            } else if (x instanceof Expr.StaticCall) {
                ops[0] += OTHER_CALL;
            }
        });
        return ops[0];
    }

    /** How many words a snapshot of {@code v} holds: its length where the method allocates it with a constant one. */
    static double words(Var v, Stmt.Block method) {
        if (v.type().rank() == 0) {
            return 1;
        }
        if (v.type().rank() > 1) {
            return UNKNOWN_TRIPS * UNKNOWN_TRIPS;
        }
        Expr length = allocationLength(v, method);
        if (length instanceof Expr.Literal l) {
            try {
                return Integer.parseInt(l.text());
            } catch (NumberFormatException e) {
                return UNKNOWN_TRIPS;
            }
        }
        return UNKNOWN_TRIPS;
    }

    /** The length a top-level declaration allocates {@code v} with ({@code new double[n]}, or a literal's count), or null. */
    private static Expr allocationLength(Var v, Stmt.Block method) {
        for (Stmt s : method.stmts()) {
            if (s instanceof Stmt.Decl d && d.var().equals(v)) {
                if (d.init() instanceof Expr.NewArray n && n.dimensions().size() == 1) {
                    return n.dimensions().get(0);
                }
                if (d.init() instanceof Expr.ArrayLiteral l) {
                    return ReverseContext.intLit(l.elements().size());
                }
                return null;
            }
        }
        return null;
    }

    private static List<Stmt> flatten(Stmt.Block b) {
        return IrWalk.flatten(b.stmts());
    }

    /** The variables statements in {@code s} assign or declare (for element writes, the array), and its loops' counters. */
    private static Set<Var> definedIn(Stmt s) {
        Set<Var> out = new HashSet<>();
        IrWalk.forEachStmt(s, x -> {
            Var v = IrWalk.definedVar(x);
            if (v != null) {
                out.add(v);
            }
            if (x instanceof Stmt.CountedLoop c) {
                out.add(c.counter());
            }
        });
        return out;
    }

    private static boolean disjoint(Set<Var> a, Set<Var> b) {
        for (Var v : a) {
            if (b.contains(v)) {
                return false;
            }
        }
        return true;
    }
}
