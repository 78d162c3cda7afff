package org.cotangent.processor.transform.reverse;

import org.cotangent.processor.analysis.Activity;
import org.cotangent.processor.ir.AssignOp;
import org.cotangent.processor.ir.Build;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.Function;
import org.cotangent.processor.ir.GeneratedMethod;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.Var;
import org.cotangent.processor.lower.SingleExit;
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
 * Reverse mode: turns a lowered (single-exit) method into its {@code _vjp}: a forward sweep that
 * runs the method and keeps what the backward sweep will need, then a backward sweep that visits the
 * statements in reverse and accumulates vector-Jacobian products into adjoint locals, and finally
 * adds the adjoints of the differentiated parameters into the caller's accumulators.
 *
 * <p>What is kept (the to-be-recorded analysis): the old value of a variable is saved before an
 * overwrite only when the backward sweep reads that variable; a branch's condition is re-evaluated
 * in the backward sweep when nothing it reads is ever overwritten, and saved in a flag otherwise.
 * Straight-line code with single assignments keeps nothing at all.
 */
public final class ReverseTransform {
    private final Function fn;
    private final SingleExit.Result lowered;
    private final Activity activity;
    private final Names names;
    private Names scratch;
    private final Set<Var> primal = new HashSet<>();
    private final Map<Var, Var> adjoints = new LinkedHashMap<>();
    private final Map<Stmt, Var> saveSlots = new IdentityHashMap<>();
    private final Map<Stmt, Var> branchFlags = new IdentityHashMap<>();
    private final Set<Stmt> nestedDecls = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Stmt> hoisted = new ArrayList<>();
    private final Var seed;

    private ReverseTransform(Function fn, SingleExit.Result lowered, Activity activity, Names names) {
        this.fn = fn;
        this.lowered = lowered;
        this.activity = activity;
        this.names = names;
        this.seed = new Var(names.fresh("seed"), Type.DOUBLE);
    }

    /**
     * The {@code _vjp} of {@code fn}.
     *
     * @param fn the method as read
     * @param lowered its body in single-exit form
     * @param activity activity of its variables
     * @param names the names taken in the method so far
     */
    public static GeneratedMethod vjp(Function fn, SingleExit.Result lowered, Activity activity, Names names) {
        return new ReverseTransform(fn, lowered, activity, names).build();
    }

    private GeneratedMethod build() {
        primal.addAll(fn.params());
        primal.add(lowered.result());
        if (lowered.returned() != null) {
            primal.add(lowered.returned());
        }
        for (Stmt s : lowered.body().stmts()) {
            collectNested(s, true);
        }
        List<GeneratedMethod.Param> params = new ArrayList<>();
        for (Var p : fn.params()) {
            params.add(new GeneratedMethod.Param(p.type().javaName(), p.name()));
        }
        params.add(new GeneratedMethod.Param("double", seed.name()));
        Map<Var, Var> accumulators = new LinkedHashMap<>();
        for (Var w : fn.wrt()) {
            Var acc = new Var(names.fresh(Names.accumulator(w.name())), Type.DOUBLE_ARRAY);
            accumulators.put(w, acc);
            params.add(new GeneratedMethod.Param(acc.type().javaName(), acc.name()));
        }
        adjoints.put(lowered.result(), seed);
        for (Var p : fn.params()) {
            if (activity.isActive(p)) {
                adjoints.put(p, new Var(names.fresh(Names.adjoint(p.name()) + "_"), Type.DOUBLE));
            }
        }
        IrWalk.forEachStmt(lowered.body(), s -> {
            if (s instanceof Stmt.Decl d && activity.isActive(d.var())) {
                adjoints.put(d.var(), new Var(names.fresh(Names.adjoint(d.var().name())), Type.DOUBLE));
            }
        });
        planBranches(lowered.body());

        // Pass 1, without any save, learns which primal variables the backward sweep reads (restores
        // read only their save slots); pass 2 saves before an overwrite only the variables it reads.
        scratch = names.copy();
        Set<Var> read = primalReads(backward(lowered.body().stmts()));
        read.remove(lowered.result());
        scratch = names;
        planSaves(lowered.body(), read);
        List<Stmt> backward = fold(backward(lowered.body().stmts()));
        List<Stmt> forward = forward(lowered.body().stmts());

        List<Stmt> body = new ArrayList<>();
        for (Map.Entry<Var, Var> e : accumulators.entrySet()) {
            body.add(new Stmt.ExprStmt(new Expr.StaticCall("Checks", "accumulator", List.of(Build.ref(e.getValue()),
                    new Expr.Literal("1", Type.INT), new Expr.Literal("\"" + e.getValue().name() + "\"", new Type(Type.Base.OTHER, 0))),
                    Type.VOID), null));
        }
        body.add(new Stmt.Decl(lowered.result(), Build.ZERO, null));
        if (lowered.returned() != null) {
            body.add(new Stmt.Decl(lowered.returned(), new Expr.Literal("false", Type.BOOLEAN), null));
        }
        body.addAll(hoisted);
        body.add(new Stmt.Comment("forward sweep"));
        body.addAll(forward);
        body.add(new Stmt.Comment("backward sweep"));
        for (Map.Entry<Var, Var> e : adjoints.entrySet()) {
            if (e.getKey() != lowered.result()) {
                body.add(new Stmt.Decl(e.getValue(), Build.ZERO, null));
            }
        }
        body.addAll(backward);
        for (Map.Entry<Var, Var> e : accumulators.entrySet()) {
            Var adj = adjoints.get(e.getKey());
            if (adj != null) {
                body.add(new Stmt.Assign(new Expr.ArrayAccess(Build.ref(e.getValue()), new Expr.Literal("0", Type.INT),
                        Type.DOUBLE), AssignOp.ADD, Build.ref(adj), null));
            }
        }
        body.add(new Stmt.Return(Build.ref(lowered.result()), null));
        return new GeneratedMethod(Names.vjp(fn.name()), javadoc(accumulators), "double", params,
                new Stmt.Block(body));
    }

    private String javadoc(Map<Var, Var> accumulators) {
        StringBuilder accs = new StringBuilder();
        List<String> list = new ArrayList<>();
        for (Map.Entry<Var, Var> e : accumulators.entrySet()) {
            list.add("{@code " + e.getValue().name() + "[0]}");
        }
        accs.append(list.isEmpty() ? "no accumulator" : String.join(", ", list));
        return "Reverse mode (vector-Jacobian product) of {@link " + fn.ownerClass() + "#" + fn.name()
                + "}: adds {@code " + seed.name() + "} times the gradient into " + accs
                + ", and returns the value of " + fn.name() + ".\n"
                + "Accumulators are added to, never overwritten; each must have length 1.";
    }

    private void collectNested(Stmt s, boolean topLevel) {
        if (s instanceof Stmt.Decl d) {
            primal.add(d.var());
            if (!topLevel) {
                nestedDecls.add(s);
                hoisted.add(new Stmt.Decl(d.var(), new Expr.Literal(d.var().type().zero(), d.var().type()), null));
            }
        } else if (s instanceof Stmt.Block b) {
            b.stmts().forEach(x -> collectNested(x, false));
        } else if (s instanceof Stmt.If f) {
            collectNested(f.then(), false);
            collectNested(f.otherwise(), false);
        }
    }

    private Set<Var> overwrittenVars() {
        Set<Var> out = new HashSet<>();
        IrWalk.forEachStmt(lowered.body(), s -> {
            if (s instanceof Stmt.Assign a && a.target() instanceof Expr.VarRef r) {
                out.add(r.var());
            }
        });
        return out;
    }

    private void planBranches(Stmt.Block body) {
        Set<Var> overwritten = overwrittenVars();
        IrWalk.forEachStmt(body, s -> {
            if (s instanceof Stmt.If f) {
                boolean stable = !IrWalk.hasCall(f.condition())
                        && IrWalk.varsRead(f.condition()).stream().noneMatch(overwritten::contains);
                if (!stable) {
                    Var flag = new Var(names.fresh("branch"), Type.BOOLEAN);
                    branchFlags.put(s, flag);
                    hoisted.add(new Stmt.Decl(flag, new Expr.Literal("false", Type.BOOLEAN), null));
                }
            }
        });
    }

    private void planSaves(Stmt.Block body, Set<Var> read) {
        IrWalk.forEachStmt(body, s -> {
            if (s instanceof Stmt.Assign a && a.target() instanceof Expr.VarRef r && read.contains(r.var())) {
                Var slot = new Var(names.fresh(r.var().name() + "_saved"), r.var().type());
                saveSlots.put(s, slot);
                hoisted.add(new Stmt.Decl(slot, new Expr.Literal(slot.type().zero(), slot.type()), null));
            }
        });
    }

    private Set<Var> primalReads(List<Stmt> code) {
        Set<Var> out = new HashSet<>();
        for (Stmt s : code) {
            IrWalk.forEachStmt(s, x -> {
                Expr value = x instanceof Stmt.Decl d ? d.init() : x instanceof Stmt.Assign a ? a.value()
                        : x instanceof Stmt.If f ? f.condition() : x instanceof Stmt.ExprStmt e ? e.expr() : null;
                if (value != null) {
                    IrWalk.varsRead(value).stream().filter(primal::contains).forEach(out::add);
                }
            });
        }
        return out;
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
            if (!nestedDecls.contains(s)) {
                // a local declared without a value starts at zero here: the saves before its
                // assignments then read a definitely assigned variable
                out.add(d.init() != null ? s : new Stmt.Decl(d.var(),
                        new Expr.Literal(d.var().type().zero(), d.var().type()), d.pos()));
            } else if (d.init() != null) {
                out.add(new Stmt.Assign(Build.ref(d.var()), AssignOp.SET, d.init(), d.pos()));
            }
        } else if (s instanceof Stmt.Assign a) {
            Var slot = saveSlots.get(s);
            if (slot != null) {
                out.add(new Stmt.Assign(Build.ref(slot), AssignOp.SET, a.target(), a.pos()));
            }
            out.add(s);
        } else if (s instanceof Stmt.If f) {
            Var flag = branchFlags.get(s);
            Expr cond = f.condition();
            if (flag != null) {
                out.add(new Stmt.Assign(Build.ref(flag), AssignOp.SET, cond, f.pos()));
                cond = Build.ref(flag);
            }
            out.add(new Stmt.If(cond, new Stmt.Block(forward(f.then().stmts())),
                    new Stmt.Block(forward(f.otherwise().stmts())), f.pos()));
        } else if (s instanceof Stmt.Block b) {
            out.addAll(forward(b.stmts()));
        } else if (s instanceof Stmt.ExprStmt) {
            out.add(s);
        } else {
            throw new IllegalStateException("unexpected statement in lowered code: " + s);
        }
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
        if (s instanceof Stmt.Decl d) {
            if (d.init() != null && activity.isActive(d.var())) {
                AdjointPropagator p = propagator(s, out);
                Var adj = adjoints.get(d.var());
                if (IrWalk.reads(d.init(), d.var())) {
                    throw new IllegalStateException("a declaration reads itself: " + d);
                }
                p.knownValue(d.init(), d.var());
                p.propagate(d.init(), Build.ref(adj));
            }
        } else if (s instanceof Stmt.Assign a && a.target() instanceof Expr.VarRef r) {
            backwardAssign(a, r.var(), out);
        } else if (s instanceof Stmt.If f) {
            Var flag = branchFlags.get(s);
            Expr cond = flag != null ? Build.ref(flag) : f.condition();
            List<Stmt> then = backward(f.then().stmts());
            List<Stmt> otherwise = backward(f.otherwise().stmts());
            if (!then.isEmpty() || !otherwise.isEmpty()) {
                out.add(new Stmt.If(cond, new Stmt.Block(then), new Stmt.Block(otherwise), f.pos()));
            }
        } else if (s instanceof Stmt.Block b) {
            out.addAll(backward(b.stmts()));
        } else if (!(s instanceof Stmt.ExprStmt)) {
            throw new IllegalStateException("unexpected statement in lowered code: " + s);
        }
    }

    private void backwardAssign(Stmt.Assign a, Var v, List<Stmt> out) {
        Var slot = saveSlots.get(a);
        if (slot != null) {
            out.add(new Stmt.Assign(Build.ref(v), AssignOp.SET, Build.ref(slot), a.pos()));
        }
        if (!activity.isActive(v)) {
            return;
        }
        AdjointPropagator p = propagator(a, out);
        Var adj = adjoints.get(v);
        if (v == lowered.result()) {
            p.knownValue(a.value(), v);
            p.propagate(a.value(), Build.ref(adj));
            return;
        }
        if (slot == null && a.op() == AssignOp.SET && !IrWalk.reads(a.value(), v)) {
            p.knownValue(a.value(), v);
        }
        boolean readsItself = IrWalk.reads(a.value(), v);
        switch (a.op()) {
            case ADD, SUB -> {
                Expr incoming = Build.ref(adj);
                if (readsItself) {
                    incoming = Build.ref(copyAdjoint(adj, a, out));
                }
                p.propagate(a.value(), a.op() == AssignOp.SUB ? Build.neg(incoming) : incoming);
            }
            default -> {
                Expr rhs = a.op() == AssignOp.SET ? a.value()
                        : new Expr.Binary(a.op().binary().orElseThrow(), Build.ref(v), a.value(), Type.DOUBLE);
                if (IrWalk.reads(rhs, v)) {
                    Var incoming = copyAdjoint(adj, a, out);
                    out.add(new Stmt.Assign(Build.ref(adj), AssignOp.SET, Build.ZERO, a.pos()));
                    p.propagate(rhs, Build.ref(incoming));
                } else {
                    p.propagate(rhs, Build.ref(adj));
                    out.add(new Stmt.Assign(Build.ref(adj), AssignOp.SET, Build.ZERO, a.pos()));
                }
            }
        }
    }

    private Var copyAdjoint(Var adj, Stmt at, List<Stmt> out) {
        Var copy = new Var(scratch.fresh(adj.name() + "_in"), Type.DOUBLE);
        out.add(new Stmt.Decl(copy, Build.ref(adj), at.pos()));
        return copy;
    }

    private AdjointPropagator propagator(Stmt at, List<Stmt> out) {
        return new AdjointPropagator(activity, scratch, adjoints::get, at.pos(), out);
    }
}
