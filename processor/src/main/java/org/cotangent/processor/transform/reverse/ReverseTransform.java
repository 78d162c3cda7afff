package org.cotangent.processor.transform.reverse;

import org.cotangent.processor.naming.RuntimeClasses;

import org.cotangent.processor.analysis.Activity;
import org.cotangent.processor.analysis.PooledArrays;
import org.cotangent.processor.ir.AssignOp;
import org.cotangent.processor.ir.BinaryOp;
import org.cotangent.processor.ir.Build;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.Function;
import org.cotangent.processor.ir.GeneratedMethod;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.Var;
import org.cotangent.processor.lower.ControlFlow;
import org.cotangent.processor.naming.Names;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reverse mode: turns a lowered method into its {@code _vjp}: a forward sweep that runs the method
 * and keeps what the backward sweep will need, then a backward sweep that visits the statements in
 * reverse and accumulates vector-Jacobian products into adjoints, and finally adds the adjoints of
 * the differentiated parameters into the caller's accumulators.
 *
 * <p>The backward sweep keeps one invariant: when it reaches a statement, every variable it reads
 * holds the value it had when the forward sweep ran that statement. What it takes to keep it (the
 * to-be-recorded analysis):
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
 */
public final class ReverseTransform {
    private final Function fn;
    private final ControlFlow.Result lowered;
    private final Activity activity;
    private final Names names;
    private Names scratch;
    private final Var seed;
    private final Var tape;
    private boolean tapeUsed;

    private final Set<Var> primal = new HashSet<>();
    private final Map<Var, Var> adjoints = new LinkedHashMap<>();
    private final Map<Var, Var> accumulators = new LinkedHashMap<>();
    private final Set<Var> separateParamAdjoints = new HashSet<>();
    private final Set<Stmt> inLoop = identitySet();
    private final Set<Stmt> nestedDecls = identitySet();
    private final List<Stmt> hoisted = new ArrayList<>();
    private final Map<Stmt, Save> saves = new IdentityHashMap<>();
    private final Map<Stmt, Var> branchSlots = new IdentityHashMap<>();
    private final Set<Stmt> tapedBranches = identitySet();
    private final Map<Stmt, Var> loopCounts = new IdentityHashMap<>();
    private final Map<Stmt, List<Stmt.Decl>> recomputedDecls = new IdentityHashMap<>();
    private final Set<Stmt> recomputed = identitySet();
    private Reads knownReads;
    /** Pass 1 notes here what the backward sweep of each statement reads (for loops: their headers). */
    private Map<Stmt, Set<Var>> siteReads;
    private final Map<Stmt, Set<Var>> extraReads = new IdentityHashMap<>();
    /** Sites whose old value the backward sweep reads: the only ones saved. */
    private final Set<Stmt> neededSaves = identitySet();
    /** Branches and loops whose backward sweep turned out empty: nothing of them is recorded. */
    private final Set<Stmt> unrecorded = identitySet();
    /** Loops whose backward sweep runs inside the forward sweep ({@link FusedReductions}), with their sums' adjoints. */
    private final Map<Stmt, Map<Var, Expr>> fused = new IdentityHashMap<>();
    /** Loops whose backward sweep replays each iteration's forward code ({@link ReplayedLoops}). */
    private Set<Stmt> replayed = identitySet();
    /** Pass 1's reads of the backward sweep, per site, kept for planning replayed loops' saves. */
    private Map<Stmt, Set<Var>> firstPassReads = Map.of();
    /**
     * Above 0 while writing the forward sweep's run of a replayed loop: nothing is saved there but
     * the old elements of its output arrays ({@link #outerSaves}).
     */
    private int untaped;
    /** Above 0 while writing a replayed loop's replay, which saves only what its own iteration needs. */
    private int replaying;
    /**
     * Writes into a replayed loop's output arrays whose old values code outside the loop may need:
     * saved by the forward sweep's run, not by the replay, and restored by the backward code.
     */
    private final Set<Stmt> outerSaves = identitySet();
    /**
     * In replayed loops, integer steps ({@code l++}, {@code k += stride}) whose old value the
     * iteration's backward code needs: undone by the inverse step instead of saved and restored.
     */
    private final Set<Stmt> inverted = identitySet();
    /** Pass 1's propagators, per statement, to learn which calls of Math functions they computed again. */
    private final Map<Stmt, AdjointPropagator> propagators = new IdentityHashMap<>();
    /**
     * Per statement in a loop, the calls of expensive Math functions in its value whose results its
     * backward sweep needs, in the order the forward sweep computes and pushes them: the backward
     * sweep pops them instead of computing them again (an exp costs more than a push and a pop).
     */
    private final Map<Stmt, List<Expr.MathCall>> tapedCalls = new IdentityHashMap<>();

    /** How a save site keeps the old value: in locals ({@code slot}, and for array pointers {@code adjSlot}) or on the tape. */
    private record Save(Var slot, Var adjSlot) {
        boolean onTape() {
            return slot == null;
        }
    }

    private ReverseTransform(Function fn, ControlFlow.Result lowered, Activity activity, Names names) {
        this.fn = fn;
        this.lowered = lowered;
        this.activity = activity;
        this.names = names;
        this.scratch = names;
        this.seed = new Var(names.fresh("seed"), fn.returnType().rank() > 0 ? Type.DOUBLE_ARRAY : Type.DOUBLE);
        this.tape = new Var(names.fresh("tape"), new Type(Type.Base.TAPE, 0));
    }

    /**
     * The {@code _vjp} of {@code fn}.
     *
     * @param fn the method as read
     * @param lowered its body with lowered control flow
     * @param activity activity of its variables
     * @param names the names taken in the method so far
     */
    public static GeneratedMethod vjp(Function fn, ControlFlow.Result lowered, Activity activity, Names names) {
        return new ReverseTransform(fn, lowered, activity, names).build();
    }

    private static Set<Stmt> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    private GeneratedMethod build() {
        primal.addAll(fn.params());
        primal.add(lowered.result());
        for (Stmt s : lowered.body().stmts()) {
            classify(s, true, false);
        }
        List<GeneratedMethod.Param> params = new ArrayList<>();
        for (Var p : fn.params()) {
            params.add(new GeneratedMethod.Param(p.type().javaName(), p.name()));
        }
        if (!isVoid()) {
            params.add(new GeneratedMethod.Param(seed.type().javaName(), seed.name()));
        }
        for (Var w : fn.wrt()) {
            Var acc = new Var(names.fresh(Names.accumulator(w.name())), w.type().rank() == 0 ? Type.DOUBLE_ARRAY
                    : w.type());
            accumulators.put(w, acc);
            params.add(new GeneratedMethod.Param(acc.type().javaName(), acc.name()));
        }
        planAdjoints();
        planBranchesAndLoops();
        planRecomputation();
        replayed = ReplayedLoops.find(lowered.body());

        // Pass 1, without any save, learns what the backward sweep reads (restores read only their
        // slots); pass 2 saves before an overwrite only what it reads.
        scratch = names.copy();
        siteReads = new IdentityHashMap<>();
        Reads reads = reads(backward(lowered.body().stmts()));
        reads.vars.remove(lowered.result());
        planTapedCalls();
        // an element write that will be saved is restored in the backward sweep, which reads its indices
        IrWalk.forEachStmt(lowered.body(), s -> {
            if (s instanceof Stmt.Assign a && a.target() instanceof Expr.ArrayAccess target
                    && (reads.elementBases.contains(target.type().base()) || target.type().rank() > 0)) {
                Set<Var> restoreReads = new HashSet<>(siteReads.getOrDefault(s, Set.of()));
                restoreReads.addAll(primalVars(target));
                siteReads.put(s, restoreReads);
            }
        });
        flow(lowered.body().stmts(), new HashSet<>());
        firstPassReads = siteReads;
        siteReads = null;
        scratch = names;
        tapeUsed = false;
        knownReads = reads;
        unrecorded.clear();
        planSaves(reads);
        planIterationSaves(replayed);
        if (fn.returnType().isScalarDouble()) {
            planFusion();
            planIterationSaves(fused.keySet());
        }
        List<Stmt> backward = fold(backward(lowered.body().stmts()));
        List<Stmt> forward = forward(lowered.body().stmts());
        int pooled = takeFromPool(forward, PooledArrays.of(lowered.body()));

        List<Stmt> body = new ArrayList<>(org.cotangent.processor.transform.InputChecks.of(fn));
        for (Map.Entry<Var, Var> e : accumulators.entrySet()) {
            body.add(check(e.getKey(), e.getValue()));
        }
        int tapeDeclaration = body.size();
        if (!isVoid()) {
            body.add(new Stmt.Decl(lowered.result(), zero(lowered.result().type()), null));
        }
        if (isVectorValued() && adjoints.containsKey(lowered.result())) {
            body.add(new Stmt.Decl(adjoints.get(lowered.result()), zero(lowered.result().type()), null));
        }
        Set<Var> used = new HashSet<>();
        for (Stmt s : forward) {
            collectVars(s, used);
        }
        for (Stmt s : backward) {
            collectVars(s, used);
        }
        for (Stmt h : hoisted) {
            if (used.contains(((Stmt.Decl) h).var())) {
                body.add(h);
            }
        }
        for (Map.Entry<Var, Var> e : adjoints.entrySet()) {
            Var p = e.getKey();
            if (separateParamAdjoints.contains(p)) {
                body.add(new Stmt.Decl(e.getValue(), new Expr.StaticCall(RuntimeClasses.ADJOINTS, "zerosLike",
                        List.of(Build.ref(p)), p.type()), null));
            }
        }
        if (!fused.isEmpty()) {
            // adjoints of fused loops live in the forward sweep too
            declareScalarAdjoints(body);
        }
        body.add(new Stmt.Comment("forward sweep"));
        body.addAll(forward);
        // The backward sweep puts overwritten elements back; parameters must end as the method left them.
        List<Var[]> finals = new ArrayList<>();
        Set<Var> written = arraysWritten();
        for (Var p : fn.params()) {
            boolean keepable = p.type().base() == Type.Base.DOUBLE || p.type().equals(new Type(Type.Base.INT, 1));
            boolean restored = elementsSaved(p.type().base()) || writtenByCall(p.type().base());
            if (p.type().rank() > 0 && written.contains(p) && restored && keepable) {
                body.add(new Stmt.ExprStmt(new Expr.StaticCall(tape.name(), "keep", List.of(Build.ref(p)),
                        Type.VOID), null));
                tapeUsed = true;
                finals.add(0, new Var[] {p});
            } else if (p.type().rank() > 0 && written.contains(p) && restored) {
                Var snapshot = new Var(names.fresh(p.name() + "_final"), p.type());
                body.add(new Stmt.Decl(snapshot, new Expr.StaticCall(RuntimeClasses.ADJOINTS, "copyOf", List.of(Build.ref(p)),
                        p.type()), null));
                finals.add(new Var[] {p, snapshot});
            }
        }
        if (isVectorValued()) {
            body.add(new Stmt.ExprStmt(new Expr.StaticCall(RuntimeClasses.CHECKS, "seed", List.of(Build.ref(seed),
                    new Expr.Length(Build.ref(lowered.result())), new Expr.Literal("\"" + seed.name() + "\"",
                            Type.named("String"))), Type.VOID), null));
            if (elementsSaved(Type.Base.DOUBLE)) {
                body.add(new Stmt.ExprStmt(new Expr.StaticCall(tape.name(), "keep", List.of(Build.ref(lowered.result())),
                        Type.VOID), null));
                tapeUsed = true;
                finals.add(0, new Var[] {lowered.result()});
            }
        }
        body.add(new Stmt.Comment("backward sweep"));
        if (fused.isEmpty()) {
            declareScalarAdjoints(body);
        }
        if (isVectorValued() && adjoints.containsKey(lowered.result())) {
            body.add(new Stmt.ExprStmt(new Expr.StaticCall(RuntimeClasses.ADJOINTS, "addInto",
                    List.of(Build.ref(adjoints.get(lowered.result())), Build.ref(seed)), Type.VOID), null));
        }
        body.addAll(backward);
        for (Map.Entry<Var, Var> e : accumulators.entrySet()) {
            Var adj = adjoints.get(e.getKey());
            if (adj == null) {
                continue;
            }
            if (e.getKey().type().rank() == 0) {
                body.add(new Stmt.Assign(new Expr.ArrayAccess(Build.ref(e.getValue()), intLit(0), Type.DOUBLE),
                        AssignOp.ADD, Build.ref(adj), null));
            } else if (separateParamAdjoints.contains(e.getKey())) {
                body.add(new Stmt.ExprStmt(new Expr.StaticCall(RuntimeClasses.ADJOINTS, "addInto",
                        List.of(Build.ref(e.getValue()), Build.ref(adj)), Type.VOID), null));
            }
        }
        for (Var[] f : finals) {
            body.add(f.length == 1
                    ? new Stmt.ExprStmt(new Expr.StaticCall(tape.name(), "restoreKept", List.of(Build.ref(f[0])),
                            Type.VOID), null)
                    : new Stmt.ExprStmt(new Expr.StaticCall(RuntimeClasses.ADJOINTS, "copyInto",
                            List.of(Build.ref(f[0]), Build.ref(f[1])), Type.VOID), null));
        }
        if (pooled > 0) {
            body.add(new Stmt.ExprStmt(new Expr.StaticCall(tape.name(), "releaseArrays", List.of(intLit(pooled)),
                    Type.VOID), null));
        }
        if (!isVoid()) {
            body.add(new Stmt.Return(Build.ref(lowered.result()), null));
        }
        if (tapeUsed) {
            body.add(tapeDeclaration, new Stmt.Decl(tape, new Expr.StaticCall(RuntimeClasses.TAPE, "get", List.of(), tape.type()),
                    null));
        }
        return new GeneratedMethod(Names.vjp(fn.name()), javadoc(), fn.returnType().javaName(), params,
                new Stmt.Block(body));
    }

    /**
     * Rewrites, in the top level of {@code forward}, the creation of each array of {@code pooled}
     * and of its adjoint to take a zeroed array of the same length from the tape's pool (released at
     * the end of the method), so that steady-state calls allocate nothing; returns how many arrays
     * are taken.
     */
    private int takeFromPool(List<Stmt> forward, Set<Var> pooled) {
        int taken = 0;
        for (int i = 0; i < forward.size(); i++) {
            if (!(forward.get(i) instanceof Stmt.Decl d) || d.init() == null) {
                continue;
            }
            Var primal = pooled.contains(d.var()) ? d.var() : null;
            for (Var v : pooled) {
                if (d.var().equals(adjoints.get(v))) {
                    primal = v;
                }
            }
            if (primal == null) {
                continue;
            }
            Expr array;
            if (primal == d.var() && d.init() instanceof Expr.Clone c) {
                array = new Expr.StaticCall(tape.name(), "copyOf", List.of(c.array()), d.var().type());
            } else {
                Expr length = primal != d.var() ? new Expr.Length(Build.ref(primal))
                        : d.init() instanceof Expr.NewArray n ? n.dimensions().get(0)
                        : intLit(((Expr.ArrayLiteral) d.init()).elements().size());
                array = new Expr.StaticCall(tape.name(), "doubles", List.of(length), d.var().type());
            }
            forward.set(i, new Stmt.Decl(d.var(), array, d.pos()));
            if (primal == d.var() && d.init() instanceof Expr.ArrayLiteral l) {
                for (int k = 0; k < l.elements().size(); k++) {
                    forward.add(i + 1 + k, new Stmt.Assign(new Expr.ArrayAccess(Build.ref(d.var()), intLit(k),
                            Type.DOUBLE), AssignOp.SET, l.elements().get(k), null));
                }
            }
            taken++;
            tapeUsed = true;
        }
        return taken;
    }

    private boolean isVectorValued() {
        return fn.returnType().rank() > 0;
    }

    private boolean isVoid() {
        return fn.returnType().base() == Type.Base.VOID;
    }

    /** Whether some call writes an array of this element type (the backward sweep then puts it back). */
    private boolean writtenByCall(Type.Base base) {
        for (Stmt s : allStmts()) {
            for (Expr own : IrWalk.ownExprs(s)) {
                for (Expr w : writtenArrays(own)) {
                    if (w.type().base() == base) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean elementsSaved(Type.Base base) {
        for (Map.Entry<Stmt, Save> e : saves.entrySet()) {
            if (e.getKey() instanceof Stmt.Assign a && a.target() instanceof Expr.ArrayAccess
                    && a.target().type().base() == base) {
                return true;
            }
        }
        return false;
    }

    private Stmt check(Var param, Var acc) {
        Expr shape = param.type().rank() == 0 ? intLit(1)
                : param.type().rank() == 1 ? new Expr.Length(Build.ref(param)) : Build.ref(param);
        return new Stmt.ExprStmt(new Expr.StaticCall(RuntimeClasses.CHECKS, "accumulator", List.of(Build.ref(acc), shape,
                new Expr.Literal("\"" + acc.name() + "\"", new Type(Type.Base.OTHER, 0))), Type.VOID), null);
    }

    private String javadoc() {
        if (isVoid()) {
            List<String> list = new ArrayList<>();
            accumulators.values().forEach(a -> list.add("{@code " + a.name() + "}"));
            return "Reverse mode (vector-Jacobian product) of {@link " + fn.ownerClass() + "#" + fn.name()
                    + "}: runs it, writing its arrays as it does, and propagates the adjoints in "
                    + (list.isEmpty() ? "no accumulator" : String.join(", ", list)) + ".\n"
                    + "The accumulator of an array the method writes holds, on entry, the adjoint of its final "
                    + "contents and, on exit, the adjoint with respect to its contents on entry; every other "
                    + "accumulator is added to.";
        }
        List<String> list = new ArrayList<>();
        for (Map.Entry<Var, Var> e : accumulators.entrySet()) {
            list.add("{@code " + e.getValue().name() + (e.getKey().type().rank() == 0 ? "[0]" : "") + "}");
        }
        String accs = list.isEmpty() ? "no accumulator" : String.join(", ", list);
        if (isVectorValued()) {
            return "Reverse mode (vector-Jacobian product) of {@link " + fn.ownerClass() + "#" + fn.name()
                    + "}: adds {@code " + seed.name() + "^T J} into " + accs + ", and returns the value of "
                    + fn.name() + ".\n{@code " + seed.name() + "} has the length of the result; accumulators are "
                    + "added to, never overwritten.";
        }
        return "Reverse mode (vector-Jacobian product) of {@link " + fn.ownerClass() + "#" + fn.name()
                + "}: adds {@code " + seed.name() + "} times the gradient into " + accs
                + ", and returns the value of " + fn.name() + ".\n"
                + "Accumulators are added to, never overwritten: a double parameter's has length 1, an array "
                + "parameter's has its shape.";
    }

    // ---- planning ----

    private void classify(Stmt s, boolean topLevel, boolean loop) {
        if (loop) {
            inLoop.add(s);
        }
        if (s instanceof Stmt.Decl d) {
            primal.add(d.var());
            if (!topLevel) {
                nestedDecls.add(s);
                hoisted.add(new Stmt.Decl(d.var(), zero(d.var().type()), null));
            }
        } else if (s instanceof Stmt.Block b) {
            b.stmts().forEach(x -> classify(x, false, loop));
        } else if (s instanceof Stmt.If f) {
            classify(f.then(), false, loop);
            classify(f.otherwise(), false, loop);
        } else if (s instanceof Stmt.While w) {
            classify(w.body(), false, true);
        } else if (s instanceof Stmt.CountedLoop c) {
            primal.add(c.counter());
            classify(c.body(), false, true);
        }
    }

    private void planAdjoints() {
        if (isVectorValued()) {
            if (activity.isActive(lowered.result())) {
                adjoints.put(lowered.result(), new Var(names.fresh(Names.adjoint(lowered.result().name())),
                        lowered.result().type()));
            }
        } else {
            adjoints.put(lowered.result(), seed);
        }
        Set<Var> written = arraysWritten();
        for (Var p : fn.params()) {
            if (!activity.isActive(p)) {
                continue;
            }
            if (p.type().rank() == 0) {
                adjoints.put(p, new Var(names.fresh(Names.adjoint(p.name()) + "_"), Type.DOUBLE));
            } else if (!accumulators.containsKey(p) || written.contains(p) && !isVoid()) {
                // a parameter the method writes into gets an adjoint of its own, added to the
                // accumulator at the end: its elements' adjoints restart at each overwrite
                separateParamAdjoints.add(p);
                adjoints.put(p, new Var(names.fresh(Names.adjoint(p.name()) + "_"), p.type()));
            } else {
                adjoints.put(p, accumulators.get(p));
            }
        }
        IrWalk.forEachStmt(lowered.body(), s -> {
            if (s instanceof Stmt.Decl d && activity.isActive(d.var())) {
                Var adj = new Var(names.fresh(Names.adjoint(d.var().name())), d.var().type());
                adjoints.put(d.var(), adj);
                if (d.var().type().rank() > 0 && nestedDecls.contains(s)) {
                    hoisted.add(new Stmt.Decl(adj, zero(adj.type()), null));
                }
            }
        });
    }

    /** Array variables whose elements may be written: element-write roots, and anything aliased with them. */
    private Set<Var> arraysWritten() {
        Set<Var> roots = new HashSet<>();
        IrWalk.forEachStmt(lowered.body(), s -> {
            if (s instanceof Stmt.Assign a && a.target() instanceof Expr.ArrayAccess) {
                roots.add(IrWalk.rootVar(a.target()));
            }
            for (Expr own : IrWalk.ownExprs(s)) {
                for (Expr w : writtenArrays(own)) {
                    Var root = IrWalk.rootVar(w);
                    if (root != null) {
                        roots.add(root);
                    }
                }
            }
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Stmt s : allStmts()) {
                Var target = s instanceof Stmt.Decl d ? d.var()
                        : s instanceof Stmt.Assign a && a.target() instanceof Expr.VarRef r ? r.var() : null;
                Expr value = s instanceof Stmt.Decl d ? d.init() : s instanceof Stmt.Assign a ? a.value() : null;
                if (target == null || value == null || target.type().rank() == 0) {
                    continue;
                }
                for (Var source : aliasRoots(value)) {
                    if (roots.contains(target) && roots.add(source)) {
                        changed = true;
                    }
                    if (roots.contains(source) && roots.add(target)) {
                        changed = true;
                    }
                }
            }
        }
        return roots;
    }

    /** The variables whose arrays {@code e} may share storage with. */
    private static Set<Var> aliasRoots(Expr e) {
        Set<Var> out = new HashSet<>();
        if (e instanceof Expr.VarRef r) {
            out.add(r.var());
        } else if (e instanceof Expr.ArrayAccess a) {
            out.addAll(aliasRoots(a.array()));
        } else if (e instanceof Expr.Conditional c) {
            out.addAll(aliasRoots(c.whenTrue()));
            out.addAll(aliasRoots(c.whenFalse()));
        } else if (e instanceof Expr.Clone c && c.type().rank() > 1) {
            out.addAll(aliasRoots(c.array()));
        } else if (e instanceof Expr.ArrayLiteral l && l.type().rank() > 1) {
            l.elements().forEach(x -> out.addAll(aliasRoots(x)));
        }
        return out;
    }

    private List<Stmt> allStmts() {
        List<Stmt> out = new ArrayList<>();
        IrWalk.forEachStmt(lowered.body(), out::add);
        return out;
    }

    private Set<Var> overwrittenVars() {
        Set<Var> out = new HashSet<>();
        IrWalk.forEachStmt(lowered.body(), s -> {
            if (s instanceof Stmt.Assign a && a.target() instanceof Expr.VarRef r) {
                out.add(r.var());
            }
            if (s instanceof Stmt.Decl d && inLoop.contains(s)) {
                out.add(d.var());
            }
        });
        return out;
    }

    private void planBranchesAndLoops() {
        Set<Var> overwritten = overwrittenVars();
        IrWalk.forEachStmt(lowered.body(), s -> {
            if (s instanceof Stmt.If f) {
                boolean[] unstable = {IrWalk.hasCall(f.condition())};
                IrWalk.forEachExpr(f.condition(), e -> unstable[0] |= e instanceof Expr.ArrayAccess);
                for (Var v : IrWalk.varsRead(f.condition())) {
                    boolean counter = v.type().equals(Type.INT) || v.type().equals(Type.LONG);
                    unstable[0] |= overwritten.contains(v) && !counter;
                }
                if (unstable[0]) {
                    if (inLoop.contains(s)) {
                        tapedBranches.add(s);
                    } else {
                        Var slot = new Var(names.fresh("branch"), Type.BOOLEAN);
                        branchSlots.put(s, slot);
                        hoisted.add(new Stmt.Decl(slot, bool(false), null));
                    }
                }
            } else if (s instanceof Stmt.While) {
                Var count = new Var(names.fresh("iterations"), Type.INT);
                loopCounts.put(s, count);
                hoisted.add(new Stmt.Decl(count, intLit(0), null));
            }
        });
    }

    /**
     * Straight-line code at the top of a loop body that only declares locals from values the body
     * never changes is recomputed at the start of each backward iteration instead of taped: for
     * {@code double a = 1 - x[i];} the backward sweep runs {@code a = 1 - x[i];} again.
     */
    private void planRecomputation() {
        IrWalk.forEachStmt(lowered.body(), s -> {
            Stmt.Block body = s instanceof Stmt.While w ? w.body() : s instanceof Stmt.CountedLoop c ? c.body() : null;
            if (body == null) {
                return;
            }
            Set<Var> changed = new HashSet<>();
            Set<Type.Base> elementsWritten = new HashSet<>();
            IrWalk.forEachStmt(body, x -> {
                for (Expr own : IrWalk.ownExprs(x)) {
                    for (Expr w : writtenArrays(own)) {
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
                    recomputed.add(d);
                }
            }
            if (!decls.isEmpty()) {
                recomputedDecls.put(s, decls);
            }
        });
    }

    private static boolean assignedElsewhere(Stmt.Block body, Stmt.Decl decl) {
        boolean[] found = {false};
        IrWalk.forEachStmt(body, x -> found[0] |= x != decl && IrWalk.definedVar(x) == decl.var());
        return found[0];
    }

    private Set<Var> primalVars(Expr e) {
        Set<Var> out = new HashSet<>();
        IrWalk.varsRead(e).stream().filter(primal::contains).forEach(out::add);
        return out;
    }

    /**
     * The to-be-recorded analysis, per site: a forward walk that carries the variables read by the
     * backward sweep of statements since their last definition. A definition that meets such a
     * pending read must save the old value (the backward sweep will read it after undoing the
     * definition); one that meets none need not, even if the variable is read elsewhere.
     */
    private Set<Var> flow(List<Stmt> stmts, Set<Var> in) {
        Set<Var> state = new HashSet<>(in);
        for (Stmt s : stmts) {
            state = flow(s, state);
        }
        return state;
    }

    private Set<Var> flow(Stmt s, Set<Var> in) {
        Set<Var> state = new HashSet<>(in);
        if (s instanceof Stmt.Decl d && d.init() == null) {
            // a declaration without a value writes nothing: the variable (hoisted in generated code)
            // keeps what it held, and reads pending on it stay pending
            return state;
        }
        if (s instanceof Stmt.Decl || s instanceof Stmt.Assign) {
            Var v = s instanceof Stmt.Decl d ? d.var()
                    : ((Stmt.Assign) s).target() instanceof Expr.VarRef r ? r.var() : null;
            Set<Var> reads = siteReads.getOrDefault(s, Set.of());
            if (v == null) {
                state.addAll(reads);
                return state;
            }
            Expr value = s instanceof Stmt.Decl d ? d.init() : ((Stmt.Assign) s).value();
            AssignOp op = s instanceof Stmt.Assign a ? a.op() : AssignOp.SET;
            // the backward sweep of this very statement reads the old value (v = v * x)
            boolean readsOld = value != null && reads.contains(v) && (IrWalk.reads(value, v) || op != AssignOp.SET);
            if (state.contains(v) || readsOld) {
                neededSaves.add(s);
            }
            for (Var r : reads) {
                if (r != v) {
                    state.add(r);
                }
            }
            state.remove(v);
            if (!readsOld && reads.contains(v)) {
                state.add(v);
            }
            return state;
        }
        if (s instanceof Stmt.ExprStmt) {
            state.addAll(siteReads.getOrDefault(s, Set.of()));
            return state;
        }
        if (s instanceof Stmt.Block b) {
            return flow(b.stmts(), state);
        }
        if (s instanceof Stmt.If f) {
            state.addAll(extraReads.getOrDefault(s, Set.of()));
            Set<Var> out = flow(f.then().stmts(), state);
            out.addAll(flow(f.otherwise().stmts(), state));
            return out;
        }
        Stmt.Block body = s instanceof Stmt.While w ? w.body() : ((Stmt.CountedLoop) s).body();
        state.addAll(extraReads.getOrDefault(s, Set.of()));
        Set<Var> recomputeReads = new HashSet<>();
        for (Stmt.Decl d : recomputedDecls.getOrDefault(s, List.of())) {
            recomputeReads.addAll(primalVars(d.init()));
        }
        while (true) {
            Set<Var> after = flow(body.stmts(), state);
            after.addAll(recomputeReads);
            after.addAll(state);
            if (after.equals(state)) {
                return state;
            }
            state = after;
        }
    }

    /** The recomputation that starts each backward iteration of {@code loop}. */
    private List<Stmt> recomputation(Stmt loop) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt.Decl d : recomputedDecls.getOrDefault(loop, List.of())) {
            if (knownReads == null || knownReads.vars.contains(d.var())) {
                out.add(new Stmt.Assign(Build.ref(d.var()), AssignOp.SET, d.init(), d.pos()));
            }
        }
        return out;
    }

    /** What the backward sweep reads of the primal state. */
    private static final class Reads {
        final Set<Var> vars = new HashSet<>();
        final Set<Type.Base> elementBases = new HashSet<>();
    }

    private Reads reads(List<Stmt> code) {
        Reads out = new Reads();
        for (Stmt s : code) {
            IrWalk.forEachStmt(s, x -> {
                List<Expr> exprs = new ArrayList<>(IrWalk.ownExprs(x));
                if (x instanceof Stmt.Assign a) {
                    exprs.remove(0);
                    if (a.target() instanceof Expr.ArrayAccess t) {
                        exprs.add(t.index());
                        exprs.add(t.array() instanceof Expr.ArrayAccess inner ? inner.index() : intLit(0));
                    }
                }
                for (Expr e : exprs) {
                    IrWalk.forEachExpr(e, y -> {
                        if (y instanceof Expr.VarRef r && primal.contains(r.var())) {
                            out.vars.add(r.var());
                        }
                        if (y instanceof Expr.ArrayAccess acc && primal.contains(IrWalk.rootVar(acc))) {
                            out.elementBases.add(acc.type().base());
                        }
                        List<Expr> callArgs = y instanceof Expr.StaticCall call ? call.args()
                                : y instanceof Expr.Pullback pullback ? pullback.allArguments() : null;
                        if (callArgs != null) {
                            for (Expr arg : callArgs) {
                                Var root = IrWalk.rootVar(arg);
                                if (arg.type().rank() > 0 && root != null && primal.contains(root)) {
                                    out.elementBases.add(arg.type().base());
                                }
                            }
                        }
                    });
                }
            });
        }
        return out;
    }

    private void planSaves(Reads reads) {
        IrWalk.forEachStmt(lowered.body(), s -> {
            Var var = null;
            boolean element = false;
            if (s instanceof Stmt.Assign a) {
                if (a.target() instanceof Expr.VarRef r) {
                    var = r.var();
                } else {
                    element = true;
                    boolean activeRow = a.target().type().rank() > 0
                            && activity.isActive(IrWalk.rootVar(a.target()));
                    if (activeRow || reads.elementBases.contains(a.target().type().base())) {
                        plan(s, a.target().type(), activeRow ? adjoints.get(IrWalk.rootVar(a.target())) : null);
                    }
                    return;
                }
            } else if (s instanceof Stmt.Decl d && inLoop.contains(s) && d.init() != null
                    && !recomputed.contains(s)) {
                var = d.var();
            }
            if (var == null || element) {
                return;
            }
            boolean activeArray = var.type().rank() > 0 && activity.isActive(var);
            if (var == lowered.result()) {
                return;
            }
            if (neededSaves.contains(s) || activeArray) {
                plan(s, var.type(), activeArray ? adjoints.get(var) : null);
            }
        });
    }

    private void plan(Stmt site, Type type, Var adjoint) {
        if (inLoop.contains(site)) {
            saves.put(site, new Save(null, null));
            tapeUsed = true;
            return;
        }
        String base = site instanceof Stmt.Assign a && a.target() instanceof Expr.ArrayAccess
                ? IrWalk.rootVar(a.target()).name() + "_element" : IrWalk.definedVar(site).name();
        Var slot = new Var(names.fresh(base + "_saved"), type);
        hoisted.add(new Stmt.Decl(slot, zero(type), null));
        Var adjSlot = null;
        if (adjoint != null) {
            adjSlot = new Var(names.fresh(adjoint.name() + "_saved"), type);
            hoisted.add(new Stmt.Decl(adjSlot, zero(type), null));
        }
        saves.put(site, new Save(slot, adjSlot));
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
                if (!saves.containsKey(site)) {
                    continue;
                }
                Var v = site instanceof Stmt.Decl d ? d.var() : IrWalk.rootVar(((Stmt.Assign) site).target());
                boolean needed = false;
                int at = indexOf(inBody, site);
                for (int k = 0; k < inBody.size() && !needed; k++) {
                    Stmt t = inBody.get(k);
                    needed = backwardReads(t).contains(v) && (k <= at || shareLoop(t, site, inBody));
                }
                if (needed) {
                    if (invertible(site, v, inBody)) {
                        inverted.add(site);
                    }
                    continue;
                }
                if (!declaredIn(v, loop) && site instanceof Stmt.Assign a && a.target() instanceof Expr.ArrayAccess
                        && !ReplayedLoops.isWorkArrayOf(v, (Stmt.CountedLoop) loop, lowered.body())) {
                    outerSaves.add(site); // an output array: its old elements may matter outside the loop
                } else {
                    saves.remove(site);
                }
            }
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
        Set<Var> reads = new HashSet<>(firstPassReads.getOrDefault(t, Set.of()));
        reads.addAll(extraReads.getOrDefault(t, Set.of()));
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
                Set<Stmt> inside = identitySet();
                IrWalk.forEachStmt(s, inside::add);
                if (s != a && s != b && inside.contains(a) && inside.contains(b)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void declareScalarAdjoints(List<Stmt> body) {
        for (Map.Entry<Var, Var> e : adjoints.entrySet()) {
            if (e.getKey() != lowered.result() && e.getKey().type().rank() == 0) {
                body.add(new Stmt.Decl(e.getValue(), Build.ZERO, null));
            }
        }
    }

    /**
     * The loops {@link FusedReductions} allows, except those where a sum's update is saved: the
     * backward sweep of code before the loop reads the sum's old value, which a fused loop does not
     * keep.
     */
    private void planFusion() {
        for (Map.Entry<Stmt, Map<Var, Expr>> e : FusedReductions.find(lowered.body(), lowered.result(), seed,
                activity).entrySet()) {
            boolean[] saved = {false};
            IrWalk.forEachStmt(e.getKey(), s -> saved[0] |= saves.containsKey(s) && s instanceof Stmt.Assign a
                    && a.target() instanceof Expr.VarRef r && e.getValue().containsKey(r.var()));
            if (!saved[0]) {
                fused.put(e.getKey(), e.getValue());
            }
        }
    }

    /**
     * From pass 1: in each statement inside a loop whose value is plain arithmetic, the calls of
     * expensive Math functions whose results the backward sweep computed again; smaller (inner)
     * calls first, the order in which the forward sweep will compute them.
     */
    private void planTapedCalls() {
        for (Map.Entry<Stmt, AdjointPropagator> e : propagators.entrySet()) {
            Stmt site = e.getKey();
            Expr value = site instanceof Stmt.Decl d ? d.init() : site instanceof Stmt.Assign a ? a.value() : null;
            if (!inLoop.contains(site) || value == null || !plainArithmetic(value)) {
                continue;
            }
            List<Expr.MathCall> calls = new ArrayList<>();
            for (Expr.MathCall m : e.getValue().recomputedCalls()) {
                if (m.fn().isExpensive() && !calls.contains(m) && contains(value, m)) {
                    calls.add(m);
                }
            }
            calls.sort(java.util.Comparator.comparingInt(ReverseTransform::size));
            if (!calls.isEmpty()) {
                tapedCalls.put(site, calls);
            }
        }
        propagators.clear();
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

    /**
     * Emits, for a statement with taped calls, each call's value into a local and onto the tape, and
     * returns the statement's value reading those locals (the same arithmetic, so the same result).
     */
    private Expr withTapedCalls(Stmt site, Expr value, List<Stmt> out) {
        List<Expr.MathCall> calls = tapedCalls.get(site);
        if (calls == null || untaped > 0) {
            return value;
        }
        Map<Expr, Expr> locals = new java.util.HashMap<>();
        org.cotangent.processor.ir.IrMap substitute = new org.cotangent.processor.ir.IrMap(v -> v, p -> p) {
            @Override
            protected Expr replace(Expr e) {
                return locals.get(e);
            }
        };
        for (Expr.MathCall m : calls) {
            Var local = new Var(names.fresh(m.fn().javaName()), Type.DOUBLE);
            out.add(new Stmt.Decl(local, substitute.expr(m), site.pos()));
            out.add(tapeCall("pushDouble", Build.ref(local), site.pos()));
            locals.put(m, Build.ref(local));
        }
        tapeUsed = true;
        return substitute.expr(value);
    }

    // ---- forward sweep ----

    private List<Stmt> forward(List<Stmt> stmts) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : stmts) {
            forward(s, out);
        }
        return out;
    }

    private void forward(Stmt s, List<Stmt> out) {
        if (s instanceof Stmt.Decl d) {
            Var adj = adjoints.get(d.var());
            boolean activeArray = adj != null && d.var().type().rank() > 0;
            beforeCall(d.init(), out);
            if (!nestedDecls.contains(s)) {
                out.add(d.init() != null ? s : new Stmt.Decl(d.var(), zero(d.var().type()), d.pos()));
                if (activeArray) {
                    out.add(new Stmt.Decl(adj, d.init() == null ? zero(adj.type()) : adjointInit(d.init()), d.pos()));
                }
            } else if (d.init() != null) {
                save(s, Build.ref(d.var()), out);
                out.add(new Stmt.Assign(Build.ref(d.var()), AssignOp.SET, withTapedCalls(s, d.init(), out), d.pos()));
                if (activeArray) {
                    out.add(new Stmt.Assign(Build.ref(adj), AssignOp.SET, adjointInit(d.init()), d.pos()));
                }
            }
        } else if (s instanceof Stmt.Assign a) {
            beforeCall(a.value(), out);
            save(s, a.target(), out);
            Expr value = withTapedCalls(s, a.value(), out);
            out.add(value == a.value() ? s : new Stmt.Assign(a.target(), a.op(), value, a.pos()));
            Expr adjTarget = adjointOfArrayTarget(a.target());
            if (adjTarget != null) {
                out.add(new Stmt.Assign(adjTarget, AssignOp.SET, adjointInit(a.value()), a.pos()));
            }
        } else if (s instanceof Stmt.If f) {
            Expr cond = f.condition();
            Var slot = unrecorded.contains(s) ? null : branchSlots.get(s);
            if (slot != null) {
                out.add(new Stmt.Assign(Build.ref(slot), AssignOp.SET, cond, f.pos()));
                cond = Build.ref(slot);
            }
            Var taken = null;
            if (tapedBranches.contains(s) && !unrecorded.contains(s) && untaped == 0) {
                taken = new Var(names.fresh("taken"), Type.BOOLEAN);
                out.add(new Stmt.Decl(taken, cond, f.pos()));
                cond = Build.ref(taken);
            }
            out.add(new Stmt.If(cond, new Stmt.Block(forward(f.then().stmts())),
                    new Stmt.Block(forward(f.otherwise().stmts())), f.pos()));
            if (taken != null) {
                // pushed after the branch ran, so that the backward sweep pops it before the branch's own entries
                out.add(tapeCall("pushBoolean", Build.ref(taken), null));
            }
        } else if (s instanceof Stmt.While w) {
            if (unrecorded.contains(s)) {
                out.add(new Stmt.While(w.condition(), new Stmt.Block(forward(w.body().stmts())), null, w.pos()));
                return;
            }
            Var count = loopCounts.get(s);
            out.add(new Stmt.Assign(Build.ref(count), AssignOp.SET, intLit(0), w.pos()));
            List<Stmt> body = forward(w.body().stmts());
            body.add(new Stmt.Assign(Build.ref(count), AssignOp.ADD, intLit(1), null));
            out.add(new Stmt.While(w.condition(), new Stmt.Block(body), null, w.pos()));
            if (inLoop.contains(s)) {
                out.add(tapeCall("pushInt", Build.ref(count), null));
            }
        } else if (s instanceof Stmt.CountedLoop c && fused.containsKey(s)) {
            // each iteration's backward sweep right after its forward code: the sums' adjoints are known
            Map<Var, Expr> sums = fused.get(s);
            for (Map.Entry<Var, Expr> e : sums.entrySet()) {
                out.add(new Stmt.Assign(Build.ref(adjoints.get(e.getKey())), AssignOp.SET, e.getValue(), c.pos()));
            }
            List<Stmt> reversed = fold(backward(c.body().stmts()));
            List<Stmt> body = forward(c.body().stmts());
            body.addAll(reversed);
            out.add(new Stmt.CountedLoop(c.counter(), c.from(), c.to(), c.up(), new Stmt.Block(body), c.pos()));
            for (Var sum : sums.keySet()) {
                out.add(new Stmt.Assign(Build.ref(adjoints.get(sum)), AssignOp.SET, Build.ZERO, c.pos()));
            }
        } else if (s instanceof Stmt.CountedLoop c) {
            // a replayed loop runs here as written: its backward sweep replays each iteration
            boolean replay = replayed.contains(s);
            untaped += replay ? 1 : 0;
            List<Stmt> body = forward(c.body().stmts());
            untaped -= replay ? 1 : 0;
            out.add(new Stmt.CountedLoop(c.counter(), c.from(), c.to(), c.up(), new Stmt.Block(body), c.pos()));
        } else if (s instanceof Stmt.Block b) {
            out.addAll(forward(b.stmts()));
        } else if (s instanceof Stmt.ExprStmt e) {
            beforeCall(e.expr(), out);
            out.add(s);
        } else {
            throw new IllegalStateException("unexpected statement in lowered code: " + s);
        }
    }

    /** Arrays a call may write, in argument order (for a call without derivative: every array argument). */
    private static List<Expr> writtenArrays(Expr call) {
        List<Expr> out = new ArrayList<>();
        if (call instanceof Expr.Call c) {
            for (int k = 0; k < c.args().size(); k++) {
                if (c.callee().writes().get(k) && c.args().get(k).type().rank() > 0) {
                    out.add(c.args().get(k));
                }
            }
        } else if (call instanceof Expr.StaticCall c) {
            for (int k = 0; k < c.args().size(); k++) {
                if (c.writes().get(k)) {
                    out.add(c.args().get(k));
                }
            }
        }
        return out;
    }

    /** Whether the backward sweep runs the pullback of {@code call}: its result or an array it writes is active. */
    private boolean needsPullback(Expr call, Var result) {
        if (!(call instanceof Expr.Call c)) {
            return false;
        }
        if (result != null && activity.isActive(result)) {
            return true;
        }
        for (Expr w : writtenArrays(c)) {
            Var root = IrWalk.rootVar(w);
            if (root != null && activity.isActive(root)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Before a call that writes arrays: their contents go onto the tape, twice when the backward
     * sweep runs the pullback (which needs them before it runs and leaves the call's results after).
     */
    private void beforeCall(Expr value, List<Stmt> out) {
        if (value == null) {
            return;
        }
        List<Expr> written = writtenArrays(value);
        int copies = needsPullback(value, resultOf(value)) ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            for (Expr w : written) {
                out.add(tapeCall("pushAll", w, null));
            }
        }
    }

    private Var resultOf(Expr value) {
        for (Stmt s : allStmts()) {
            if (s instanceof Stmt.Decl d && d.init() == value) {
                return d.var();
            }
            if (s instanceof Stmt.Assign a && a.value() == value && a.target() instanceof Expr.VarRef r) {
                return r.var();
            }
        }
        return null;
    }

    private void popWritten(List<Expr> written, List<Stmt> out, Stmt site) {
        for (int i = written.size() - 1; i >= 0; i--) {
            out.add(new Stmt.ExprStmt(new Expr.StaticCall(tape.name(), "popAll", List.of(written.get(i)), Type.VOID),
                    site.pos()));
        }
        if (!written.isEmpty()) {
            tapeUsed = true;
        }
    }

    /**
     * The backward sweep of a call: the arrays it wrote get their contents from before the call, the
     * callee's pullback runs with {@code seed} (null for a void callee) and accumulators for its
     * differentiated parameters, then the scalar adjoints it returns flow into the arguments.
     */
    private void backwardCall(Expr value, Expr seedValue, Var result, Stmt site, List<Stmt> out) {
        List<Expr> written = writtenArrays(value);
        if (!needsPullback(value, result)) {
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
                Var cell = new Var(scratch.fresh(c.callee().name() + "_adj" + k), Type.DOUBLE_ARRAY);
                out.add(new Stmt.Decl(cell, tapePop("cell", Type.DOUBLE_ARRAY), site.pos()));
                cells.add(cell);
                cellArgs.add(arg);
                accumulators.add(Build.ref(cell));
            } else if (activity.isActive(arg)) {
                accumulators.add(adjointArray(arg));
            } else {
                accumulators.add(new Expr.StaticCall(RuntimeClasses.ADJOINTS, "zerosLike", List.of(arg), arg.type()));
            }
        }
        Expr seedArg = c.callee().isVoid() ? null : seedValue == null ? Build.ZERO : seedValue;
        out.add(new Stmt.ExprStmt(new Expr.Pullback(c.callee(), c.receiver(), c.args(), seedArg, accumulators),
                site.pos()));
        popWritten(written, out, site);
        AdjointPropagator p = new AdjointPropagator(activity, scratch, adjoints::get, site.pos(), out);
        for (int i = 0; i < cells.size(); i++) {
            p.propagate(cellArgs.get(i), new Expr.ArrayAccess(Build.ref(cells.get(i)), intLit(0), Type.DOUBLE));
        }
        if (!cells.isEmpty()) {
            out.add(new Stmt.ExprStmt(new Expr.StaticCall(tape.name(), "releaseCells",
                    List.of(intLit(cells.size())), Type.VOID), site.pos()));
        }
    }

    /** For an assignment of an active array (a variable or a row), the adjoint that goes with it; else null. */
    private Expr adjointOfArrayTarget(Expr target) {
        Var root = IrWalk.rootVar(target);
        if (target.type().rank() == 0 || root == null || !adjoints.containsKey(root)) {
            return null;
        }
        return adjointArray(target);
    }

    /** Keeps the value of {@code target} (and, for an active array pointer, its adjoint) before site overwrites it. */
    private void save(Stmt site, Expr target, List<Stmt> out) {
        Save save = saves.get(site);
        boolean outer = outerSaves.contains(site);
        if (save == null || inverted.contains(site) || untaped > 0 && !outer || replaying > 0 && outer) {
            return;
        }
        Expr adj = adjointOfArrayTarget(target);
        if (save.onTape()) {
            out.add(tapeCall(push(target.type()), target, site.pos()));
            if (adj != null) {
                out.add(tapeCall("pushRef", adj, site.pos()));
            }
        } else {
            out.add(new Stmt.Assign(Build.ref(save.slot()), AssignOp.SET, target, site.pos()));
            if (save.adjSlot() != null) {
                out.add(new Stmt.Assign(Build.ref(save.adjSlot()), AssignOp.SET, adj, site.pos()));
            }
        }
    }

    private void restore(Stmt site, Expr target, List<Stmt> out) {
        Save save = saves.get(site);
        if (save == null) {
            return;
        }
        if (inverted.contains(site)) {
            Stmt.Assign step = (Stmt.Assign) site;
            out.add(new Stmt.Assign(target, step.op() == AssignOp.ADD ? AssignOp.SUB : AssignOp.ADD, step.value(),
                    site.pos()));
            return;
        }
        Expr adj = adjointOfArrayTarget(target);
        if (save.onTape()) {
            if (adj != null) {
                out.add(new Stmt.Assign(adj, AssignOp.SET, tapePop("popRef", adj.type()), site.pos()));
            }
            out.add(new Stmt.Assign(target, AssignOp.SET, tapePop(pop(target.type()), target.type()), site.pos()));
        } else {
            if (save.adjSlot() != null) {
                out.add(new Stmt.Assign(adj, AssignOp.SET, Build.ref(save.adjSlot()), site.pos()));
            }
            out.add(new Stmt.Assign(target, AssignOp.SET, Build.ref(save.slot()), site.pos()));
        }
    }

    /** The adjoint array that goes with an array value: fresh zeros, or the adjoint it shares storage with. */
    private Expr adjointInit(Expr value) {
        if (value instanceof Expr.NewArray n) {
            return n;
        }
        if (value instanceof Expr.ArrayLiteral l) {
            if (l.type().rank() == 1) {
                return new Expr.NewArray(l.type(), List.of(intLit(l.elements().size())));
            }
            return new Expr.ArrayLiteral(l.type(), l.elements().stream().map(this::adjointInit).toList());
        }
        if (value instanceof Expr.Clone c) {
            Var root = IrWalk.rootVar(c.array());
            if (c.type().rank() == 1 || root == null || !adjoints.containsKey(root)) {
                return new Expr.StaticCall(RuntimeClasses.ADJOINTS, "zerosLike", List.of(c.array()), c.type());
            }
            return new Expr.Clone(adjointArray(c.array()));
        }
        if (value instanceof Expr.Conditional c) {
            return new Expr.Conditional(c.condition(), adjointInit(c.whenTrue()), adjointInit(c.whenFalse()),
                    c.type());
        }
        if (IrWalk.rootVar(value) == null || !adjoints.containsKey(IrWalk.rootVar(value))) {
            // an array a field holds (a constant) or an inactive local: its adjoint starts and stays 0
            return new Expr.StaticCall(RuntimeClasses.ADJOINTS, "zerosLike", List.of(value), value.type());
        }
        return adjointArray(value);
    }

    private Expr adjointArray(Expr e) {
        if (e instanceof Expr.VarRef r) {
            Var adj = adjoints.get(r.var());
            if (adj == null) {
                throw new IllegalStateException("inactive array flows into an active one: " + r.var().name());
            }
            return Build.ref(adj);
        }
        if (e instanceof Expr.ArrayAccess a) {
            return new Expr.ArrayAccess(adjointArray(a.array()), a.index(), a.type());
        }
        if (e instanceof Expr.Conditional c) {
            return new Expr.Conditional(c.condition(), adjointArray(c.whenTrue()), adjointArray(c.whenFalse()),
                    c.type());
        }
        throw new IllegalStateException("no adjoint for array expression " + e);
    }

    // ---- backward sweep ----

    private List<Stmt> backward(List<Stmt> stmts) {
        List<Stmt> out = new ArrayList<>();
        for (int i = stmts.size() - 1; i >= 0; i--) {
            backward(stmts.get(i), out);
        }
        return out;
    }

    private void backward(Stmt s, List<Stmt> out) {
        int before = out.size();
        backwardOf(s, out);
        if (siteReads != null && !(s instanceof Stmt.Block)) {
            if (s instanceof Stmt.Decl || s instanceof Stmt.Assign || s instanceof Stmt.ExprStmt) {
                siteReads.put(s, reads(out.subList(before, out.size())).vars);
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
            Expr cond = f.condition();
            if (branchSlots.containsKey(s)) {
                cond = Build.ref(branchSlots.get(s));
            } else if (tapedBranches.contains(s)) {
                cond = tapePop("popBoolean", Type.BOOLEAN);
            } else if (siteReads != null) {
                extraReads.put(s, primalVars(cond));
            }
            List<Stmt> then = backward(f.then().stmts());
            List<Stmt> otherwise = backward(f.otherwise().stmts());
            if (!then.isEmpty() || !otherwise.isEmpty()) {
                out.add(new Stmt.If(cond, new Stmt.Block(then), new Stmt.Block(otherwise), f.pos()));
            } else {
                // nothing to undo in either branch (and so nothing taped inside): the outcome is not kept
                unrecorded.add(s);
            }
        } else if (s instanceof Stmt.While w) {
            Var count = loopCounts.get(s);
            List<Stmt> reversed = backward(w.body().stmts());
            if (reversed.isEmpty()) {
                unrecorded.add(s);
                return;
            }
            if (inLoop.contains(s)) {
                out.add(new Stmt.Assign(Build.ref(count), AssignOp.SET, tapePop("popInt", Type.INT), w.pos()));
            }
            List<Stmt> body = recomputation(s);
            body.addAll(reversed);
            body.add(new Stmt.Assign(Build.ref(count), AssignOp.SUB, intLit(1), null));
            out.add(new Stmt.While(new Expr.Binary(BinaryOp.GT, Build.ref(count), intLit(0), Type.BOOLEAN),
                    new Stmt.Block(body), null, w.pos()));
        } else if (s instanceof Stmt.CountedLoop && fused.containsKey(s)) {
            return; // its backward sweep ran in the forward sweep
        } else if (s instanceof Stmt.CountedLoop c) {
            if (siteReads != null) {
                // recorded even if this pass finds the body's backward sweep empty: restores may fill it
                Set<Var> header = primalVars(c.from());
                header.addAll(primalVars(c.to()));
                if (replayed.contains(s)) {
                    // the replay reads what the body reads
                    IrWalk.forEachStmt(c.body(), x -> {
                        for (Expr e : IrWalk.ownExprs(x)) {
                            if (x instanceof Stmt.Assign a && e == a.target()) {
                                // the written array itself is not read, only the indices
                                IrWalk.forEachExpr(e, y -> {
                                    if (y instanceof Expr.ArrayAccess acc) {
                                        header.addAll(primalVars(acc.index()));
                                    }
                                });
                                if (a.op() == AssignOp.SET) {
                                    continue;
                                }
                            }
                            header.addAll(primalVars(e));
                        }
                    });
                }
                extraReads.put(s, header);
            }
            List<Stmt> reversed = backward(c.body().stmts());
            if (reversed.isEmpty()) {
                return;
            }
            List<Stmt> body;
            if (replayed.contains(s) && siteReads == null) {
                replaying++;
                body = forward(c.body().stmts());
                replaying--;
            } else {
                body = recomputation(s);
            }
            body.addAll(reversed);
            if (IndependentIterations.test(c.counter(), body)) {
                // nothing carries from one backward iteration to the next: run them in the forward
                // order, which the JIT vectorises (adjoint loops are then axpys and outer products)
                out.add(new Stmt.CountedLoop(c.counter(), c.from(), c.to(), c.up(), new Stmt.Block(body), c.pos()));
                return;
            }
            Expr one = intLit(1);
            Expr from = c.up() ? new Expr.Binary(BinaryOp.SUB, c.to(), one, Type.INT)
                    : new Expr.Binary(BinaryOp.ADD, c.to(), one, Type.INT);
            Expr to = c.up() ? new Expr.Binary(BinaryOp.SUB, c.from(), one, Type.INT)
                    : new Expr.Binary(BinaryOp.ADD, c.from(), one, Type.INT);
            out.add(new Stmt.CountedLoop(c.counter(), from, to, !c.up(), new Stmt.Block(body), c.pos()));
        } else if (s instanceof Stmt.Block b) {
            out.addAll(backward(b.stmts()));
        } else if (s instanceof Stmt.ExprStmt e) {
            backwardCall(e.expr(), null, null, s, out);
        } else {
            throw new IllegalStateException("unexpected statement in lowered code: " + s);
        }
    }

    private void backwardAssign(Stmt site, Expr target, AssignOp op, Expr value, List<Stmt> out) {
        Var root = IrWalk.rootVar(target);
        boolean active = root != null && activity.isActive(root) && target.type().isFloating();
        if (value instanceof Expr.Call || value instanceof Expr.StaticCall && !writtenArrays(value).isEmpty()) {
            restore(site, target, out);
            Expr seedValue = null;
            if (active) {
                Expr adj = target instanceof Expr.VarRef ? Build.ref(adjoints.get(root)) : adjointArray(target);
                boolean firstDefinition = site instanceof Stmt.Decl && !inLoop.contains(site);
                if (root == lowered.result() || firstDefinition) {
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
            backwardArrayValue(value, adjointArray(target), site, out);
            restore(site, target, out);
            return;
        }
        AdjointPropagator p = new AdjointPropagator(activity, scratch, adjoints::get, site.pos(), out);
        if (siteReads != null) {
            propagators.put(site, p);
        }
        List<Expr.MathCall> taped = siteReads == null ? tapedCalls.getOrDefault(site, List.of()) : List.of();
        for (int k = taped.size() - 1; k >= 0; k--) {
            Var popped = new Var(scratch.fresh(taped.get(k).fn().javaName()), Type.DOUBLE);
            out.add(new Stmt.Decl(popped, tapePop("popDouble", Type.DOUBLE), site.pos()));
            p.knownValue(taped.get(k), popped);
        }
        Expr adj = target instanceof Expr.VarRef ? Build.ref(adjoints.get(root)) : p.adjointArray(target);
        if (root == lowered.result()) {
            p.knownValue(value, root);
            p.propagate(value, adj);
            return;
        }
        boolean element = target instanceof Expr.ArrayAccess;
        boolean readsTarget = element ? readsArrayOf(value, target.type().base()) : IrWalk.reads(value, root);
        boolean firstDefinition = site instanceof Stmt.Decl && !inLoop.contains(site);
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
            if (element || !firstDefinition) {
                if (element) {
                    out.add(new Stmt.Assign(adj, AssignOp.SET, Build.ZERO, site.pos()));
                }
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
                    new AdjointPropagator(activity, scratch, adjoints::get, site.pos(), out)
                            .propagate(element, elementAdj);
                }
            }
        } else if (value instanceof Expr.Clone c && c.type().rank() == 1 && activity.isActive(c.array())) {
            out.add(new Stmt.ExprStmt(new Expr.StaticCall(RuntimeClasses.ADJOINTS, "addInto",
                    List.of(adjointArray(c.array()), adjoint), Type.VOID), site.pos()));
        }
    }

    private static boolean readsArrayOf(Expr e, Type.Base base) {
        boolean[] found = {false};
        IrWalk.forEachExpr(e, x -> found[0] |= x instanceof Expr.ArrayAccess a && a.type().base() == base);
        return found[0];
    }

    private Var copy(Expr adj, Stmt at, List<Stmt> out) {
        String base = adj instanceof Expr.VarRef r ? r.var().name() : IrWalk.rootVar(adj).name() + "_element";
        Var copy = new Var(scratch.fresh(base + "_in"), Type.DOUBLE);
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
            if (s instanceof Stmt.If f) {
                s = new Stmt.If(f.condition(), new Stmt.Block(fold(f.then().stmts())),
                        new Stmt.Block(fold(f.otherwise().stmts())), f.pos());
            } else if (s instanceof Stmt.While w) {
                s = new Stmt.While(w.condition(), new Stmt.Block(fold(w.body().stmts())), w.label(), w.pos());
            } else if (s instanceof Stmt.CountedLoop c) {
                s = new Stmt.CountedLoop(c.counter(), c.from(), c.to(), c.up(), new Stmt.Block(fold(c.body().stmts())),
                        c.pos());
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

    private static void collectVars(Stmt s, Set<Var> out) {
        IrWalk.forEachStmt(s, x -> {
            for (Expr e : IrWalk.ownExprs(x)) {
                out.addAll(IrWalk.varsRead(e));
            }
            if (x instanceof Stmt.CountedLoop c) {
                out.add(c.counter());
            }
        });
    }

    // ---- small builders ----

    private Stmt tapeCall(String method, Expr arg, org.cotangent.processor.ir.SourcePos pos) {
        tapeUsed = true;
        return new Stmt.ExprStmt(new Expr.StaticCall(tape.name(), method, List.of(arg), Type.VOID), pos);
    }

    private Expr tapePop(String method, Type type) {
        tapeUsed = true;
        return new Expr.StaticCall(tape.name(), method, List.of(), type);
    }

    private static String push(Type type) {
        return "push" + stackName(type);
    }

    private static String pop(Type type) {
        return "pop" + stackName(type);
    }

    private static String stackName(Type type) {
        if (type.rank() > 0 || type.base() == Type.Base.OTHER) {
            return "Ref";
        }
        return switch (type.base()) {
            case DOUBLE -> "Double";
            case LONG -> "Long";
            case BOOLEAN -> "Boolean";
            default -> "Int";
        };
    }

    private static Expr zero(Type type) {
        return new Expr.Literal(type.zero(), type);
    }

    private static Expr intLit(int value) {
        return new Expr.Literal(String.valueOf(value), Type.INT);
    }

    private static Expr bool(boolean value) {
        return new Expr.Literal(String.valueOf(value), Type.BOOLEAN);
    }
}
