package org.cotangent.processor.transform.reverse;

import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.Var;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the reverse sweeps of one method keep, recompute and replay, statement by statement: the one
 * place where store-or-recompute decisions live. {@link ReversePlanner} fills it in; the forward and
 * backward sweeps only read it. Statements are keys by identity.
 */
final class ReversePlan {
    /** How a save site keeps the old value: in locals ({@code slot}, and for array pointers {@code adjSlot}) or on the tape. */
    record Save(Var slot, Var adjSlot) {
        boolean onTape() {
            return slot == null;
        }
    }

    /** What the backward sweep reads of the primal state: variables, and elements of arrays by element type. */
    static final class Reads {
        final Set<Var> vars = new HashSet<>();
        final Set<Type.Base> elementBases = new HashSet<>();

        /** What {@code code} (backward code) reads of the variables in {@code primal}. */
        static Reads of(List<Stmt> code, Set<Var> primal) {
            Reads out = new Reads();
            for (Stmt s : code) {
                IrWalk.forEachStmt(s, x -> {
                    List<Expr> exprs = new ArrayList<>(IrWalk.ownExprs(x));
                    if (x instanceof Stmt.Assign a) {
                        exprs.remove(0);
                        if (a.target() instanceof Expr.ArrayAccess t) {
                            exprs.add(t.index());
                            exprs.add(t.array() instanceof Expr.ArrayAccess inner ? inner.index()
                                    : ReverseContext.intLit(0));
                        }
                    }
                    for (Expr e : exprs) {
                        IrWalk.forEachExpr(e, y -> out.note(y, primal));
                    }
                });
            }
            return out;
        }

        private void note(Expr y, Set<Var> primal) {
            if (y instanceof Expr.VarRef r && primal.contains(r.var())) {
                vars.add(r.var());
            }
            if (y instanceof Expr.ArrayAccess acc && primal.contains(IrWalk.rootVar(acc))) {
                elementBases.add(acc.type().base());
            }
            List<Expr> callArgs = y instanceof Expr.StaticCall call ? call.args()
                    : y instanceof Expr.Pullback pullback ? pullback.allArguments() : null;
            if (callArgs != null) {
                for (Expr arg : callArgs) {
                    Var root = IrWalk.rootVar(arg);
                    if (arg.type().rank() > 0 && root != null && primal.contains(root)) {
                        elementBases.add(arg.type().base());
                    }
                }
            }
        }
    }

    /** Statements inside a loop. */
    final Set<Stmt> inLoop = ReverseContext.identitySet();
    /** Declarations below the top level: their variables are declared at the top of the method. */
    final Set<Stmt> nestedDecls = ReverseContext.identitySet();
    /** Declarations at the top of the generated method (of nested locals, slots, counters), declared if used. */
    final List<Stmt> hoisted = new ArrayList<>();
    /** Sites whose old value is kept before they overwrite it. */
    final Map<Stmt, Save> saves = new IdentityHashMap<>();
    /** Branches outside loops whose outcome is kept in a local. */
    final Map<Stmt, Var> branchSlots = new IdentityHashMap<>();
    /** Branches inside loops whose outcome goes on the tape. */
    final Set<Stmt> tapedBranches = ReverseContext.identitySet();
    /** The trip count of each while loop. */
    final Map<Stmt, Var> loopCounts = new IdentityHashMap<>();
    /** Per loop, the declarations at the top of its body that each backward iteration recomputes. */
    final Map<Stmt, List<Stmt.Decl>> recomputedDecls = new IdentityHashMap<>();
    final Set<Stmt> recomputed = ReverseContext.identitySet();
    /** Loops whose backward sweep runs inside the forward sweep ({@link FusedReductions}), with their sums' adjoints. */
    final Map<Stmt, Map<Var, Expr>> fused = new IdentityHashMap<>();
    /** Loops whose backward sweep replays each iteration's forward code ({@link ReplayedLoops}). */
    Set<Stmt> replayed = ReverseContext.identitySet();
    /**
     * Checkpointed loops ({@link CheckpointedLoops}), also in {@link #replayed}: each one's
     * loop-carried state, pushed at the start of every iteration by the forward sweep and popped
     * before the iteration's replay.
     */
    final Map<Stmt, List<Var>> snapshots = new IdentityHashMap<>();
    /**
     * Replayed loops that keep instead ({@link KeptIterations}): what each iteration wrote that its
     * backward code reads, pushed at the iteration's end and popped where the replay would run.
     */
    final Map<Stmt, List<Var>> kept = new IdentityHashMap<>();
    /** Per checkpointed loop, what it writes that the backward code outside it reads: pushed before it, popped after. */
    final Map<Stmt, List<Var>> entrySaves = new IdentityHashMap<>();
    /**
     * Checkpointed loops whose backward sweep a {@link org.cotangent.runtime.Checkpoints} schedule
     * drives, with the variable holding it: their kept states stay within a memory bound.
     */
    final Map<Stmt, Var> schedules = new IdentityHashMap<>();
    /** The memory the kept states of a scheduled loop may take, in bytes. */
    long checkpointMemory;
    /** Top-level statements of checkpointed loops that their replays leave out. */
    final Set<Stmt> unreplayed = ReverseContext.identitySet();
    /** Sites left out of replays whose backward code computes again the Math calls it would have popped. */
    final Map<Stmt, List<Expr.MathCall>> untapedCalls = new IdentityHashMap<>();
    /** Sites in checkpointed loops whose old value is computed again (the expression) instead of taped. */
    final Map<Stmt, Expr> recomputedRestores = new IdentityHashMap<>();
    /**
     * Writes into a replayed loop's output arrays whose old values code outside the loop may need:
     * saved by the forward sweep's run, not by the replay, and restored by the backward code.
     */
    final Set<Stmt> outerSaves = ReverseContext.identitySet();
    /**
     * In replayed loops, integer steps ({@code l++}, {@code k += stride}) whose old value the
     * iteration's backward code needs: undone by the inverse step instead of saved and restored.
     */
    final Set<Stmt> inverted = ReverseContext.identitySet();
    /**
     * Per statement in a loop, the calls of expensive Math functions in its value whose results its
     * backward sweep needs, in the order the forward sweep computes and pushes them: the backward
     * sweep pops them instead of computing them again (an exp costs more than a push and a pop).
     */
    final Map<Stmt, List<Expr.MathCall>> tapedCalls = new IdentityHashMap<>();
    /** What the backward sweep reads (null while the planner's dry run finds it out). */
    Reads knownReads;

    /**
     * Whether the backward sweep may leave arrays of this element type other than the forward
     * sweep left them: some saved element write targets one, or a checkpointed loop writes one
     * (its replays leave the elements as the last replay did).
     */
    boolean elementsSaved(Type.Base base) {
        for (Stmt loop : snapshots.keySet()) {
            for (Var v : CheckpointedLoops.writtenOutside((Stmt.CountedLoop) loop)) {
                if (v.type().rank() > 0 && v.type().base() == base) {
                    return true;
                }
            }
        }
        for (Stmt s : saves.keySet()) {
            if (s instanceof Stmt.Assign a && a.target() instanceof Expr.ArrayAccess
                    && a.target().type().base() == base) {
                return true;
            }
        }
        return false;
    }
}
