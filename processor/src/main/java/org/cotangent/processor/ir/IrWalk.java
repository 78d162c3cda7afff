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
        } else if (e instanceof Expr.Length l) {
            forEachExpr(l.array(), visit);
        } else if (e instanceof Expr.ArrayLiteral l) {
            l.elements().forEach(a -> forEachExpr(a, visit));
        } else if (e instanceof Expr.Clone c) {
            forEachExpr(c.array(), visit);
        } else if (e instanceof Expr.InstanceField f) {
            forEachExpr(f.receiver(), visit);
        } else if (e instanceof Expr.PrivateField f && f.receiver() != null) {
            forEachExpr(f.receiver(), visit);
        } else if (e instanceof Expr.Pullback p) {
            p.allArguments().forEach(a -> forEachExpr(a, visit));
        } else if (e instanceof Expr.Call c) {
            if (c.receiver() != null) {
                forEachExpr(c.receiver(), visit);
            }
            c.args().forEach(a -> forEachExpr(a, visit));
        }
    }

    /** The direct subexpressions of {@code e}, in evaluation order. */
    public static java.util.List<Expr> children(Expr e) {
        java.util.List<Expr> out = new java.util.ArrayList<>();
        if (e instanceof Expr.Unary u) {
            out.add(u.operand());
        } else if (e instanceof Expr.Binary b) {
            out.add(b.left());
            out.add(b.right());
        } else if (e instanceof Expr.MathCall m) {
            out.addAll(m.args());
        } else if (e instanceof Expr.StaticCall c) {
            out.addAll(c.args());
        } else if (e instanceof Expr.Conditional c) {
            out.add(c.condition());
            out.add(c.whenTrue());
            out.add(c.whenFalse());
        } else if (e instanceof Expr.Cast c) {
            out.add(c.operand());
        } else if (e instanceof Expr.ArrayAccess a) {
            out.add(a.array());
            out.add(a.index());
        } else if (e instanceof Expr.NewArray n) {
            out.addAll(n.dimensions());
        } else if (e instanceof Expr.Construct c) {
            out.addAll(c.args());
        } else if (e instanceof Expr.Length l) {
            out.add(l.array());
        } else if (e instanceof Expr.ArrayLiteral l) {
            out.addAll(l.elements());
        } else if (e instanceof Expr.Clone c) {
            out.add(c.array());
        } else if (e instanceof Expr.InstanceField f) {
            out.add(f.receiver());
        } else if (e instanceof Expr.PrivateField f && f.receiver() != null) {
            out.add(f.receiver());
        } else if (e instanceof Expr.Pullback p) {
            out.addAll(p.allArguments());
        } else if (e instanceof Expr.Call c) {
            if (c.receiver() != null) {
                out.add(c.receiver());
            }
            out.addAll(c.args());
        }
        return out;
    }

    /** The label of a loop statement, or null (for an unlabelled loop or any other statement). */
    public static String loopLabel(Stmt s) {
        if (s instanceof Stmt.While w) {
            return w.label();
        }
        if (s instanceof Stmt.DoWhile d) {
            return d.label();
        }
        if (s instanceof Stmt.For f) {
            return f.label();
        }
        if (s instanceof Stmt.ForEach f) {
            return f.label();
        }
        return null;
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
        forEachExpr(e, x -> found[0] |= x instanceof Expr.MathCall || x instanceof Expr.StaticCall
                || x instanceof Expr.Call);
        return found[0];
    }

    /** {@code stmts} with nested blocks opened, in order. */
    public static java.util.List<Stmt> flatten(java.util.List<Stmt> stmts) {
        java.util.List<Stmt> out = new java.util.ArrayList<>();
        for (Stmt s : stmts) {
            if (s instanceof Stmt.Block b) {
                out.addAll(flatten(b.stmts()));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** Calls {@code visit} on {@code s} and every statement nested in it, outer first. */
    public static void forEachStmt(Stmt s, Consumer<Stmt> visit) {
        visit.accept(s);
        if (s instanceof Stmt.Block b) {
            b.stmts().forEach(x -> forEachStmt(x, visit));
        } else if (s instanceof Stmt.If f) {
            forEachStmt(f.then(), visit);
            forEachStmt(f.otherwise(), visit);
        } else if (s instanceof Stmt.While w) {
            forEachStmt(w.body(), visit);
        } else if (s instanceof Stmt.CountedLoop c) {
            forEachStmt(c.body(), visit);
        } else if (s instanceof Stmt.DoWhile d) {
            forEachStmt(d.body(), visit);
        } else if (s instanceof Stmt.For f) {
            f.init().forEach(x -> forEachStmt(x, visit));
            f.update().forEach(x -> forEachStmt(x, visit));
            forEachStmt(f.body(), visit);
        } else if (s instanceof Stmt.ForEach f) {
            forEachStmt(f.body(), visit);
        }
    }

    /** The expressions a statement evaluates itself (not those of nested statements). */
    public static java.util.List<Expr> ownExprs(Stmt s) {
        java.util.List<Expr> out = new java.util.ArrayList<>();
        if (s instanceof Stmt.Decl d && d.init() != null) {
            out.add(d.init());
        } else if (s instanceof Stmt.Assign a) {
            out.add(a.target());
            out.add(a.value());
        } else if (s instanceof Stmt.If f) {
            out.add(f.condition());
        } else if (s instanceof Stmt.ExprStmt e) {
            out.add(e.expr());
        } else if (s instanceof Stmt.Return r && r.value() != null) {
            out.add(r.value());
        } else if (s instanceof Stmt.While w) {
            out.add(w.condition());
        } else if (s instanceof Stmt.CountedLoop c) {
            out.add(c.from());
            out.add(c.to());
        } else if (s instanceof Stmt.DoWhile d) {
            out.add(d.condition());
        } else if (s instanceof Stmt.For f && f.condition() != null) {
            out.add(f.condition());
        } else if (s instanceof Stmt.ForEach f) {
            out.add(f.array());
        } else if (s instanceof Stmt.Throw t) {
            out.addAll(t.holes());
        } else if (s instanceof Stmt.Assert a) {
            out.add(a.condition());
            out.addAll(a.holes());
        }
        return out;
    }

    /** The root variable of an array expression: {@code a} for {@code a}, {@code a[i]}, {@code a[i][j]}. */
    public static Var rootVar(Expr e) {
        if (e instanceof Expr.VarRef r) {
            return r.var();
        }
        if (e instanceof Expr.ArrayAccess a) {
            return rootVar(a.array());
        }
        return null;
    }

    /** The variable a declaration or an assignment to a whole variable sets ({@code v = e}, not {@code v[i] = e}), or null. */
    public static Var wholeTarget(Stmt s) {
        if (s instanceof Stmt.Decl d) {
            return d.var();
        }
        return s instanceof Stmt.Assign a && a.target() instanceof Expr.VarRef r ? r.var() : null;
    }

    /** The value a declaration or an assignment stores, or null. */
    public static Expr storedValue(Stmt s) {
        return s instanceof Stmt.Decl d ? d.init() : s instanceof Stmt.Assign a ? a.value() : null;
    }

    /** The variables declared in {@code s} or in a statement in it, loop counters too. */
    public static java.util.Set<Var> declaredIn(Stmt s) {
        java.util.Set<Var> out = new java.util.HashSet<>();
        forEachStmt(s, x -> {
            if (x instanceof Stmt.Decl d) {
                out.add(d.var());
            } else if (x instanceof Stmt.CountedLoop c) {
                out.add(c.counter());
            }
        });
        return out;
    }

    /** The variable a statement assigns or declares (for an element write, the array's variable), or null. */
    public static Var definedVar(Stmt s) {
        if (s instanceof Stmt.Decl d) {
            return d.var();
        }
        if (s instanceof Stmt.Assign a) {
            return rootVar(a.target());
        }
        return null;
    }

    /**
     * The same access path as the array expression {@code e} ({@code a}, {@code a[i]},
     * {@code c ? a : b}), rooted at {@code root.apply(v)} for each variable {@code v} instead: how an
     * array's adjoint or tangent is reached. {@code what} names the companion in the error for an
     * expression that is no access path.
     */
    public static Expr reroot(Expr e, java.util.function.Function<Var, Var> root, String what) {
        if (e instanceof Expr.VarRef r) {
            Var companion = root.apply(r.var());
            if (companion == null) {
                throw new IllegalStateException("no " + what + " for " + r.var().name());
            }
            return new Expr.VarRef(companion);
        }
        if (e instanceof Expr.ArrayAccess a) {
            return new Expr.ArrayAccess(reroot(a.array(), root, what), a.index(), a.type());
        }
        if (e instanceof Expr.Conditional c) {
            return new Expr.Conditional(c.condition(), reroot(c.whenTrue(), root, what),
                    reroot(c.whenFalse(), root, what), c.type());
        }
        throw new IllegalStateException("no " + what + " for array expression " + e);
    }

    /**
     * {@code s} with each list of statements directly inside it (a block's, the branches of an if,
     * a loop's body) replaced by {@code f} of it; any other statement as it is. The one way the
     * passes over generated code rebuild structured statements.
     */
    public static Stmt withBlocks(Stmt s, java.util.function.UnaryOperator<java.util.List<Stmt>> f) {
        if (s instanceof Stmt.Block b) {
            return new Stmt.Block(f.apply(b.stmts()));
        }
        if (s instanceof Stmt.If i) {
            return new Stmt.If(i.condition(), new Stmt.Block(f.apply(i.then().stmts())),
                    new Stmt.Block(f.apply(i.otherwise().stmts())), i.pos());
        }
        if (s instanceof Stmt.While w) {
            return new Stmt.While(w.condition(), new Stmt.Block(f.apply(w.body().stmts())), w.label(), w.pos());
        }
        if (s instanceof Stmt.CountedLoop c) {
            return new Stmt.CountedLoop(c.counter(), c.from(), c.to(), c.up(), new Stmt.Block(f.apply(c.body().stmts())),
                    c.pos());
        }
        return s;
    }
}
