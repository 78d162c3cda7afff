package org.cotangent.processor.cleanup;

import org.cotangent.processor.ir.AssignOp;
import org.cotangent.processor.ir.BinaryOp;
import org.cotangent.processor.ir.Build;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.Var;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Only with {@code -Acotangent.reassociate=true}: a counted loop that does nothing but add pure
 * terms into scalar sums ({@code z += w[j * n + i] * x[i]}, a dot product; its tangent
 * {@code z_dot += ...} beside it) runs four iterations per trip into four partial sums, added
 * together after the loop. One chain of dependent additions becomes four independent ones, which
 * the processor can run side by side: a matrix-vector product's sums cost about a third. The sums
 * are then added in a different order, so the value differs from the user's method in its last bits.
 * That is why the user opts in; by default generated code adds in the user's order, bit for bit.
 */
public final class SplitSums {
    /** Partial sums per sum: four hide the latency of a floating-point addition on current cores. */
    static final int WAYS = 4;

    private final Set<String> taken;

    private SplitSums(Set<String> taken) {
        this.taken = taken;
    }

    /** {@code body} with every loop of that shape split; {@code params} are the method's parameter names. */
    public static Stmt.Block apply(Stmt.Block body, List<String> params) {
        Set<String> taken = new HashSet<>(params);
        IrWalk.forEachStmt(body, s -> {
            Var v = IrWalk.definedVar(s);
            if (v != null) {
                taken.add(v.name());
            }
            if (s instanceof Stmt.CountedLoop c) {
                taken.add(c.counter().name());
            }
            for (Expr e : IrWalk.ownExprs(s)) {
                IrWalk.forEachExpr(e, x -> {
                    if (x instanceof Expr.VarRef r) {
                        taken.add(r.var().name());
                    }
                });
            }
        });
        return new Stmt.Block(new SplitSums(taken).stmts(body.stmts()));
    }

    private List<Stmt> stmts(List<Stmt> in) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : in) {
            if (s instanceof Stmt.CountedLoop c && sums(c) != null) {
                out.addAll(split(c, sums(c)));
            } else {
                out.add(IrWalk.withBlocks(s, this::stmts));
            }
        }
        return out;
    }

    /** The sums {@code c} adds into, in order, when it has the shape; otherwise null. */
    private static List<Var> sums(Stmt.CountedLoop c) {
        if (!c.up()) {
            return null;
        }
        List<Var> sums = new ArrayList<>();
        for (Stmt s : c.body().stmts()) {
            if (s instanceof Stmt.Comment) {
                continue;
            }
            if (!(s instanceof Stmt.Assign a && a.op() == AssignOp.ADD && a.target() instanceof Expr.VarRef r
                    && r.var().type().equals(Type.DOUBLE) && !sums.contains(r.var()) && pure(a.value()))) {
                return null;
            }
            sums.add(r.var());
        }
        if (sums.isEmpty() || !pure(c.from()) || !pure(c.to())) {
            return null;
        }
        Set<Var> read = new HashSet<>(IrWalk.varsRead(c.from()));
        read.addAll(IrWalk.varsRead(c.to()));
        for (Stmt s : c.body().stmts()) {
            if (s instanceof Stmt.Assign a) {
                read.addAll(IrWalk.varsRead(a.value()));
            }
        }
        return sums.stream().anyMatch(read::contains) ? null : sums;
    }

    /** Arithmetic over locals, literals, constants and array elements: no call, no write. */
    private static boolean pure(Expr e) {
        boolean[] ok = {true};
        IrWalk.forEachExpr(e, x -> ok[0] &= x instanceof Expr.Literal || x instanceof Expr.VarRef
                || x instanceof Expr.Binary || x instanceof Expr.Unary || x instanceof Expr.Cast
                || x instanceof Expr.ArrayAccess || x instanceof Expr.MathCall || x instanceof Expr.FieldRef
                || x instanceof Expr.Length);
        return ok[0];
    }

    private List<Stmt> split(Stmt.CountedLoop c, List<Var> sums) {
        List<Stmt> out = new ArrayList<>();
        Map<Var, List<Var>> partials = new LinkedHashMap<>();
        for (Var s : sums) {
            List<Var> lanes = new ArrayList<>();
            for (int k = 1; k < WAYS; k++) {
                Var lane = new Var(fresh(s.name() + "_part" + k), Type.DOUBLE);
                lanes.add(lane);
                out.add(new Stmt.Decl(lane, Build.ZERO, c.pos()));
            }
            partials.put(s, lanes);
        }
        Var counter = c.counter();
        Expr count = isIntZero(c.from()) ? c.to() : new Expr.Binary(BinaryOp.SUB, c.to(), c.from(), Type.INT);
        Var trips = new Var(fresh(counter.name() + "_quads"), Type.INT);
        out.add(new Stmt.Decl(trips, new Expr.Binary(BinaryOp.DIV, count, intLit(WAYS), Type.INT), c.pos()));
        Var quad = new Var(fresh(counter.name() + "_quad"), Type.INT);
        Expr first = new Expr.Binary(BinaryOp.MUL, intLit(WAYS), Build.ref(quad), Type.INT);
        if (!isIntZero(c.from())) {
            first = new Expr.Binary(BinaryOp.ADD, c.from(), first, Type.INT);
        }
        List<Stmt> body = new ArrayList<>();
        for (int k = 0; k < WAYS; k++) {
            Expr index = k == 0 ? first : new Expr.Binary(BinaryOp.ADD, first, intLit(k), Type.INT);
            for (Stmt s : c.body().stmts()) {
                if (s instanceof Stmt.Comment comment) {
                    if (k == 0) {
                        body.add(comment);
                    }
                    continue;
                }
                Stmt.Assign a = (Stmt.Assign) s;
                Var sum = ((Expr.VarRef) a.target()).var();
                Var into = k == 0 ? sum : partials.get(sum).get(k - 1);
                body.add(new Stmt.Assign(Build.ref(into), AssignOp.ADD, replace(a.value(), counter, index), a.pos()));
            }
        }
        out.add(new Stmt.CountedLoop(quad, intLit(0), Build.ref(trips), true, new Stmt.Block(body), c.pos()));
        // the last (count mod 4) iterations, as the user wrote them; none when count <= 0
        Expr rest = new Expr.Binary(BinaryOp.MUL, intLit(WAYS), Build.ref(trips), Type.INT);
        if (!isIntZero(c.from())) {
            rest = new Expr.Binary(BinaryOp.ADD, c.from(), rest, Type.INT);
        }
        out.add(new Stmt.CountedLoop(counter, rest, c.to(), true, c.body(), c.pos()));
        for (Var s : sums) {
            List<Var> lanes = partials.get(s);
            Expr total = new Expr.Binary(BinaryOp.ADD, new Expr.Binary(BinaryOp.ADD, Build.ref(lanes.get(0)),
                    Build.ref(lanes.get(1)), Type.DOUBLE), Build.ref(lanes.get(2)), Type.DOUBLE);
            out.add(new Stmt.Assign(Build.ref(s), AssignOp.ADD, total, c.pos()));
        }
        return out;
    }

    private String fresh(String base) {
        String name = base;
        for (int i = 2; !taken.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    private static boolean isIntZero(Expr e) {
        return e instanceof Expr.Literal l && l.text().equals("0");
    }

    private static Expr intLit(int value) {
        return new Expr.Literal(Integer.toString(value), Type.INT);
    }

    /** {@code e} with every read of {@code v} replaced by {@code by}. */
    private static Expr replace(Expr e, Var v, Expr by) {
        if (e instanceof Expr.VarRef r) {
            return r.var().equals(v) ? by : e;
        }
        if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), replace(b.left(), v, by), replace(b.right(), v, by), b.type());
        }
        if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), replace(u.operand(), v, by), u.type());
        }
        if (e instanceof Expr.Cast c) {
            return new Expr.Cast(c.type(), replace(c.operand(), v, by));
        }
        if (e instanceof Expr.ArrayAccess a) {
            return new Expr.ArrayAccess(replace(a.array(), v, by), replace(a.index(), v, by), a.type());
        }
        if (e instanceof Expr.MathCall m) {
            return new Expr.MathCall(m.owner(), m.fn(), m.args().stream().map(x -> replace(x, v, by)).toList());
        }
        if (e instanceof Expr.Length l) {
            return new Expr.Length(replace(l.array(), v, by));
        }
        return e;
    }
}
