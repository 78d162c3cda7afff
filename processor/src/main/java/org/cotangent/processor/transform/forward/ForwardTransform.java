package org.cotangent.processor.transform.forward;

import org.cotangent.processor.naming.RuntimeMethod;
import org.cotangent.processor.naming.RuntimeClasses;

import org.cotangent.processor.analysis.Activity;
import org.cotangent.processor.analysis.AvailableValues;
import org.cotangent.processor.ir.AssignOp;
import org.cotangent.processor.ir.Build;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.Function;
import org.cotangent.processor.ir.GeneratedMethod;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.SourcePos;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.Var;
import org.cotangent.processor.lower.ControlFlow;
import org.cotangent.processor.naming.Names;
import org.cotangent.processor.rules.ChainRule;
import org.cotangent.processor.transform.ValueCache;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Forward mode: turns a lowered method into its {@code _jvp}. Every active variable {@code v} gets a
 * tangent {@code v_dot}, updated just before {@code v} with the directional derivative of the
 * right-hand side ({@code v_dot = sum of partial * operand_dot}, the partials from the same
 * {@link org.cotangent.processor.rules.DerivativeRules} as reverse mode). Tangents flow alongside values: no tape, control flow
 * and loops run as written.
 */
public final class ForwardTransform {
    private final Function fn;
    private final ControlFlow.Result lowered;
    private final Activity activity;
    private final Names names;
    private final Map<Var, Var> tangents = new LinkedHashMap<>();
    private final Set<Stmt> nestedDecls = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Stmt> hoisted = new ArrayList<>();
    /** Per statement: the {@code Math} calls whose values primal locals hold before it. */
    private Map<Stmt, Map<Expr, Var>> availableCalls = Map.of();
    /** Those of the statement being transformed. */
    private Map<Expr, Var> availableHere = Map.of();

    private ForwardTransform(Function fn, ControlFlow.Result lowered, Activity activity, Names names) {
        this.fn = fn;
        this.lowered = lowered;
        this.activity = activity;
        this.names = names;
    }

    /** The {@code _jvp} of {@code fn}. */
    public static GeneratedMethod jvp(Function fn, ControlFlow.Result lowered, Activity activity, Names names) {
        return new ForwardTransform(fn, lowered, activity, names).build();
    }

    private boolean isVoid() {
        return fn.returnType().base() == Type.Base.VOID;
    }

    private GeneratedMethod build() {
        List<GeneratedMethod.Param> params = new ArrayList<>();
        for (Var p : fn.params()) {
            params.add(new GeneratedMethod.Param(p.type().javaName(), p.name()));
        }
        List<Stmt> body = new ArrayList<>(org.cotangent.processor.transform.InputChecks.of(fn));
        for (Var w : fn.wrt()) {
            Var dot = new Var(names.fresh(Names.tangent(w.name())), w.type());
            params.add(new GeneratedMethod.Param(dot.type().javaName(), dot.name()));
            if (activity.isActive(w)) {
                tangents.put(w, dot);
            }
            if (w.type().rank() > 0) {
                body.add(new Stmt.ExprStmt(RuntimeMethod.CHECK_TANGENT.call(List.of(Build.ref(dot),
                        w.type().rank() == 1 ? new Expr.Length(Build.ref(w)) : Build.ref(w),
                        new Expr.Literal("\"" + dot.name() + "\"", Type.named("String"))), Type.VOID), null));
            }
        }
        for (Var p : fn.params()) {
            if (activity.isActive(p) && !tangents.containsKey(p)) {
                // active without being differentiated (written by a callee): its tangent starts at zero
                Var dot = new Var(names.fresh(Names.tangent(p.name())), p.type());
                tangents.put(p, dot);
                body.add(new Stmt.Decl(dot, p.type().rank() == 0 ? Build.ZERO
                        : RuntimeMethod.ZEROS_LIKE.call(List.of(Build.ref(p)), p.type()), null));
            }
        }
        if (!isVoid()) {
            tangents.put(lowered.result(), new Var(names.fresh(Names.tangent(lowered.result().name())),
                    lowered.result().type()));
        }
        for (Stmt s : lowered.body().stmts()) {
            classify(s, true);
        }
        availableCalls = AvailableValues.of(lowered.body());
        List<Stmt> code = new ArrayList<>();
        for (Stmt s : lowered.body().stmts()) {
            statement(s, code);
        }
        if (!isVoid()) {
            body.add(new Stmt.Decl(lowered.result(), zero(lowered.result().type()), null));
            body.add(new Stmt.Decl(tangents.get(lowered.result()), zero(lowered.result().type()), null));
        }
        body.addAll(hoisted);
        body.addAll(code);
        if (fn.returnType().rank() > 0) {
            body.add(new Stmt.Return(new Expr.Construct(RuntimeClasses.DUAL_VECTOR, List.of(Build.ref(lowered.result()),
                    Build.ref(tangents.get(lowered.result()))), Type.named(RuntimeClasses.DUAL_VECTOR)), null));
        } else if (!isVoid()) {
            body.add(new Stmt.Return(new Expr.Construct(RuntimeClasses.DUAL, List.of(Build.ref(lowered.result()),
                    Build.ref(tangents.get(lowered.result()))), Type.named(RuntimeClasses.DUAL)), null));
        }
        List<String> dots = new ArrayList<>();
        fn.wrt().forEach(w -> dots.add("{@code " + w.name() + "}"));
        String doc = "Forward mode (Jacobian-vector product) of {@link " + fn.ownerClass() + "#" + fn.name()
                + "}: " + (isVoid()
                ? "runs it, and updates the tangent of every array it writes as it updates the array."
                : "its value and its directional derivative along the tangents of "
                + (dots.isEmpty() ? "no parameter" : String.join(", ", dots)) + ".");
        return new GeneratedMethod(Names.jvp(fn.name()), doc,
                isVoid() ? "void" : fn.returnType().rank() > 0 ? RuntimeClasses.DUAL_VECTOR : RuntimeClasses.DUAL, params,
                new Stmt.Block(body));
    }

    private void classify(Stmt s, boolean topLevel) {
        if (s instanceof Stmt.Decl d) {
            if (!topLevel) {
                nestedDecls.add(s);
                hoisted.add(new Stmt.Decl(d.var(), zero(d.var().type()), null));
            }
            if (activity.isActive(d.var())) {
                Var dot = new Var(names.fresh(Names.tangent(d.var().name())), d.var().type());
                tangents.put(d.var(), dot);
                if (!topLevel) {
                    hoisted.add(new Stmt.Decl(dot, zero(dot.type()), null));
                }
            }
        } else if (s instanceof Stmt.Block b) {
            b.stmts().forEach(x -> classify(x, false));
        } else if (s instanceof Stmt.If f) {
            classify(f.then(), false);
            classify(f.otherwise(), false);
        } else if (s instanceof Stmt.While w) {
            classify(w.body(), false);
        } else if (s instanceof Stmt.CountedLoop c) {
            classify(c.body(), false);
        }
    }

    private List<Stmt> block(Stmt.Block b) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : b.stmts()) {
            statement(s, out);
        }
        return out;
    }

    private void statement(Stmt s, List<Stmt> out) {
        availableHere = availableCalls.getOrDefault(s, Map.of());
        if (s instanceof Stmt.Decl d) {
            boolean nested = nestedDecls.contains(s);
            Var dot = tangents.get(d.var());
            if (d.init() == null) {
                if (!nested) {
                    out.add(new Stmt.Decl(d.var(), zero(d.var().type()), d.pos()));
                    if (dot != null) {
                        out.add(new Stmt.Decl(dot, zero(dot.type()), d.pos()));
                    }
                }
                return;
            }
            Expr value = assignment(Build.ref(d.var()), AssignOp.SET, d.init(), d.pos(), out, !nested);
            out.add(nested ? new Stmt.Assign(Build.ref(d.var()), AssignOp.SET, value, d.pos())
                    : new Stmt.Decl(d.var(), value, d.pos()));
        } else if (s instanceof Stmt.Assign a) {
            Expr value = assignment(a.target(), a.op(), a.value(), a.pos(), out, false);
            out.add(new Stmt.Assign(a.target(), a.op(), value, a.pos()));
        } else if (s instanceof Stmt.ExprStmt e) {
            if (e.expr() instanceof Expr.Call c) {
                callStatement(c, e.pos(), out);
            } else {
                out.add(s);
            }
        } else if (s instanceof Stmt.If f) {
            out.add(new Stmt.If(f.condition(), new Stmt.Block(block(f.then())), new Stmt.Block(block(f.otherwise())),
                    f.pos()));
        } else if (s instanceof Stmt.While w) {
            out.add(new Stmt.While(w.condition(), new Stmt.Block(block(w.body())), null, w.pos()));
        } else if (s instanceof Stmt.CountedLoop c) {
            out.add(new Stmt.CountedLoop(c.counter(), c.from(), c.to(), c.up(), new Stmt.Block(block(c.body())),
                    c.pos()));
        } else if (s instanceof Stmt.Block b) {
            out.addAll(block(b));
        } else if (s instanceof Stmt.Throw || s instanceof Stmt.Assert) {
            out.add(s);
        } else {
            throw new IllegalStateException("unexpected statement in lowered code: " + s);
        }
    }

    /**
     * Emits the tangent update of {@code target op value} (before the assignment itself, which reads
     * the old values) and returns the right-hand side to assign, rewritten over the locals that the
     * tangent computed.
     */
    private Expr assignment(Expr target, AssignOp op, Expr value, SourcePos pos, List<Stmt> out,
                            boolean declareTangent) {
        Var root = IrWalk.rootVar(target);
        boolean active = root != null && tangents.containsKey(root);
        if (!active) {
            return value;
        }
        if (value instanceof Expr.Call c) {
            return callValue(c, target, declareTangent, pos, out);
        }
        if (target.type().rank() > 0) {
            Expr dotTarget = tangentArray(target);
            Expr init = tangentInit(value, new ValueCache(names, pos, out));
            if (declareTangent && target instanceof Expr.VarRef) {
                out.add(new Stmt.Decl(tangents.get(root), init, pos));
            } else {
                out.add(new Stmt.Assign(dotTarget, AssignOp.SET, init, pos));
            }
            return value;
        }
        Expr dotTarget = target instanceof Expr.VarRef ? Build.ref(tangents.get(root)) : tangentArray(target);
        ValueCache values = new ValueCache(names, pos, out);
        values.available(availableHere);
        Expr rhs = op == AssignOp.SET || op == AssignOp.ADD || op == AssignOp.SUB ? value
                : new Expr.Binary(op.binary().orElseThrow(), target, value, Type.DOUBLE);
        Expr dot = tangent(rhs, values);
        if (op == AssignOp.ADD || op == AssignOp.SUB) {
            if (!Build.isZero(dot)) {
                out.add(new Stmt.Assign(dotTarget, op, dot, pos));
            }
        } else if (declareTangent && target instanceof Expr.VarRef) {
            out.add(new Stmt.Decl(tangents.get(root), dot, pos));
        } else {
            out.add(new Stmt.Assign(dotTarget, AssignOp.SET, dot, pos));
        }
        return op == AssignOp.SET ? values.value(value) : value;
    }

    /** The directional derivative of {@code e}, partials from the rule table. */
    private Expr tangent(Expr e, ValueCache values) {
        if (!activity.isActive(e)) {
            return Build.ZERO;
        }
        if (e instanceof Expr.VarRef r) {
            return Build.ref(tangents.get(r.var()));
        }
        if (e instanceof Expr.ArrayAccess a) {
            return tangentArray(a);
        }
        if (e instanceof Expr.Conditional c) {
            return new Expr.Conditional(c.condition(), tangent(c.whenTrue(), values), tangent(c.whenFalse(), values),
                    Type.DOUBLE);
        }
        Expr sum = Build.ZERO;
        for (ChainRule.Partial p : ChainRule.of(e, values::value, activity::isActive)) {
            sum = Build.add(sum, scale(tangent(p.operand(), values), values.reuse(p.partial())));
        }
        return sum;
    }

    private static Expr scale(Expr tangent, Expr partial) {
        return Build.byPartial(tangent, partial, true);
    }

    /** The tangent of an array expression: the same access path, rooted at the tangent arrays. */
    private Expr tangentArray(Expr e) {
        return IrWalk.reroot(e, tangents::get, "tangent");
    }

    /** The tangent array that goes with an array value; element values it needs go into {@code values}. */
    private Expr tangentInit(Expr value, ValueCache values) {
        if (value instanceof Expr.NewArray n) {
            return n;
        }
        if (value instanceof Expr.ArrayLiteral l) {
            List<Expr> elements = new ArrayList<>();
            for (Expr e : l.elements()) {
                elements.add(e.type().rank() > 0 ? tangentInit(e, values) : tangent(e, values));
            }
            return new Expr.ArrayLiteral(l.type(), elements);
        }
        if (value instanceof Expr.Clone c) {
            return activity.isActive(c.array()) ? new Expr.Clone(tangentArray(c.array()))
                    : RuntimeMethod.ZEROS_LIKE.call(List.of(c.array()), c.type());
        }
        if (value instanceof Expr.Conditional c) {
            return new Expr.Conditional(c.condition(), tangentInit(c.whenTrue(), values),
                    tangentInit(c.whenFalse(), values), c.type());
        }
        Var root = IrWalk.rootVar(value);
        if (root == null || !tangents.containsKey(root)) {
            // an array a field holds (a constant) or an inactive local: its tangent is 0
            return RuntimeMethod.ZEROS_LIKE.call(List.of(value), value.type());
        }
        return tangentArray(value);
    }

    /** The tangent arguments of a call of {@code c}'s {@code _jvp}. */
    private List<Expr> tangentArguments(Expr.Call c, List<Stmt> out, SourcePos pos) {
        List<Expr> args = new ArrayList<>();
        if (c.receiver() != null) {
            args.add(c.receiver());
        }
        args.addAll(c.args());
        ValueCache values = new ValueCache(names, pos, out);
        for (int k = 0; k < c.args().size(); k++) {
            if (!c.callee().wrt().get(k)) {
                continue;
            }
            Expr arg = c.args().get(k);
            if (arg.type().rank() == 0) {
                args.add(tangent(arg, values));
            } else if (activity.isActive(arg)) {
                args.add(tangentArray(arg));
            } else {
                args.add(RuntimeMethod.ZEROS_LIKE.call(List.of(arg), arg.type()));
            }
        }
        return args;
    }

    private Expr callValue(Expr.Call c, Expr target, boolean declareTangent, SourcePos pos, List<Stmt> out) {
        Var dual = new Var(names.fresh(Names.dual(c.callee().name())), Type.named(RuntimeClasses.DUAL));
        out.add(new Stmt.Decl(dual, new Expr.StaticCall(c.callee().jvpOwner(), c.callee().jvpName(),
                tangentArguments(c, out, pos), dual.type()), pos));
        Var root = IrWalk.rootVar(target);
        Expr tangent = RuntimeMethod.DUAL_TANGENT.on(dual.name(), List.of(), Type.DOUBLE);
        if (declareTangent && target instanceof Expr.VarRef) {
            out.add(new Stmt.Decl(tangents.get(root), tangent, pos));
        } else {
            out.add(new Stmt.Assign(target instanceof Expr.VarRef ? Build.ref(tangents.get(root)) : tangentArray(target),
                    AssignOp.SET, tangent, pos));
        }
        return RuntimeMethod.DUAL_VALUE.on(dual.name(), List.of(), Type.DOUBLE);
    }

    private void callStatement(Expr.Call c, SourcePos pos, List<Stmt> out) {
        boolean active = false;
        for (int k = 0; k < c.args().size(); k++) {
            Var root = IrWalk.rootVar(c.args().get(k));
            active |= c.callee().wrt().get(k) && activity.isActive(c.args().get(k))
                    || c.callee().writes().get(k) && root != null && tangents.containsKey(root);
        }
        if (!active) {
            out.add(new Stmt.ExprStmt(c, pos));
            return;
        }
        out.add(new Stmt.ExprStmt(new Expr.StaticCall(c.callee().jvpOwner(), c.callee().jvpName(),
                tangentArguments(c, out, pos), Type.VOID), pos));
    }

    private static Expr zero(Type type) {
        return new Expr.Literal(type.zero(), type);
    }
}
