package org.cotangent.processor.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Rebuilds IR with every variable replaced through one mapping (declarations, targets and reads
 * alike) and every source position through another: how a callee's body is copied into its caller.
 * A subclass may also replace whole expressions ({@link #replace}).
 */
public class IrMap {
    private final UnaryOperator<Var> vars;
    private final UnaryOperator<SourcePos> positions;

    public IrMap(UnaryOperator<Var> vars, UnaryOperator<SourcePos> positions) {
        this.vars = vars;
        this.positions = positions;
    }

    public Stmt.Block block(Stmt.Block b) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : b.stmts()) {
            out.add(stmt(s));
        }
        return new Stmt.Block(out);
    }

    public Stmt stmt(Stmt s) {
        SourcePos pos = s.pos() == null ? null : positions.apply(s.pos());
        if (s instanceof Stmt.Decl d) {
            return new Stmt.Decl(vars.apply(d.var()), d.init() == null ? null : expr(d.init()), pos);
        }
        if (s instanceof Stmt.Assign a) {
            return new Stmt.Assign(expr(a.target()), a.op(), expr(a.value()), pos);
        }
        if (s instanceof Stmt.If f) {
            return new Stmt.If(expr(f.condition()), block(f.then()), block(f.otherwise()), pos);
        }
        if (s instanceof Stmt.Return r) {
            return new Stmt.Return(r.value() == null ? null : expr(r.value()), pos);
        }
        if (s instanceof Stmt.ExprStmt e) {
            return new Stmt.ExprStmt(expr(e.expr()), pos);
        }
        if (s instanceof Stmt.Throw t) {
            return new Stmt.Throw(t.template(), t.holes().stream().map(this::expr).toList(), pos);
        }
        if (s instanceof Stmt.Assert a) {
            return new Stmt.Assert(expr(a.condition()), a.template(), a.holes().stream().map(this::expr).toList(), pos);
        }
        if (s instanceof Stmt.Block b) {
            return block(b);
        }
        if (s instanceof Stmt.While w) {
            return new Stmt.While(expr(w.condition()), block(w.body()), w.label(), pos);
        }
        if (s instanceof Stmt.DoWhile d) {
            return new Stmt.DoWhile(block(d.body()), expr(d.condition()), d.label(), pos);
        }
        if (s instanceof Stmt.For f) {
            return new Stmt.For(f.init().stream().map(this::stmt).toList(),
                    f.condition() == null ? null : expr(f.condition()), f.update().stream().map(this::stmt).toList(),
                    block(f.body()), f.label(), pos);
        }
        if (s instanceof Stmt.ForEach f) {
            return new Stmt.ForEach(vars.apply(f.element()), expr(f.array()), block(f.body()), f.label(), pos);
        }
        if (s instanceof Stmt.CountedLoop c) {
            return new Stmt.CountedLoop(vars.apply(c.counter()), expr(c.from()), expr(c.to()), c.up(), block(c.body()),
                    pos);
        }
        return s; // Break, Continue, Comment: no variables
    }

    /** A replacement for {@code e} as a whole, or null to map its parts; subclasses override it. */
    protected Expr replace(Expr e) {
        return null;
    }

    public Expr expr(Expr e) {
        Expr replaced = replace(e);
        if (replaced != null) {
            return replaced;
        }
        if (e instanceof Expr.VarRef r) {
            return new Expr.VarRef(vars.apply(r.var()));
        }
        if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), expr(u.operand()), u.type());
        }
        if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), expr(b.left()), expr(b.right()), b.type());
        }
        if (e instanceof Expr.MathCall m) {
            return new Expr.MathCall(m.owner(), m.fn(), exprs(m.args()));
        }
        if (e instanceof Expr.StaticCall c) {
            return new Expr.StaticCall(c.owner(), c.name(), exprs(c.args()), c.type(), c.writes());
        }
        if (e instanceof Expr.Conditional c) {
            return new Expr.Conditional(expr(c.condition()), expr(c.whenTrue()), expr(c.whenFalse()), c.type());
        }
        if (e instanceof Expr.Cast c) {
            return new Expr.Cast(c.type(), expr(c.operand()));
        }
        if (e instanceof Expr.ArrayAccess a) {
            return new Expr.ArrayAccess(expr(a.array()), expr(a.index()), a.type());
        }
        if (e instanceof Expr.NewArray n) {
            return new Expr.NewArray(n.type(), exprs(n.dimensions()));
        }
        if (e instanceof Expr.Construct c) {
            return new Expr.Construct(c.className(), exprs(c.args()), c.type());
        }
        if (e instanceof Expr.Length l) {
            return new Expr.Length(expr(l.array()));
        }
        if (e instanceof Expr.ArrayLiteral l) {
            return new Expr.ArrayLiteral(l.type(), exprs(l.elements()));
        }
        if (e instanceof Expr.Clone c) {
            return new Expr.Clone(expr(c.array()));
        }
        if (e instanceof Expr.InstanceField f) {
            return new Expr.InstanceField(expr(f.receiver()), f.name(), f.type());
        }
        if (e instanceof Expr.PrivateField f && f.receiver() != null) {
            return new Expr.PrivateField(f.owner(), f.name(), f.type(), expr(f.receiver()), f.handle());
        }
        if (e instanceof Expr.Pullback p) {
            return new Expr.Pullback(p.callee(), p.receiver() == null ? null : expr(p.receiver()), exprs(p.args()),
                    p.seed() == null ? null : expr(p.seed()), exprs(p.accumulators()));
        }
        if (e instanceof Expr.Call c) {
            return new Expr.Call(c.callee(), c.receiver() == null ? null : expr(c.receiver()), exprs(c.args()),
                    c.type());
        }
        return e; // Literal, FieldRef, static PrivateField
    }

    private List<Expr> exprs(List<Expr> es) {
        List<Expr> out = new ArrayList<>(es.size());
        for (Expr e : es) {
            out.add(expr(e));
        }
        return out;
    }
}
