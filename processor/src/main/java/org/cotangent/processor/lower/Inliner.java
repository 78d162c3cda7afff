package org.cotangent.processor.lower;

import org.cotangent.processor.ir.AssignOp;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.Function;
import org.cotangent.processor.ir.IrMap;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.SourcePos;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Var;
import org.cotangent.processor.naming.Names;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies the bodies of small static {@code @Differentiable} methods of the caller's own class into
 * the caller, at each statement that calls one. Reverse mode then differentiates the callee's
 * statements in place, as a careful person writing the adjoint by hand would: no pullback call, no
 * second run of the callee's forward sweep, no saved copies of the arrays it writes, no pooled cells
 * for its scalar adjoints. The result is the same derivative; only the cost changes (for a
 * right-hand side called four times per RK4 step, about fourfold).
 *
 * <p>A callee is inlined only when it is static, has no rule of the user's ({@code @CustomVjp} or
 * {@code @CustomJvp}: the user's rule must be used), has at most {@link #MAX_STATEMENTS}
 * statements, no labels, and returns only at its end. Its locals get fresh names; a parameter
 * becomes the caller's variable where the argument is one and the callee never assigns the
 * parameter, otherwise a fresh local initialised with the argument. Calls inside an inlined body
 * stay calls, so recursion stops after one level. Runs after {@link CallLowering}, so every call is
 * a statement of its own.
 */
public final class Inliner {
    /** Bodies larger than this stay calls: inlining them would bloat the generated code for little gain. */
    public static final int MAX_STATEMENTS = 24;

    private final Map<String, Function> callees;
    private final Names names;

    private Inliner(Map<String, Function> callees, Names names) {
        this.callees = callees;
        this.names = names;
    }

    /**
     * {@code body} with each call of a method of {@code callees} (by name: the inlinable methods of
     * the caller's class) replaced by the method's body.
     */
    public static Stmt.Block inline(Stmt.Block body, Map<String, Function> callees, Names names) {
        if (callees.isEmpty()) {
            return body;
        }
        return new Inliner(callees, names).block(body);
    }

    /** Whether {@code fn}'s body is small and simple enough to copy into callers. */
    public static boolean isInlinable(Function fn) {
        int[] count = {0};
        boolean[] ok = {true};
        List<Stmt> top = fn.body().stmts();
        IrWalk.forEachStmt(fn.body(), s -> {
            count[0]++;
            if (s instanceof Stmt.Return && (top.isEmpty() || top.get(top.size() - 1) != s)) {
                ok[0] = false;
            }
            if (label(s) != null) {
                ok[0] = false;
            }
        });
        return ok[0] && count[0] <= MAX_STATEMENTS + 1;
    }

    private static String label(Stmt s) {
        if (s instanceof Stmt.Break b) {
            return b.label();
        }
        if (s instanceof Stmt.Continue c) {
            return c.label();
        }
        return IrWalk.loopLabel(s);
    }

    private Stmt.Block block(Stmt.Block b) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : b.stmts()) {
            statement(s, out);
        }
        return new Stmt.Block(out);
    }

    private void statement(Stmt s, List<Stmt> out) {
        Expr.Call call = inlinableCall(s);
        if (call != null) {
            inline(s, call, out);
        } else if (s instanceof Stmt.If f) {
            out.add(new Stmt.If(f.condition(), block(f.then()), block(f.otherwise()), f.pos()));
        } else if (s instanceof Stmt.Block b) {
            out.add(block(b));
        } else if (s instanceof Stmt.While w) {
            out.add(new Stmt.While(w.condition(), block(w.body()), w.label(), w.pos()));
        } else if (s instanceof Stmt.DoWhile d) {
            out.add(new Stmt.DoWhile(block(d.body()), d.condition(), d.label(), d.pos()));
        } else if (s instanceof Stmt.For f) {
            out.add(new Stmt.For(f.init(), f.condition(), f.update(), block(f.body()), f.label(), f.pos()));
        } else if (s instanceof Stmt.ForEach f) {
            out.add(new Stmt.ForEach(f.element(), f.array(), block(f.body()), f.label(), f.pos()));
        } else {
            out.add(s);
        }
    }

    /** The call {@code s} consists of, if it is one of a method this inliner copies. */
    private Expr.Call inlinableCall(Stmt s) {
        Expr value = s instanceof Stmt.Decl d ? d.init()
                : s instanceof Stmt.Assign a && a.op() == AssignOp.SET ? a.value()
                : s instanceof Stmt.ExprStmt e ? e.expr()
                : s instanceof Stmt.Return r ? r.value() : null;
        if (!(value instanceof Expr.Call c) || !c.callee().isStatic() || c.receiver() != null) {
            return null;
        }
        Function fn = callees.get(c.callee().name());
        if (fn == null || !fn.ownerClass().equals(c.callee().owner()) || fn.params().size() != c.args().size()) {
            return null;
        }
        for (int k = 0; k < c.args().size(); k++) {
            if (!fn.params().get(k).type().equals(c.callee().params().get(k))) {
                return null;
            }
        }
        return c;
    }

    private void inline(Stmt site, Expr.Call call, List<Stmt> out) {
        Function fn = callees.get(call.callee().name());
        Map<Var, Var> renamed = new HashMap<>();
        for (int k = 0; k < fn.params().size(); k++) {
            Var param = fn.params().get(k);
            Expr arg = call.args().get(k);
            if (arg instanceof Expr.VarRef r && !assigns(fn.body(), param)) {
                renamed.put(param, r.var());
            } else {
                Var local = new Var(names.fresh(param.name()), param.type());
                out.add(new Stmt.Decl(local, arg, site.pos()));
                renamed.put(param, local);
            }
        }
        IrWalk.forEachStmt(fn.body(), s -> {
            Var declared = s instanceof Stmt.Decl d ? d.var() : s instanceof Stmt.ForEach f ? f.element() : null;
            if (declared != null) {
                renamed.computeIfAbsent(declared, v -> new Var(names.fresh(v.name()), v.type()));
            }
        });
        String from = fn.name();
        IrMap map = new IrMap(v -> renamed.getOrDefault(v, v),
                pos -> pos.inlined() == null ? pos.inlinedFrom(from) : pos);
        Stmt.Block body = CallLowering.lower(map.block(fn.body()), names);
        List<Stmt> stmts = body.stmts();
        Expr result = null;
        int end = stmts.size();
        if (end > 0 && stmts.get(end - 1) instanceof Stmt.Return r) {
            result = r.value();
            end--;
        }
        out.addAll(stmts.subList(0, end));
        SourcePos pos = site.pos();
        if (site instanceof Stmt.Decl d) {
            out.add(new Stmt.Decl(d.var(), result, pos));
        } else if (site instanceof Stmt.Assign a) {
            out.add(new Stmt.Assign(a.target(), AssignOp.SET, result, pos));
        } else if (site instanceof Stmt.Return) {
            out.add(new Stmt.Return(result, pos));
        }
    }

    private static boolean assigns(Stmt.Block body, Var param) {
        boolean[] found = {false};
        IrWalk.forEachStmt(body, s -> {
            if (s instanceof Stmt.Assign a && a.target() instanceof Expr.VarRef r && r.var().equals(param)) {
                found[0] = true;
            }
        });
        return found[0];
    }
}
