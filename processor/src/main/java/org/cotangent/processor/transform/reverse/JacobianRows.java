package org.cotangent.processor.transform.reverse;

import org.cotangent.processor.analysis.ArrayWrites;
import org.cotangent.processor.analysis.PooledArrays;
import org.cotangent.processor.ir.AssignOp;
import org.cotangent.processor.ir.BinaryOp;
import org.cotangent.processor.ir.Build;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.GeneratedMethod;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.Var;
import org.cotangent.processor.naming.Names;
import org.cotangent.processor.naming.RuntimeClasses;
import org.cotangent.processor.naming.RuntimeMethod;
import org.cotangent.processor.transform.GradWrapper;
import org.cotangent.processor.transform.InputChecks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.cotangent.processor.transform.reverse.ReverseContext.intLit;
import static org.cotangent.processor.transform.reverse.ReverseContext.zero;

/**
 * The {@code _jacobian} of a vector-valued method in vector reverse mode: one forward sweep, then
 * its backward sweep once per output {@code i}, seeded with the unit vector {@code e_i}, each
 * writing row {@code i}. The rows share everything the forward sweep computed; each backward sweep
 * starts from the primal state the forward sweep left (what a backward sweep puts back, it copies
 * again before the next one) and from zero adjoints. Against {@code m} calls of {@code _vjp} this
 * saves {@code m - 1} forward sweeps, the argument checks and the tape frames of every call.
 *
 * <p>Only when a backward sweep can run again that way: it only pops from the tape (the tape is
 * rewound to where the forward sweep left it before each row: {@code Tape.mark}/{@code rewind}),
 * and then calls nothing but the runtime; it pushes nothing, so no checkpointed loop; no loop is
 * fused into the forward sweep, no call writes an array, the method writes none of its array
 * parameters, and every array adjoint the sweep uses outside its own declarations is declared at
 * the top of the forward sweep. Otherwise {@code _jacobian} calls
 * {@code _vjp} once per row, as {@link GradWrapper#vectorJacobian} writes it.
 */
final class JacobianRows {
    private final ReverseContext ctx;
    private final ReversePlan plan;

    private JacobianRows(ReverseContext ctx, ReversePlan plan) {
        this.ctx = ctx;
        this.plan = plan;
    }

    /** The {@code _jacobian} of a vector-valued method from its two sweeps, or null when a backward sweep cannot be repeated. */
    static GeneratedMethod of(ReverseContext ctx, ReversePlan plan, List<Stmt> forward, List<Stmt> backward) {
        if (!ctx.isVectorValued() || !plan.fused.isEmpty()) {
            return null;
        }
        return new JacobianRows(ctx, plan).assemble(new ArrayList<>(forward), backward);
    }

    private GeneratedMethod assemble(List<Stmt> forward, List<Stmt> backward) {
        TapeUse tape = tapeUse(backward);
        if (tape == TapeUse.OTHER || writesInputsOrByCall()) {
            return null;
        }
        Set<Var> inBackward = declaredIn(backward);
        Map<Var, Var> kept = primalStateChanged(backward, inBackward);
        List<Var> zeroed = adjointArraysToZero(forward, backward, inBackward);
        if (kept == null || zeroed == null) {
            return null;
        }
        VjpAssembler parts = new VjpAssembler(ctx, plan);
        int pooled = parts.takeFromPool(forward, PooledArrays.of(ctx.body()));
        Var result = ctx.result();
        Var resultAdj = ctx.adjoints.get(result);
        List<Stmt> body = new ArrayList<>(InputChecks.of(ctx.fn));
        List<Var> holders = new ArrayList<>();
        for (Map.Entry<Var, Var> e : ctx.accumulators.entrySet()) {
            body.add(new Stmt.Decl(e.getValue(), GradWrapper.zeros(e.getKey()), null));
            holders.add(e.getValue());
        }
        int tapeDeclaration = body.size();
        body.add(new Stmt.Decl(result, zero(result.type()), null));
        if (resultAdj != null) {
            body.add(new Stmt.Decl(resultAdj, zero(result.type()), null));
        }
        parts.declareBeforeForward(body, forward, backward);
        body.add(new Stmt.Comment("forward sweep"));
        body.addAll(forward);

        Var m = new Var(ctx.names.fresh("m"), Type.INT);
        Var n = new Var(ctx.names.fresh("n"), Type.INT);
        Var jacobian = new Var(ctx.names.fresh("jacobian"), Type.DOUBLE_MATRIX);
        body.add(new Stmt.Decl(m, new Expr.Length(Build.ref(result)), null));
        body.add(new Stmt.Decl(n, GradWrapper.flatSize(ctx.fn), null));
        body.add(new Stmt.Decl(jacobian, new Expr.NewArray(Type.DOUBLE_MATRIX, List.of(Build.ref(m),
                Build.ref(n))), null));
        body.add(new Stmt.Comment("n forward-mode sweeps when n <= m, else one backward sweep per row"));
        List<Stmt> byRows = new ArrayList<>();
        Set<Var> nullable = nullable(body);
        for (Map.Entry<Var, Var> e : kept.entrySet()) {
            Var v = e.getKey();
            Expr copy = v.type().rank() == 0 ? Build.ref(v)
                    : RuntimeMethod.COPY_OF.call(List.of(Build.ref(v)), v.type());
            if (nullable.contains(v)) {
                // an array the forward sweep may never have created (declared in a branch not taken)
                copy = new Expr.Conditional(isNullRef(v, BinaryOp.EQ), new Expr.Literal("null", v.type()), copy,
                        v.type());
            }
            byRows.add(new Stmt.Decl(e.getValue(), copy, null));
        }
        if (tape == TapeUse.POPS) {
            byRows.add(new Stmt.ExprStmt(RuntimeMethod.MARK.on(ctx.tape.name(), List.of(), Type.VOID), null));
        }
        Var i = new Var(ctx.names.fresh("i"), Type.INT);
        List<Stmt> row = new ArrayList<>();
        if (tape == TapeUse.POPS) {
            row.add(new Stmt.ExprStmt(RuntimeMethod.REWIND.on(ctx.tape.name(), List.of(), Type.VOID), null));
        }
        for (Map.Entry<Var, Var> e : kept.entrySet()) {
            Stmt restore = e.getKey().type().rank() == 0
                    ? new Stmt.Assign(Build.ref(e.getKey()), AssignOp.SET, Build.ref(e.getValue()), null)
                    : new Stmt.ExprStmt(RuntimeMethod.COPY_INTO.call(List.of(Build.ref(e.getKey()),
                            Build.ref(e.getValue())), Type.VOID), null);
            if (nullable.contains(e.getKey())) {
                restore = new Stmt.If(isNullRef(e.getValue(), BinaryOp.NE), new Stmt.Block(List.of(restore)),
                        new Stmt.Block(List.of()), null);
            }
            row.add(restore);
        }
        List<Var> cleared = new ArrayList<>(holders);
        zeroed.stream().filter(v -> !cleared.contains(v)).forEach(cleared::add);
        if (!cleared.isEmpty()) {
            row.add(new Stmt.ExprStmt(RuntimeMethod.JACOBIAN_ZERO.call(GradWrapper.objectArgs(cleared), Type.VOID),
                    null));
        }
        if (resultAdj != null) {
            row.add(new Stmt.Assign(new Expr.ArrayAccess(Build.ref(resultAdj), Build.ref(i), Type.DOUBLE),
                    AssignOp.ADD, new Expr.Literal("1.0", Type.DOUBLE), null));
        }
        row.add(new Stmt.Comment("backward sweep"));
        parts.declareScalarAdjoints(row);
        row.addAll(backward);
        parts.addIntoAccumulators(row);
        if (!holders.isEmpty()) {
            List<Expr> args = new ArrayList<>();
            args.add(new Expr.ArrayAccess(Build.ref(jacobian), Build.ref(i), Type.DOUBLE_ARRAY));
            args.addAll(GradWrapper.objectArgs(holders));
            row.add(new Stmt.ExprStmt(RuntimeMethod.JACOBIAN_FLATTEN.call(args, Type.VOID), null));
        }
        byRows.add(new Stmt.CountedLoop(i, intLit(0), Build.ref(m), true, new Stmt.Block(row), null));
        if (tape == TapeUse.POPS) {
            byRows.add(new Stmt.ExprStmt(RuntimeMethod.RELEASE_MARK.on(ctx.tape.name(), List.of(), Type.VOID), null));
        }
        body.add(new Stmt.If(new Expr.Binary(BinaryOp.LE, Build.ref(n), Build.ref(m), Type.BOOLEAN),
                new Stmt.Block(GradWrapper.columnsByJvp(ctx.fn, ctx.names, jacobian, n)), new Stmt.Block(byRows),
                null));
        if (pooled > 0) {
            body.add(new Stmt.ExprStmt(RuntimeMethod.RELEASE_ARRAYS.on(ctx.tape.name(), List.of(intLit(pooled)),
                    Type.VOID), null));
        }
        body.add(new Stmt.Return(Build.ref(jacobian), null));
        if (parts.usesTape(body)) {
            body.add(tapeDeclaration, new Stmt.Decl(ctx.tape, RuntimeMethod.TAPE_GET.call(List.of(), ctx.tape.type()),
                    null));
        }
        List<GeneratedMethod.Param> params = new ArrayList<>();
        ctx.fn.params().forEach(p -> params.add(new GeneratedMethod.Param(p.type().javaName(), p.name())));
        return new GeneratedMethod(Names.jacobian(ctx.fn.name()), "The Jacobian of {@link " + ctx.fn.ownerClass()
                + "#" + ctx.fn.name() + "}: {@code J[i][j] = d out_i / d in_j}, inputs " + GradWrapper.wrtList(ctx.fn)
                + " flattened in declaration order (row-major for matrices); one forward sweep, then n "
                + "forward-mode sweeps when n <= m, else one backward sweep per row.", "double[][]", params,
                new Stmt.Block(body));
    }

    /** What a backward sweep may ask of the tape and still run once per row: pops, rewound before each row. */
    private static final Set<RuntimeMethod> POPS = Set.of(RuntimeMethod.POP_DOUBLE, RuntimeMethod.POP_INT,
            RuntimeMethod.POP_LONG, RuntimeMethod.POP_BOOLEAN, RuntimeMethod.POP_ALL);
    /** Runtime methods that write into their first argument. */
    private static final Set<RuntimeMethod> WRITE_FIRST = Set.of(RuntimeMethod.POP_ALL, RuntimeMethod.COPY_INTO,
            RuntimeMethod.ADD_INTO, RuntimeMethod.PUT);

    /**
     * How the backward sweep uses the tape: {@code NONE}, {@code POPS} (only pops, and nothing else
     * in it could push: no call but to the runtime), or {@code OTHER} (it pushes, checkpoints,
     * releases cells, pops references or calls code that may take the tape).
     */
    private enum TapeUse { NONE, POPS, OTHER }

    private TapeUse tapeUse(List<Stmt> backward) {
        boolean[] pops = {false};
        boolean[] other = {false};
        boolean[] calls = {false};
        for (Stmt s : backward) {
            IrWalk.forEachStmt(s, x -> {
                for (Expr e : IrWalk.ownExprs(x)) {
                    IrWalk.forEachExpr(e, y -> {
                        if (y instanceof Expr.Call) {
                            calls[0] = true;
                        } else if (y instanceof Expr.StaticCall c) {
                            RuntimeMethod m = RuntimeMethod.of(c, ctx.tape.name()).orElse(null);
                            if (ctx.tape.name().equals(c.owner())) {
                                if (m != null && POPS.contains(m)) {
                                    pops[0] = true;
                                } else {
                                    other[0] = true;
                                }
                            } else if (m == null || m.owner().equals(RuntimeClasses.FIELDS)) {
                                calls[0] = true;
                            }
                        }
                    });
                }
            });
        }
        if (other[0] || pops[0] && calls[0]) {
            return TapeUse.OTHER;
        }
        return pops[0] ? TapeUse.POPS : TapeUse.NONE;
    }

    /** Whether the method writes an array parameter, or calls something that writes an array. */
    private boolean writesInputsOrByCall() {
        Set<Var> written = ArrayWrites.variables(ctx.body());
        if (ctx.fn.params().stream().anyMatch(written::contains)) {
            return true;
        }
        boolean[] found = {false};
        IrWalk.forEachStmt(ctx.body(), s -> {
            for (Expr own : IrWalk.ownExprs(s)) {
                IrWalk.forEachExpr(own, e -> found[0] |= !ArrayWrites.byCall(e).isEmpty());
            }
        });
        return found[0];
    }

    private static Set<Var> declaredIn(List<Stmt> stmts) {
        Set<Var> out = new HashSet<>();
        stmts.forEach(s -> out.addAll(IrWalk.declaredIn(s)));
        return out;
    }

    /**
     * The variables other than adjoints the backward sweep assigns (whole or by element) and does not
     * declare: the user's and loop trip counts, each with the variable
     * that keeps its value at the end of the forward sweep; null when one of them cannot be kept
     * (an array of arrays, or an array variable the sweep points elsewhere).
     */
    private Map<Var, Var> primalStateChanged(List<Stmt> backward, Set<Var> inBackward) {
        Map<Var, Var> out = new LinkedHashMap<>();
        Set<Var> adjoints = new HashSet<>(ctx.adjoints.values());
        adjoints.addAll(ctx.accumulators.values());
        boolean[] ok = {true};
        for (Stmt s : backward) {
            IrWalk.forEachStmt(s, x -> {
                List<Expr[]> targets = new ArrayList<>();
                if (x instanceof Stmt.Assign a) {
                    targets.add(new Expr[] {a.target()});
                }
                for (Expr own : IrWalk.ownExprs(x)) {
                    IrWalk.forEachExpr(own, e -> {
                        List<Expr> written = new ArrayList<>(ArrayWrites.byCall(e));
                        if (e instanceof Expr.StaticCall c && !c.args().isEmpty() && RuntimeMethod.of(c,
                                ctx.tape.name()).filter(WRITE_FIRST::contains).isPresent()) {
                            written.add(c.args().get(0));
                        }
                        written.forEach(w -> targets.add(new Expr[] {new Expr.ArrayAccess(w, intLit(0),
                                Type.DOUBLE)}));
                    });
                }
                for (Expr[] t : targets) {
                    Var root = IrWalk.rootVar(t[0]);
                    // not only the user's variables: the trip counts of loops the sweep counts down too
                    if (root == null || inBackward.contains(root) || adjoints.contains(root)) {
                        continue;
                    }
                    boolean whole = t[0] instanceof Expr.VarRef;
                    boolean flat = root.type().rank() == 1 && root.type().base() != Type.Base.OTHER;
                    if (whole ? root.type().rank() > 0 : !flat) {
                        ok[0] = false;
                    } else if (!out.containsKey(root)) {
                        out.put(root, new Var(ctx.names.fresh(Names.finalContents(root.name())), root.type()));
                    }
                }
            });
        }
        return ok[0] ? out : null;
    }

    /**
     * The array adjoints the backward sweep uses that are not its own locals nor accumulators, each
     * declared at the top of the forward sweep (or the result's adjoint, set once there): they are
     * zeroed before every row. Null when one of them is declared elsewhere.
     */
    private List<Var> adjointArraysToZero(List<Stmt> forward, List<Stmt> backward, Set<Var> inBackward) {
        Set<Var> adjoints = new HashSet<>(ctx.adjoints.values());
        Set<Var> used = new LinkedHashSet<>();
        for (Stmt s : backward) {
            VjpAssembler.collectVars(s, used);
        }
        Set<Var> atTop = new HashSet<>();
        Map<Var, Integer> wholeWrites = new LinkedHashMap<>();
        for (Stmt s : forward) {
            if (s instanceof Stmt.Decl d && d.init() != null && !isNull(d.init())) {
                atTop.add(d.var());
            }
            IrWalk.forEachStmt(s, x -> {
                Var target = IrWalk.wholeTarget(x);
                if (target != null) {
                    wholeWrites.merge(target, 1, Integer::sum);
                }
            });
        }
        Var resultAdj = ctx.adjoints.get(ctx.result());
        if (resultAdj != null && forward.stream().anyMatch(s -> IrWalk.wholeTarget(s) == resultAdj)) {
            atTop.add(resultAdj);
        }
        Set<Var> separate = new HashSet<>();
        ctx.separateParamAdjoints.forEach(p -> separate.add(ctx.adjoints.get(p)));
        List<Var> out = new ArrayList<>();
        for (Var v : used) {
            if (!adjoints.contains(v) || v.type().rank() == 0 || inBackward.contains(v)
                    || ctx.accumulators.containsValue(v)) {
                continue;
            }
            if (separate.contains(v)) {
                out.add(v);
            } else if (atTop.contains(v) && wholeWrites.getOrDefault(v, 0) == 1) {
                out.add(v);
            } else {
                return null;
            }
        }
        if (resultAdj != null && !out.contains(resultAdj)) {
            if (!atTop.contains(resultAdj) || wholeWrites.getOrDefault(resultAdj, 0) != 1) {
                return null;
            }
            out.add(resultAdj);
        }
        return out;
    }

    /** The arrays declared as {@code null} before or in the forward sweep, to be created later (in a branch). */
    private static Set<Var> nullable(List<Stmt> stmts) {
        Set<Var> out = new HashSet<>();
        for (Stmt s : stmts) {
            IrWalk.forEachStmt(s, x -> {
                if (x instanceof Stmt.Decl d && d.var().type().rank() > 0 && (d.init() == null || isNull(d.init()))) {
                    out.add(d.var());
                }
            });
        }
        return out;
    }

    private static Expr isNullRef(Var v, BinaryOp op) {
        return new Expr.Binary(op, Build.ref(v), new Expr.Literal("null", v.type()), Type.BOOLEAN);
    }

    private static boolean isNull(Expr e) {
        return e instanceof Expr.Literal l && "null".equals(l.text());
    }
}
