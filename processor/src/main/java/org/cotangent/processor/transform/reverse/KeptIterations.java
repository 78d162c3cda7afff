package org.cotangent.processor.transform.reverse;

import org.cotangent.processor.analysis.Activity;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.Var;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Store instead of replay, for the loops {@link ReplayedLoops} finds. When an iteration's backward
 * code needs nothing the iteration overwrites within itself (its replay would save nothing), that
 * code reads each value as the iteration left it. The forward sweep can then push, at the end of
 * each iteration, what the backward code reads of what the iteration wrote (its work arrays, its
 * locals), and the backward sweep pops it where it would have run the iteration again: GMM's
 * per-component {@code x - mu} and {@code Q (x - mu)}, kept as the hand-written adjoint keeps them.
 *
 * <p>The choice is the cost model's ({@link CheckpointedLoops}): the words kept, at
 * {@value CheckpointedLoops#TAPE_WORD} each, against the replay's operations. The option
 * {@code -Acotangent.checkpoint} forces it: {@code always} replays, {@code never} keeps.
 */
final class KeptIterations {
    private KeptIterations() {
    }

    /**
     * What each iteration of {@code loop} keeps, in push order, or null when the loop must be
     * replayed (it writes nothing active, its replay would save within the iteration, tape a call or
     * a branch, assign an array variable, or it nests in or holds another replayed loop).
     */
    static List<Var> state(Stmt.CountedLoop loop, ReversePlan plan, Activity activity,
                           Function<Stmt, Set<Var>> backwardReads) {
        if (!plan.replayed.contains(loop) || plan.snapshots.containsKey(loop) || plan.fused.containsKey(loop)
                || nested(loop, plan)) {
            return null;
        }
        // a loop that writes nothing active has no backward code to pop what it would keep
        boolean[] ok = {false};
        IrWalk.forEachStmt(loop.body(), x -> ok[0] |= x instanceof Stmt.Assign a
                && activity.isActive(IrWalk.rootVar(a.target())));
        if (!ok[0]) {
            return null;
        }
        Set<Var> written = new LinkedHashSet<>();
        Set<Var> counters = new LinkedHashSet<>();
        Set<Var> read = new LinkedHashSet<>();
        IrWalk.forEachStmt(loop.body(), s -> {
            // an output's old element is saved by the forward run and restored by the backward
            // code in replays too (ReversePlan.outerSaves): its push comes before the kept ones
            if (pushesInReplay(s, plan) || plan.branchSlots.containsKey(s) || plan.replayed.contains(s)) {
                ok[0] = false;
            }
            if (s instanceof Stmt.Decl d) {
                ok[0] &= d.var().type().rank() == 0;
                written.add(d.var());
            } else if (s instanceof Stmt.CountedLoop c) {
                counters.add(c.counter());
            } else if (s instanceof Stmt.Assign a) {
                Var root = IrWalk.rootVar(a.target());
                // ReplayedLoops lets through only work arrays and outputs written as out[counter] = e
                ok[0] &= a.target().type().rank() == 0;
                written.add(root);
            }
            read.addAll(backwardReads.apply(s));
        });
        if (!ok[0]) {
            return null;
        }
        Set<Var> recomputed = new LinkedHashSet<>();
        plan.recomputedDecls.getOrDefault(loop, List.of()).forEach(d -> recomputed.add(d.var()));
        List<Var> kept = new ArrayList<>();
        for (Var v : written) {
            if (v.equals(loop.counter()) || counters.contains(v) || recomputed.contains(v) || !read.contains(v)) {
                continue;
            }
            Type.Base base = v.type().base();
            boolean flat = v.type().rank() == 0 && base != Type.Base.OTHER || v.type().rank() == 1
                    && (base == Type.Base.DOUBLE || base == Type.Base.INT);
            if (!flat) {
                return null;
            }
            kept.add(v);
        }
        return kept;
    }

    /**
     * Whether a replay pushes at {@code s}: a save within the iteration (not an inverted step, not
     * an output's old element, which the forward run saves), a taped call or a taped branch.
     */
    static boolean pushesInReplay(Stmt s, ReversePlan plan) {
        boolean saved = plan.saves.containsKey(s) && !plan.inverted.contains(s) && !plan.outerSaves.contains(s);
        return saved || plan.tapedCalls.containsKey(s) || plan.tapedBranches.contains(s);
    }

    /** The estimated cost of keeping {@code kept} for one iteration, against {@link #replayCost}. */
    static double keptCost(List<Var> kept, Stmt.Block method) {
        double words = 0;
        for (Var v : kept) {
            words += CheckpointedLoops.words(v, method);
        }
        return CheckpointedLoops.TAPE_WORD * words;
    }

    /** The estimated cost of replaying one iteration of {@code loop}. */
    static double replayCost(Stmt.CountedLoop loop, ReversePlan plan, Stmt.Block method) {
        return CheckpointedLoops.checkpointedCost(loop, plan, method);
    }

    /** Whether another replayed loop holds {@code loop}, or {@code loop} holds one. */
    private static boolean nested(Stmt.CountedLoop loop, ReversePlan plan) {
        for (Stmt other : plan.replayed) {
            if (other == loop) {
                continue;
            }
            boolean[] found = {false};
            IrWalk.forEachStmt(other, x -> found[0] |= x == loop);
            IrWalk.forEachStmt(loop, x -> found[0] |= x == other);
            if (found[0]) {
                return true;
            }
        }
        return false;
    }
}
