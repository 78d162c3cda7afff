package org.cotangent.processor.lower;

import org.cotangent.processor.ir.AssignOp;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.Var;
import org.cotangent.processor.naming.Names;

import java.util.ArrayList;
import java.util.List;

/**
 * Moves every call of a method with a derivative out of the expression it sits in, into a local of
 * its own ({@code double layer = Net.layer(w, x);}), in evaluation order. Afterwards a call is the
 * whole right-hand side of an assignment or a statement of its own, so reverse mode can run its
 * pullback there with the call's result adjoint as the seed. A call inside a branch of {@code ?:}
 * becomes an {@code if}, so that it still runs only when its branch is taken. Calls inside
 * conditions stay where they are: their values carry no derivative.
 */
public final class CallLowering {
    private final Names names;

    private CallLowering(Names names) {
        this.names = names;
    }

    public static Stmt.Block lower(Stmt.Block body, Names names) {
        return new CallLowering(names).block(body);
    }

    private Stmt.Block block(Stmt.Block b) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : b.stmts()) {
            statement(s, out);
        }
        return new Stmt.Block(out);
    }

    private void statement(Stmt s, List<Stmt> out) {
        if (s instanceof Stmt.Decl d && d.init() != null) {
            out.add(new Stmt.Decl(d.var(), hoist(d.init(), out, true), d.pos()));
        } else if (s instanceof Stmt.Assign a) {
            out.add(new Stmt.Assign(a.target(), a.op(), hoist(a.value(), out, a.op() == AssignOp.SET), a.pos()));
        } else if (s instanceof Stmt.Return r && r.value() != null) {
            out.add(new Stmt.Return(hoist(r.value(), out, true), r.pos()));
        } else if (s instanceof Stmt.ExprStmt e && e.expr() instanceof Expr.Call c) {
            out.add(new Stmt.ExprStmt(hoist(c, out, true), e.pos()));
        } else if (s instanceof Stmt.If f) {
            out.add(new Stmt.If(f.condition(), block(f.then()), block(f.otherwise()), f.pos()));
        } else if (s instanceof Stmt.Block b) {
            out.add(block(b));
        } else if (s instanceof Stmt.While w) {
            out.add(new Stmt.While(w.condition(), block(w.body()), w.label(), w.pos()));
        } else if (s instanceof Stmt.DoWhile d) {
            out.add(new Stmt.DoWhile(block(d.body()), d.condition(), d.label(), d.pos()));
        } else if (s instanceof Stmt.For f) {
            List<Stmt> init = new ArrayList<>();
            f.init().forEach(x -> statement(x, init));
            out.add(new Stmt.For(init, f.condition(), f.update(), block(f.body()), f.label(), f.pos()));
        } else if (s instanceof Stmt.ForEach f) {
            out.add(new Stmt.ForEach(f.element(), f.array(), block(f.body()), f.label(), f.pos()));
        } else {
            out.add(s);
        }
    }

    /** {@code e} with its calls moved into locals declared in {@code before}; a root call stays. */
    private Expr hoist(Expr e, List<Stmt> before, boolean root) {
        if (!containsCall(e)) {
            return e;
        }
        if (e instanceof Expr.Call c) {
            List<Expr> args = new ArrayList<>();
            for (Expr a : c.args()) {
                Expr arg = hoist(a, before, false);
                if (arg.type().rank() > 0 && !(arg instanceof Expr.VarRef || arg instanceof Expr.ArrayAccess)) {
                    // an array made in the argument list becomes a local, which has an adjoint of its own
                    Var local = new Var(names.fresh(c.callee().name() + "_arg"), arg.type());
                    before.add(new Stmt.Decl(local, arg, null));
                    arg = new Expr.VarRef(local);
                }
                args.add(arg);
            }
            Expr call = new Expr.Call(c.callee(), c.receiver(), args, c.type());
            if (root) {
                return call;
            }
            Var t = new Var(names.fresh(c.callee().name()), c.type());
            before.add(new Stmt.Decl(t, call, null));
            return new Expr.VarRef(t);
        }
        if (e instanceof Expr.Conditional c && (containsCall(c.whenTrue()) || containsCall(c.whenFalse()))) {
            Var t = new Var(names.fresh("choice"), c.type());
            before.add(new Stmt.Decl(t, null, null));
            List<Stmt> then = new ArrayList<>();
            then.add(new Stmt.Assign(new Expr.VarRef(t), AssignOp.SET, hoist(c.whenTrue(), then, true), null));
            List<Stmt> otherwise = new ArrayList<>();
            otherwise.add(new Stmt.Assign(new Expr.VarRef(t), AssignOp.SET, hoist(c.whenFalse(), otherwise, true),
                    null));
            before.add(new Stmt.If(c.condition(), new Stmt.Block(then), new Stmt.Block(otherwise), null));
            return new Expr.VarRef(t);
        }
        if (!e.type().isFloating()) {
            return e;
        }
        if (e instanceof Expr.ArrayLiteral l) {
            List<Expr> elements = new ArrayList<>();
            for (Expr x : l.elements()) {
                elements.add(hoist(x, before, false));
            }
            return new Expr.ArrayLiteral(l.type(), elements);
        }
        if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), hoist(u.operand(), before, false), u.type());
        }
        if (e instanceof Expr.Binary b) {
            Expr left = hoist(b.left(), before, false);
            return new Expr.Binary(b.op(), left, hoist(b.right(), before, false), b.type());
        }
        if (e instanceof Expr.MathCall m) {
            List<Expr> args = new ArrayList<>();
            for (Expr a : m.args()) {
                args.add(hoist(a, before, false));
            }
            return new Expr.MathCall(m.owner(), m.fn(), args);
        }
        if (e instanceof Expr.Cast c) {
            return new Expr.Cast(c.type(), hoist(c.operand(), before, false));
        }
        return e;
    }

    private static boolean containsCall(Expr e) {
        boolean[] found = {false};
        org.cotangent.processor.ir.IrWalk.forEachExpr(e, x -> found[0] |= x instanceof Expr.Call);
        return found[0];
    }
}
