package org.cotangent.processor.transform.forward;

import org.cotangent.processor.naming.RuntimeMethod;
import org.cotangent.processor.naming.RuntimeClasses;

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
import org.cotangent.processor.naming.Names;
import org.cotangent.processor.rules.ChainRule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Second order, forward over reverse: applies forward mode to a generated {@code _vjp} (its IR,
 * before printing), giving {@code f_vjpTangent}. Along a direction {@code v} of the inputs, the
 * tangents of the adjoints it accumulates are Hessian-vector products.
 *
 * <p>Every floating variable of the reverse code gets a tangent (no activity analysis: the reverse
 * code's variables are adjoints, saved values and temporaries, nearly all of which vary). The tape
 * carries each value's tangent right after the value; pullbacks of callees become calls of their
 * own {@code _vjpTangent}; the runtime's first-partial helpers get their partials from
 * {@code DerivativeRules.primitivePartial}, through {@link ChainRule}.
 */
public final class ReverseTangent {
    private final Function fn;
    private final GeneratedMethod vjp;
    private final Names names;
    private final Map<String, Var> tangents = new HashMap<>();
    private final Set<String> floating = new HashSet<>();
    private final Map<String, Type> types = new HashMap<>();
    private String tape;

    private ReverseTangent(Function fn, GeneratedMethod vjp, Names names) {
        this.fn = fn;
        this.vjp = vjp;
        this.names = names;
    }

    /** The name of the second-order method of {@code method}. */
    public static String name(String method) {
        return Names.vjpTangent(method);
    }

    /** {@code f_vjpTangent}, from {@code f}'s {@code _vjp}. */
    public static GeneratedMethod of(Function fn, GeneratedMethod vjp) {
        List<String> taken = new ArrayList<>();
        vjp.params().forEach(p -> taken.add(p.name()));
        IrWalk.forEachStmt(vjp.body(), s -> {
            if (s instanceof Stmt.Decl d) {
                taken.add(d.var().name());
            }
        });
        return new ReverseTangent(fn, vjp, new Names(taken)).build();
    }

    private GeneratedMethod build() {
        // parameters: the vjp's, with a tangent after each group: inputs, seed, accumulators
        int nParams = fn.params().size();
        List<GeneratedMethod.Param> in = vjp.params();
        List<GeneratedMethod.Param> params = new ArrayList<>(in.subList(0, nParams));
        List<Stmt> prologue = new ArrayList<>();
        for (GeneratedMethod.Param p : in) {
            types.put(p.name(), typeOf(p.type()));
        }
        for (Var w : fn.wrt()) {
            params.add(new GeneratedMethod.Param(w.type().javaName(), tangentOf(w.name(), w.type()).name()));
        }
        for (int k = 0; k < nParams; k++) {
            Var p = fn.params().get(k);
            if (p.type().isFloating() && !fn.wrt().contains(p)) {
                Var dot = tangentOf(p.name(), p.type());
                prologue.add(new Stmt.Decl(dot, zerosLike(Build.ref(p)), null));
            }
        }
        boolean hasSeed = fn.returnType().base() != Type.Base.VOID;
        int rest = nParams;
        if (hasSeed) {
            GeneratedMethod.Param seed = in.get(nParams);
            params.add(seed);
            params.add(new GeneratedMethod.Param(seed.type(), tangentOf(seed.name(), typeOf(seed.type())).name()));
            rest++;
        }
        List<GeneratedMethod.Param> accs = in.subList(rest, in.size());
        params.addAll(accs);
        for (GeneratedMethod.Param a : accs) {
            params.add(new GeneratedMethod.Param(a.type(), tangentOf(a.name(), typeOf(a.type())).name()));
        }
        IrWalk.forEachStmt(vjp.body(), s -> {
            if (s instanceof Stmt.Decl d) {
                types.put(d.var().name(), d.var().type());
                if (d.var().type().base() == Type.Base.TAPE) {
                    tape = d.var().name();
                }
            }
            if (s instanceof Stmt.CountedLoop c) {
                types.put(c.counter().name(), c.counter().type());
            }
        });
        List<Stmt> body = new ArrayList<>();
        for (Var w : fn.wrt()) {
            if (w.type().rank() > 0) {
                Var dot = tangents.get(w.name());
                body.add(new Stmt.ExprStmt(RuntimeMethod.CHECK_TANGENT.call(List.of(Build.ref(dot),
                        w.type().rank() == 1 ? new Expr.Length(Build.ref(w)) : Build.ref(w),
                        new Expr.Literal("\"" + dot.name() + "\"", Type.named("String"))), Type.VOID), null));
            }
        }
        body.addAll(prologue);
        body.addAll(block(vjp.body().stmts()));
        String doc = "Forward mode over {@link #" + vjp.name() + "}: runs it, and along the tangents of the inputs, "
                + "the seed and the accumulators accumulates the tangents of the adjoints into the accumulators' "
                + "tangents (second derivatives: Hessian-vector products). Used by {@code _hvp} and by callers' "
                + "second-order code.";
        return new GeneratedMethod(name(fn.name()), doc, vjp.returnType(), params, new Stmt.Block(body));
    }

    private static Type typeOf(String javaName) {
        int rank = 0;
        String base = javaName;
        while (base.endsWith("[]")) {
            base = base.substring(0, base.length() - 2);
            rank++;
        }
        return switch (base) {
            case "double" -> new Type(Type.Base.DOUBLE, rank);
            case "int" -> new Type(Type.Base.INT, rank);
            case "long" -> new Type(Type.Base.LONG, rank);
            case "boolean" -> new Type(Type.Base.BOOLEAN, rank);
            default -> new Type(Type.Base.OTHER, rank, base);
        };
    }

    private Var tangentOf(String name, Type type) {
        Var t = tangents.get(name);
        if (t == null) {
            t = new Var(names.fresh(Names.tangent(name)), type);
            tangents.put(name, t);
            floating.add(name);
        }
        return t;
    }

    private boolean hasTangent(Var v) {
        return v.type().isFloating();
    }

    private Var dot(Var v) {
        return tangentOf(v.name(), v.type());
    }

    private List<Stmt> block(List<Stmt> stmts) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : stmts) {
            statement(s, out);
        }
        return out;
    }

    private void statement(Stmt s, List<Stmt> out) {
        if (s instanceof Stmt.Decl d) {
            if (d.init() == null || !hasTangent(d.var())) {
                out.add(s);
                return;
            }
            if (isPop(d.init())) {
                out.add(new Stmt.Decl(dot(d.var()), d.init(), d.pos()));
                out.add(s);
                return;
            }
            if (d.init() instanceof Expr.Call c) {
                Var dual = new Var(names.fresh(Names.dual(c.callee().name())), Type.named(RuntimeClasses.DUAL));
                out.add(new Stmt.Decl(dual, jvpCall(c, dual.type()), d.pos()));
                out.add(new Stmt.Decl(dot(d.var()), RuntimeMethod.DUAL_TANGENT.on(dual.name(), List.of(), Type.DOUBLE),
                        d.pos()));
                out.add(new Stmt.Decl(d.var(), RuntimeMethod.DUAL_VALUE.on(dual.name(), List.of(), Type.DOUBLE),
                        d.pos()));
                return;
            }
            out.add(new Stmt.Decl(dot(d.var()), tangentValue(d.init()), d.pos()));
            out.add(s);
        } else if (s instanceof Stmt.Assign a) {
            Var root = IrWalk.rootVar(a.target());
            if (root == null || !a.target().type().isFloating()) {
                out.add(s);
                return;
            }
            Expr dotTarget = tangentArray(a.target());
            if (isPop(a.value())) {
                out.add(new Stmt.Assign(dotTarget, AssignOp.SET, a.value(), a.pos()));
                out.add(s);
                return;
            }
            if (a.value() instanceof Expr.Call c && a.op() == AssignOp.SET) {
                Var dual = new Var(names.fresh(Names.dual(c.callee().name())), Type.named(RuntimeClasses.DUAL));
                out.add(new Stmt.Decl(dual, jvpCall(c, dual.type()), a.pos()));
                out.add(new Stmt.Assign(dotTarget, AssignOp.SET,
                        RuntimeMethod.DUAL_TANGENT.on(dual.name(), List.of(), Type.DOUBLE), a.pos()));
                out.add(new Stmt.Assign(a.target(), AssignOp.SET,
                        RuntimeMethod.DUAL_VALUE.on(dual.name(), List.of(), Type.DOUBLE), a.pos()));
                return;
            }
            if (a.target().type().rank() > 0) {
                out.add(new Stmt.Assign(dotTarget, AssignOp.SET, tangentValue(a.value()), a.pos()));
                out.add(s);
                return;
            }
            Expr rhs = a.op() == AssignOp.SET || a.op() == AssignOp.ADD || a.op() == AssignOp.SUB ? a.value()
                    : new Expr.Binary(a.op().binary().orElseThrow(), a.target(), a.value(), Type.DOUBLE);
            Expr t = tangent(rhs);
            AssignOp op = a.op() == AssignOp.ADD || a.op() == AssignOp.SUB ? a.op() : AssignOp.SET;
            if (!(op != AssignOp.SET && Build.isZero(t))) {
                out.add(new Stmt.Assign(dotTarget, op, t, a.pos()));
            }
            out.add(s);
        } else if (s instanceof Stmt.ExprStmt e) {
            exprStatement(e, out);
        } else if (s instanceof Stmt.If f) {
            out.add(new Stmt.If(f.condition(), new Stmt.Block(block(f.then().stmts())),
                    new Stmt.Block(block(f.otherwise().stmts())), f.pos()));
        } else if (s instanceof Stmt.While w) {
            out.add(new Stmt.While(w.condition(), new Stmt.Block(block(w.body().stmts())), w.label(), w.pos()));
        } else if (s instanceof Stmt.CountedLoop c) {
            out.add(new Stmt.CountedLoop(c.counter(), c.from(), c.to(), c.up(),
                    new Stmt.Block(block(c.body().stmts())), c.pos()));
        } else if (s instanceof Stmt.Block b) {
            out.add(new Stmt.Block(block(b.stmts())));
        } else {
            out.add(s);
        }
    }

    private boolean isPop(Expr e) {
        RuntimeMethod m = e instanceof Expr.StaticCall c ? RuntimeMethod.of(c, tape).orElse(null) : null;
        return m == RuntimeMethod.POP_DOUBLE || m == RuntimeMethod.POP_REF;
    }

    private void exprStatement(Stmt.ExprStmt e, List<Stmt> out) {
        Expr x = e.expr();
        if (x instanceof Expr.Pullback p) {
            out.add(new Stmt.ExprStmt(pullbackTangent(p), e.pos()));
            return;
        }
        if (x instanceof Expr.Call c) {
            // a call for its effect on arrays: its _jvp updates their tangents too
            out.add(new Stmt.ExprStmt(jvpCall(c, Type.VOID), e.pos()));
            return;
        }
        if (!(x instanceof Expr.StaticCall c)) {
            out.add(e);
            return;
        }
        RuntimeMethod method = RuntimeMethod.of(c, tape).orElse(null);
        if (method == null) {
            out.add(e);
            return;
        }
        switch (method) {
            case PUSH_DOUBLE -> {
                out.add(e);
                out.add(call(method, tangentValue(c.args().get(0)), e));
            }
            case PUSH_REF, PUSH_ALL, KEEP -> {
                out.add(e);
                if (isFloatingArray(c.args().get(0))) {
                    out.add(call(method, method == RuntimeMethod.PUSH_REF ? tangentValue(c.args().get(0))
                            : tangentArray(c.args().get(0)), e));
                }
            }
            case POP_ALL, RESTORE_KEPT -> {
                if (isFloatingArray(c.args().get(0))) {
                    out.add(call(method, tangentArray(c.args().get(0)), e));
                }
                out.add(e);
            }
            case RELEASE_CELLS, RELEASE_ARRAYS -> out.add(new Stmt.ExprStmt(method.on(tape, List.of(
                    new Expr.Binary(BinaryOp.MUL, new Expr.Literal("2", Type.INT), c.args().get(0), Type.INT)),
                    Type.VOID), e.pos()));
            case CHECK_ACCUMULATOR, CHECK_SEED -> {
                out.add(e);
                if (c.args().get(0) instanceof Expr.VarRef checked) {
                    // the tangent of a checked argument gets the same check, before anything is touched
                    Var dot = dot(checked.var());
                    out.add(new Stmt.ExprStmt(method.call(List.of(Build.ref(dot), c.args().get(1),
                            new Expr.Literal("\"" + dot.name() + "\"", Type.named("String"))), Type.VOID), e.pos()));
                }
            }
            case ADD_INTO, COPY_INTO -> {
                out.add(e);
                out.add(new Stmt.ExprStmt(method.call(List.of(tangentArray(c.args().get(0)),
                        tangentArray(c.args().get(1))), Type.VOID), e.pos()));
            }
            default -> out.add(e);
        }
    }

    private Stmt call(RuntimeMethod method, Expr arg, Stmt.ExprStmt at) {
        return new Stmt.ExprStmt(method.on(tape, List.of(arg), Type.VOID), at.pos());
    }

    private static boolean isFloatingArray(Expr e) {
        return e.type().rank() > 0 && e.type().isFloating();
    }

    /** {@code g_jvp(receiver, args..., tangents of the differentiated ones...)}. */
    private Expr jvpCall(Expr.Call c, Type type) {
        List<Expr> args = new ArrayList<>();
        if (c.receiver() != null) {
            args.add(c.receiver());
        }
        args.addAll(c.args());
        for (int k = 0; k < c.args().size(); k++) {
            if (c.callee().wrt().get(k)) {
                Expr a = c.args().get(k);
                if (a.type().rank() == 0) {
                    args.add(tangent(a));
                } else {
                    Var root = IrWalk.rootVar(a);
                    args.add(root != null && hasTangent(root) ? tangentArray(a) : zerosLike(a));
                }
            }
        }
        return new Expr.StaticCall(c.callee().jvpOwner(), c.callee().jvpName(), args, type);
    }

    private Expr pullbackTangent(Expr.Pullback p) {
        List<Expr> args = new ArrayList<>();
        if (p.receiver() != null) {
            args.add(p.receiver());
        }
        args.addAll(p.args());
        for (int k = 0; k < p.args().size(); k++) {
            if (p.callee().wrt().get(k)) {
                Expr a = p.args().get(k);
                args.add(a.type().rank() == 0 ? tangent(a) : tangentArray(a));
            }
        }
        if (p.seed() != null) {
            args.add(p.seed());
            args.add(tangent(p.seed()));
        }
        args.addAll(p.accumulators());
        for (Expr acc : p.accumulators()) {
            Var root = IrWalk.rootVar(acc);
            args.add(root != null && hasTangent(root) ? tangentArray(acc) : tangentValue(acc));
        }
        return new Expr.StaticCall(p.callee().tangentOwner(), name(p.callee().name()), args, Type.VOID);
    }

    /** The tangent of a value assigned whole: a scalar, or an array (fresh, aliased or from the tape). */
    private Expr tangentValue(Expr e) {
        if (e.type().rank() == 0) {
            return tangent(e);
        }
        if (e instanceof Expr.NewArray n) {
            return n;
        }
        if (e instanceof Expr.ArrayLiteral l) {
            List<Expr> elements = new ArrayList<>();
            for (Expr x : l.elements()) {
                elements.add(tangentValue(x));
            }
            return new Expr.ArrayLiteral(l.type(), elements);
        }
        // a copy of an array without tangent (a field, an inactive local) starts with tangent 0
        if (e instanceof Expr.Clone c) {
            return hasTangentArray(c.array()) ? new Expr.Clone(tangentArray(c.array())) : zerosLike(c.array());
        }
        RuntimeMethod method = e instanceof Expr.StaticCall c ? RuntimeMethod.of(c, tape).orElse(null) : null;
        if (method == RuntimeMethod.ZEROS_LIKE || method == RuntimeMethod.CELL || method == RuntimeMethod.POOLED_DOUBLES) {
            return e; // fresh zeros: the tangent of a zero array is a zero array
        }
        if (method == RuntimeMethod.COPY_OF) {
            Expr source = ((Expr.StaticCall) e).args().get(0);
            return hasTangentArray(source) ? RuntimeMethod.COPY_OF.call(List.of(tangentArray(source)), e.type())
                    : zerosLike(source);
        }
        if (method == RuntimeMethod.POOLED_COPY) {
            Expr source = ((Expr.StaticCall) e).args().get(0);
            return hasTangentArray(source) ? RuntimeMethod.POOLED_COPY.on(tape, List.of(tangentArray(source)), e.type())
                    : RuntimeMethod.POOLED_DOUBLES.on(tape, List.of(new Expr.Length(source)), e.type());
        }
        if (e instanceof Expr.Literal) {
            return e;
        }
        if (e instanceof Expr.Conditional c) {
            return new Expr.Conditional(c.condition(), tangentValue(c.whenTrue()), tangentValue(c.whenFalse()),
                    c.type());
        }
        if (e instanceof Expr.VarRef || e instanceof Expr.ArrayAccess) {
            Var root = IrWalk.rootVar(e);
            if (root != null && hasTangent(root)) {
                return tangentArray(e);
            }
        }
        return zerosLike(e);
    }

    private Expr zerosLike(Expr e) {
        if (e.type().rank() == 0) {
            return Build.ZERO;
        }
        return RuntimeMethod.ZEROS_LIKE.call(List.of(e), e.type());
    }

    /** Whether the array expression is rooted in a variable that has a tangent. */
    private boolean hasTangentArray(Expr e) {
        Var root = IrWalk.rootVar(e);
        return root != null && hasTangent(root);
    }

    private Expr tangentArray(Expr e) {
        return IrWalk.reroot(e, this::dot, "tangent");
    }

    /** The directional derivative of a scalar expression of the reverse code. */
    private Expr tangent(Expr e) {
        if (!e.type().isFloating() || e.type().rank() > 0) {
            return Build.ZERO;
        }
        if (e instanceof Expr.VarRef r) {
            return Build.ref(dot(r.var()));
        }
        if (e instanceof Expr.ArrayAccess a) {
            Var root = IrWalk.rootVar(a);
            return root != null && hasTangent(root) ? tangentArray(a) : Build.ZERO;
        }
        if (e instanceof Expr.Conditional c) {
            return new Expr.Conditional(c.condition(), tangent(c.whenTrue()), tangent(c.whenFalse()), Type.DOUBLE);
        }
        if (ChainRule.isOperation(e)) {
            // the reverse code's values are all at hand: a partial reads its operands as they are
            Expr sum = Build.ZERO;
            for (ChainRule.Partial p : ChainRule.of(e, x -> x, x -> !Build.isZero(tangent(x)))) {
                sum = Build.add(sum, scale(tangent(p.operand()), p.partial()));
            }
            return sum;
        }
        if (e instanceof Expr.StaticCall c && RuntimeMethod.of(c, tape).isPresent()) {
            // a value the tape or the runtime hands back is handled by the statement that takes it
            throw new IllegalStateException("no tangent rule for the runtime call " + c.name() + " inside an expression");
        }
        if (e instanceof Expr.StaticCall) {
            // a library call: the front end refuses one that gets a differentiated value (COT004), so its
            // arguments' tangents are 0 at run time even where this code carries a tangent for them
            return Build.ZERO;
        }
        if (e instanceof Expr.Literal || e instanceof Expr.FieldRef || e instanceof Expr.InstanceField
                || e instanceof Expr.PrivateField) {
            return Build.ZERO; // constants: fields are not differentiated
        }
        throw new IllegalStateException("no tangent rule for " + e);
    }

    private static Expr scale(Expr tangent, Expr partial) {
        return Build.byPartial(tangent, partial, true);
    }
}
