package org.cotangent.processor.transform.reverse;

import org.cotangent.processor.naming.RuntimeMethod;
import org.cotangent.processor.analysis.ArrayWrites;
import org.cotangent.processor.analysis.PooledArrays;
import org.cotangent.processor.ir.AssignOp;
import org.cotangent.processor.ir.Build;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.GeneratedMethod;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.Var;
import org.cotangent.processor.naming.Names;
import org.cotangent.processor.transform.InputChecks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.cotangent.processor.transform.reverse.ReverseContext.intLit;
import static org.cotangent.processor.transform.reverse.ReverseContext.zero;

/**
 * Puts a {@code _vjp} together from its two sweeps: the argument checks, the declarations the plan
 * hoisted, the forward sweep, the backward sweep, the adjoints added into the caller's accumulators,
 * the arrays the method writes restored to how it left them, and the tape taken and released.
 */
final class VjpAssembler {
    private final ReverseContext ctx;
    private final ReversePlan plan;

    VjpAssembler(ReverseContext ctx, ReversePlan plan) {
        this.ctx = ctx;
        this.plan = plan;
    }

    static GeneratedMethod assemble(ReverseContext ctx, ReversePlan plan, List<Stmt> forward, List<Stmt> backward) {
        return new VjpAssembler(ctx, plan).assemble(forward, backward);
    }

    private GeneratedMethod assemble(List<Stmt> forward, List<Stmt> backward) {
        int pooled = takeFromPool(forward, PooledArrays.of(ctx.body()));
        List<GeneratedMethod.Param> params = new ArrayList<>();
        for (Var p : ctx.fn.params()) {
            params.add(new GeneratedMethod.Param(p.type().javaName(), p.name()));
        }
        if (!ctx.isVoid()) {
            params.add(new GeneratedMethod.Param(ctx.seed.type().javaName(), ctx.seed.name()));
        }
        for (Var acc : ctx.accumulators.values()) {
            params.add(new GeneratedMethod.Param(acc.type().javaName(), acc.name()));
        }

        List<Stmt> body = new ArrayList<>(InputChecks.of(ctx.fn));
        for (Map.Entry<Var, Var> e : ctx.accumulators.entrySet()) {
            body.add(check(e.getKey(), e.getValue()));
        }
        int tapeDeclaration = body.size();
        if (!ctx.isVoid()) {
            body.add(new Stmt.Decl(ctx.result(), zero(ctx.result().type()), null));
        }
        if (ctx.isVectorValued() && ctx.adjoints.containsKey(ctx.result())) {
            body.add(new Stmt.Decl(ctx.adjoints.get(ctx.result()), zero(ctx.result().type()), null));
        }
        declareBeforeForward(body, forward, backward);
        if (!plan.fused.isEmpty()) {
            // adjoints of fused loops live in the forward sweep too
            declareScalarAdjoints(body);
        }
        body.add(new Stmt.Comment("forward sweep"));
        body.addAll(forward);
        // The backward sweep puts overwritten elements back; parameters must end as the method left them.
        List<Var[]> finals = new ArrayList<>();
        Set<Var> written = ArrayWrites.variables(ctx.body());
        for (Var p : ctx.fn.params()) {
            boolean keepable = p.type().base() == Type.Base.DOUBLE || p.type().equals(new Type(Type.Base.INT, 1));
            boolean restored = plan.elementsSaved(p.type().base()) || ArrayWrites.byCallOf(ctx.body(), p.type().base());
            if (p.type().rank() > 0 && written.contains(p) && restored && keepable) {
                body.add(new Stmt.ExprStmt(RuntimeMethod.KEEP.on(ctx.tape.name(), List.of(Build.ref(p)),
                        Type.VOID), null));
                finals.add(0, new Var[] {p});
            } else if (p.type().rank() > 0 && written.contains(p) && restored) {
                Var snapshot = new Var(ctx.names.fresh(Names.finalContents(p.name())), p.type());
                body.add(new Stmt.Decl(snapshot, RuntimeMethod.COPY_OF.call(List.of(Build.ref(p)),
                        p.type()), null));
                finals.add(new Var[] {p, snapshot});
            }
        }
        if (ctx.isVectorValued()) {
            body.add(new Stmt.ExprStmt(RuntimeMethod.CHECK_SEED.call(List.of(Build.ref(ctx.seed),
                    new Expr.Length(Build.ref(ctx.result())), new Expr.Literal("\"" + ctx.seed.name() + "\"",
                            Type.named("String"))), Type.VOID), null));
            if (plan.elementsSaved(Type.Base.DOUBLE)) {
                body.add(new Stmt.ExprStmt(RuntimeMethod.KEEP.on(ctx.tape.name(), List.of(Build.ref(ctx.result())),
                        Type.VOID), null));
                finals.add(0, new Var[] {ctx.result()});
            }
        }
        body.add(new Stmt.Comment("backward sweep"));
        if (plan.fused.isEmpty()) {
            declareScalarAdjoints(body);
        }
        if (ctx.isVectorValued() && ctx.adjoints.containsKey(ctx.result())) {
            body.add(new Stmt.ExprStmt(RuntimeMethod.ADD_INTO.call(
                    List.of(Build.ref(ctx.adjoints.get(ctx.result())), Build.ref(ctx.seed)), Type.VOID), null));
        }
        body.addAll(backward);
        addIntoAccumulators(body);
        for (Var[] f : finals) {
            body.add(f.length == 1
                    ? new Stmt.ExprStmt(RuntimeMethod.RESTORE_KEPT.on(ctx.tape.name(), List.of(Build.ref(f[0])),
                            Type.VOID), null)
                    : new Stmt.ExprStmt(RuntimeMethod.COPY_INTO.call(
                            List.of(Build.ref(f[0]), Build.ref(f[1])), Type.VOID), null));
        }
        if (pooled > 0) {
            body.add(new Stmt.ExprStmt(RuntimeMethod.RELEASE_ARRAYS.on(ctx.tape.name(), List.of(intLit(pooled)),
                    Type.VOID), null));
        }
        if (!ctx.isVoid()) {
            body.add(new Stmt.Return(Build.ref(ctx.result()), null));
        }
        if (usesTape(body)) {
            body.add(tapeDeclaration, new Stmt.Decl(ctx.tape, RuntimeMethod.TAPE_GET.call(List.of(), ctx.tape.type()),
                    null));
        }
        return new GeneratedMethod(Names.vjp(ctx.fn.name()), javadoc(), ctx.fn.returnType().javaName(), params,
                new Stmt.Block(body));
    }

    /** Adds the adjoints of the differentiated parameters that are not their accumulators into them. */
    void addIntoAccumulators(List<Stmt> body) {
        for (Map.Entry<Var, Var> e : ctx.accumulators.entrySet()) {
            Var adj = ctx.adjoints.get(e.getKey());
            if (adj == null) {
                continue;
            }
            if (e.getKey().type().rank() == 0) {
                body.add(new Stmt.Assign(new Expr.ArrayAccess(Build.ref(e.getValue()), intLit(0), Type.DOUBLE),
                        AssignOp.ADD, Build.ref(adj), null));
            } else if (ctx.separateParamAdjoints.contains(e.getKey())) {
                body.add(new Stmt.ExprStmt(RuntimeMethod.ADD_INTO.call(
                        List.of(Build.ref(e.getValue()), Build.ref(adj)), Type.VOID), null));
            }
        }
    }

    /** The used hoisted declarations, and the parameter adjoints that are locals of their own. */
    void declareBeforeForward(List<Stmt> body, List<Stmt> forward, List<Stmt> backward) {
        Set<Var> used = new HashSet<>();
        for (Stmt s : forward) {
            collectVars(s, used);
        }
        for (Stmt s : backward) {
            collectVars(s, used);
        }
        for (Stmt h : plan.hoisted) {
            if (used.contains(((Stmt.Decl) h).var())) {
                body.add(h);
            }
        }
        for (Map.Entry<Var, Var> e : ctx.adjoints.entrySet()) {
            Var p = e.getKey();
            if (ctx.separateParamAdjoints.contains(p)) {
                body.add(new Stmt.Decl(e.getValue(), RuntimeMethod.ZEROS_LIKE.call(
                        List.of(Build.ref(p)), p.type()), null));
            }
        }
    }

    /**
     * Rewrites, in the top level of {@code forward}, the creation of each array of {@code pooled}
     * and of its adjoint to take a zeroed array of the same length from the tape's pool (released at
     * the end of the method), so that steady-state calls allocate nothing; returns how many arrays
     * are taken.
     */
    int takeFromPool(List<Stmt> forward, Set<Var> pooled) {
        int taken = 0;
        for (int i = 0; i < forward.size(); i++) {
            if (!(forward.get(i) instanceof Stmt.Decl d) || d.init() == null) {
                continue;
            }
            Var primal = pooled.contains(d.var()) ? d.var() : null;
            for (Var v : pooled) {
                if (d.var().equals(ctx.adjoints.get(v))) {
                    primal = v;
                }
            }
            if (primal == null) {
                continue;
            }
            Expr array;
            if (primal == d.var() && d.init() instanceof Expr.Clone c) {
                array = RuntimeMethod.POOLED_COPY.on(ctx.tape.name(), List.of(c.array()), d.var().type());
            } else {
                Expr length = primal != d.var() ? new Expr.Length(Build.ref(primal))
                        : d.init() instanceof Expr.NewArray n ? n.dimensions().get(0)
                        : intLit(((Expr.ArrayLiteral) d.init()).elements().size());
                array = RuntimeMethod.POOLED_DOUBLES.on(ctx.tape.name(), List.of(length), d.var().type());
            }
            forward.set(i, new Stmt.Decl(d.var(), array, d.pos()));
            if (primal == d.var() && d.init() instanceof Expr.ArrayLiteral l) {
                for (int k = 0; k < l.elements().size(); k++) {
                    forward.add(i + 1 + k, new Stmt.Assign(new Expr.ArrayAccess(Build.ref(d.var()), intLit(k),
                            Type.DOUBLE), AssignOp.SET, l.elements().get(k), null));
                }
            }
            taken++;
        }
        return taken;
    }

    private Stmt check(Var param, Var acc) {
        Expr shape = param.type().rank() == 0 ? intLit(1)
                : param.type().rank() == 1 ? new Expr.Length(Build.ref(param)) : Build.ref(param);
        return new Stmt.ExprStmt(RuntimeMethod.CHECK_ACCUMULATOR.call(List.of(Build.ref(acc), shape,
                new Expr.Literal("\"" + acc.name() + "\"", new Type(Type.Base.OTHER, 0))), Type.VOID), null);
    }

    private String javadoc() {
        if (ctx.isVoid()) {
            List<String> list = new ArrayList<>();
            ctx.accumulators.values().forEach(a -> list.add("{@code " + a.name() + "}"));
            return "Reverse mode (vector-Jacobian product) of {@link " + ctx.fn.ownerClass() + "#" + ctx.fn.name()
                    + "}: runs it, writing its arrays as it does, and propagates the adjoints in "
                    + (list.isEmpty() ? "no accumulator" : String.join(", ", list)) + ".\n"
                    + "The accumulator of an array the method writes holds, on entry, the adjoint of its final "
                    + "contents and, on exit, the adjoint with respect to its contents on entry; every other "
                    + "accumulator is added to.";
        }
        List<String> list = new ArrayList<>();
        for (Map.Entry<Var, Var> e : ctx.accumulators.entrySet()) {
            list.add("{@code " + e.getValue().name() + (e.getKey().type().rank() == 0 ? "[0]" : "") + "}");
        }
        String accs = list.isEmpty() ? "no accumulator" : String.join(", ", list);
        if (ctx.isVectorValued()) {
            return "Reverse mode (vector-Jacobian product) of {@link " + ctx.fn.ownerClass() + "#" + ctx.fn.name()
                    + "}: adds {@code " + ctx.seed.name() + "^T J} into " + accs + ", and returns the value of "
                    + ctx.fn.name() + ".\n{@code " + ctx.seed.name() + "} has the length of the result; accumulators are "
                    + "added to, never overwritten.";
        }
        return "Reverse mode (vector-Jacobian product) of {@link " + ctx.fn.ownerClass() + "#" + ctx.fn.name()
                + "}: adds {@code " + ctx.seed.name() + "} times the gradient into " + accs
                + ", and returns the value of " + ctx.fn.name() + ".\n"
                + "Accumulators are added to, never overwritten: a double parameter's has length 1, an array "
                + "parameter's has its shape.";
    }

    /**
     * Whether the finished body calls the tape: only then is it declared (and framed by
     * {@code enter}/{@code leave}). Asked of the code itself, not of the plan, so that a save the
     * plan made and a sweep then dropped costs nothing.
     */
    boolean usesTape(List<Stmt> body) {
        boolean[] found = {false};
        for (Stmt s : body) {
            IrWalk.forEachStmt(s, x -> {
                for (Expr e : IrWalk.ownExprs(x)) {
                    IrWalk.forEachExpr(e, y -> found[0] |= y instanceof Expr.StaticCall c
                            && ctx.tape.name().equals(c.owner()));
                }
            });
        }
        return found[0];
    }

    void declareScalarAdjoints(List<Stmt> body) {
        for (Map.Entry<Var, Var> e : ctx.adjoints.entrySet()) {
            if (e.getKey() != ctx.result() && e.getKey().type().rank() == 0) {
                body.add(new Stmt.Decl(e.getValue(), Build.ZERO, null));
            }
        }
    }

    static void collectVars(Stmt s, Set<Var> out) {
        IrWalk.forEachStmt(s, x -> {
            for (Expr e : IrWalk.ownExprs(x)) {
                out.addAll(IrWalk.varsRead(e));
            }
            if (x instanceof Stmt.CountedLoop c) {
                out.add(c.counter());
            }
        });
    }
}
