package org.cotangent.processor.cleanup;

import org.cotangent.processor.ir.AssignOp;
import org.cotangent.processor.ir.Build;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Var;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Uses what is known to hold 0, walking each block forwards:
 * <ul>
 *   <li>{@code v += e;} where {@code v} holds 0 becomes {@code v = e;}, and a reset {@code v = 0.0;}
 *       of a variable that holds 0 goes;</li>
 *   <li>a loop whose body ends by resetting {@code v} to 0 (an adjoint restarting each backward
 *       iteration), entered with {@code v} at 0, has {@code v} at 0 at the start of every
 *       iteration too;</li>
 *   <li>{@code double a_adj = 0.0;} is sunk into the first statement that sets {@code a_adj} when
 *       that statement follows in the same block and nothing between mentions it:
 *       {@code double a_adj = e;}, as a person writes an adjoint.</li>
 * </ul>
 * Then {@link DeadStores} removes the resets nobody reads any more. Only the sign of a zero can
 * differ ({@code 0.0 + -0.0} is {@code 0.0}); no other value changes.
 */
final class ZeroInits {
    private ZeroInits() {
    }

    static Stmt.Block apply(Stmt.Block body) {
        return new Stmt.Block(block(body.stmts(), Set.of()).stmts());
    }

    /** A block rewritten, and the variables known to hold 0 at its end. */
    private record Walked(List<Stmt> stmts, Set<Var> zeroAtEnd) {
    }

    private static Walked block(List<Stmt> stmts, Set<Var> entryZero) {
        List<Stmt> out = new ArrayList<>(stmts);
        Set<Var> zero = new HashSet<>(entryZero);
        for (int i = 0; i < out.size(); i++) {
            Stmt s = out.get(i);
            if (s instanceof Stmt.Decl d) {
                zero.remove(d.var());
                if (isZero(d)) {
                    zero.add(d.var());
                }
            } else if (s instanceof Stmt.Assign a && a.target() instanceof Expr.VarRef r) {
                Var v = r.var();
                boolean reset = a.op() == AssignOp.SET && isZeroLiteral(a.value(), v);
                if (reset && zero.contains(v)) {
                    out.remove(i--);
                    continue;
                }
                if (zero.contains(v) && (a.op() == AssignOp.ADD || a.op() == AssignOp.SUB)
                        && !IrWalk.reads(a.value(), v) && v.type().isFloating()) {
                    out.set(i, new Stmt.Assign(a.target(), AssignOp.SET,
                            a.op() == AssignOp.SUB ? Build.neg(a.value()) : a.value(), a.pos()));
                }
                zero.remove(v);
                if (reset) {
                    zero.add(v);
                }
            } else if (s instanceof Stmt.Block b) {
                Walked inner = block(b.stmts(), zero);
                out.set(i, new Stmt.Block(inner.stmts()));
                zero = new HashSet<>(inner.zeroAtEnd());
            } else if (s instanceof Stmt.If f) {
                Walked then = block(f.then().stmts(), zero);
                Walked otherwise = block(f.otherwise().stmts(), zero);
                out.set(i, new Stmt.If(f.condition(), new Stmt.Block(then.stmts()), new Stmt.Block(otherwise.stmts()),
                        f.pos()));
                zero = new HashSet<>(then.zeroAtEnd());
                zero.retainAll(otherwise.zeroAtEnd());
            } else if (s instanceof Stmt.While || s instanceof Stmt.CountedLoop) {
                Stmt.Block body = s instanceof Stmt.While w ? w.body() : ((Stmt.CountedLoop) s).body();
                Set<Var> atEntry = loopInvariantZeros(s, body, zero);
                Stmt.Block cleaned = new Stmt.Block(block(body.stmts(), atEntry).stmts());
                out.set(i, s instanceof Stmt.While w
                        ? new Stmt.While(w.condition(), cleaned, w.label(), w.pos())
                        : rebuild((Stmt.CountedLoop) s, cleaned));
                zero.removeIf(v -> writes(s, v) && !atEntry.contains(v));
            } else {
                zero.removeIf(v -> writes(s, v));
            }
        }
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) instanceof Stmt.Decl d && isZero(d)) {
                sink(out, i, d);
            }
        }
        return new Walked(out, zero);
    }

    /**
     * The variables at 0 at the start of every iteration of a loop entered with {@code zero} at 0:
     * the largest subset that its body, entered with them at 0, leaves at 0 (an induction over the
     * iterations; a loop that may leave early keeps none).
     */
    private static Set<Var> loopInvariantZeros(Stmt loop, Stmt.Block body, Set<Var> zero) {
        boolean[] jumps = {false};
        IrWalk.forEachStmt(body, x -> jumps[0] |= x instanceof Stmt.Break || x instanceof Stmt.Continue
                || x instanceof Stmt.Return);
        Set<Var> candidate = new HashSet<>(zero);
        if (jumps[0]) {
            candidate.clear();
        }
        if (loop instanceof Stmt.CountedLoop c) {
            candidate.remove(c.counter());
        }
        while (true) {
            Set<Var> next = new HashSet<>(candidate);
            next.retainAll(block(body.stmts(), candidate).zeroAtEnd());
            if (next.equals(candidate)) {
                return candidate;
            }
            candidate = next;
        }
    }

    private static Stmt rebuild(Stmt.CountedLoop c, Stmt.Block body) {
        return new Stmt.CountedLoop(c.counter(), c.from(), c.to(), c.up(), body, c.pos());
    }

    private static boolean isZero(Stmt.Decl d) {
        return d.var().type().rank() == 0 && isZeroLiteral(d.init(), d.var());
    }

    private static boolean isZeroLiteral(Expr e, Var v) {
        return v.type().rank() == 0 && e instanceof Expr.Literal l && l.text().equals(v.type().zero());
    }

    /** Moves the declaration at {@code i} to the first statement that sets its variable, if it can. */
    private static void sink(List<Stmt> out, int i, Stmt.Decl d) {
        Var v = d.var();
        for (int j = i + 1; j < out.size(); j++) {
            Stmt s = out.get(j);
            if (!mentions(s, v)) {
                continue;
            }
            if (s instanceof Stmt.Assign a && a.target() instanceof Expr.VarRef r && r.var().equals(v)
                    && !IrWalk.reads(a.value(), v)
                    && (a.op() == AssignOp.SET || a.op() == AssignOp.ADD || a.op() == AssignOp.SUB)) {
                Expr init = a.op() == AssignOp.SUB ? Build.neg(a.value()) : a.value();
                out.set(j, new Stmt.Decl(v, init, a.pos()));
                out.remove(i);
            }
            return;
        }
    }

    private static boolean mentions(Stmt s, Var v) {
        boolean[] found = {false};
        IrWalk.forEachStmt(s, x -> {
            found[0] |= x instanceof Stmt.Decl d && d.var().equals(v) || IrWalk.definedVar(x) != null
                    && IrWalk.definedVar(x).equals(v) || x instanceof Stmt.CountedLoop c && c.counter().equals(v);
            for (Expr e : IrWalk.ownExprs(x)) {
                found[0] |= IrWalk.reads(e, v);
            }
        });
        return found[0];
    }

    private static boolean writes(Stmt s, Var v) {
        boolean[] found = {false};
        IrWalk.forEachStmt(s, x -> found[0] |= x instanceof Stmt.Decl d && d.var().equals(v)
                || x instanceof Stmt.Assign a && a.target() instanceof Expr.VarRef r && r.var().equals(v)
                || x instanceof Stmt.CountedLoop c && c.counter().equals(v));
        return found[0];
    }
}
