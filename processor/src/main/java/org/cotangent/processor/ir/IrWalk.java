package org.cotangent.processor.ir;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/** Traversals of the IR shared by the analyses and transforms. */
public final class IrWalk {
    private IrWalk() {
    }

    /** Calls {@code visit} on {@code e} and every subexpression, parents first. */
    public static void forEachExpr(Expr e, Consumer<Expr> visit) {
        visit.accept(e);
        if (e instanceof Expr.Unary u) {
            forEachExpr(u.operand(), visit);
        } else if (e instanceof Expr.Binary b) {
            forEachExpr(b.left(), visit);
            forEachExpr(b.right(), visit);
        } else if (e instanceof Expr.MathCall m) {
            m.args().forEach(a -> forEachExpr(a, visit));
        } else if (e instanceof Expr.StaticCall c) {
            c.args().forEach(a -> forEachExpr(a, visit));
        } else if (e instanceof Expr.Conditional c) {
            forEachExpr(c.condition(), visit);
            forEachExpr(c.whenTrue(), visit);
            forEachExpr(c.whenFalse(), visit);
        } else if (e instanceof Expr.Cast c) {
            forEachExpr(c.operand(), visit);
        } else if (e instanceof Expr.ArrayAccess a) {
            forEachExpr(a.array(), visit);
            forEachExpr(a.index(), visit);
        } else if (e instanceof Expr.NewArray n) {
            n.dimensions().forEach(d -> forEachExpr(d, visit));
        } else if (e instanceof Expr.Construct c) {
            c.args().forEach(a -> forEachExpr(a, visit));
        }
    }

    /** The variables {@code e} reads. */
    public static Set<Var> varsRead(Expr e) {
        Set<Var> vars = new LinkedHashSet<>();
        forEachExpr(e, x -> {
            if (x instanceof Expr.VarRef r) {
                vars.add(r.var());
            }
        });
        return vars;
    }

    /** True if {@code e} reads {@code v}. */
    public static boolean reads(Expr e, Var v) {
        return varsRead(e).contains(v);
    }

    /** True if {@code e} contains a call (which may be expensive to evaluate twice). */
    public static boolean hasCall(Expr e) {
        boolean[] found = {false};
        forEachExpr(e, x -> found[0] |= x instanceof Expr.MathCall || x instanceof Expr.StaticCall);
        return found[0];
    }

    /** Calls {@code visit} on {@code s} and every statement nested in it, outer first. */
    public static void forEachStmt(Stmt s, Consumer<Stmt> visit) {
        visit.accept(s);
        if (s instanceof Stmt.Block b) {
            b.stmts().forEach(x -> forEachStmt(x, visit));
        } else if (s instanceof Stmt.If f) {
            forEachStmt(f.then(), visit);
            forEachStmt(f.otherwise(), visit);
        }
    }

    /** The variable a statement assigns or declares, or null. */
    public static Var definedVar(Stmt s) {
        if (s instanceof Stmt.Decl d) {
            return d.var();
        }
        if (s instanceof Stmt.Assign a && a.target() instanceof Expr.VarRef r) {
            return r.var();
        }
        return null;
    }
}
