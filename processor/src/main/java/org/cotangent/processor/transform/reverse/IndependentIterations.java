package org.cotangent.processor.transform.reverse;

import org.cotangent.processor.ir.AssignOp;
import org.cotangent.processor.ir.BinaryOp;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Var;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether the iterations of a backward loop body may run in any order with bit-identical
 * results: every statement adds into an element of an array or of a fixed row ({@code a[i + k] += e},
 * {@code m[r][i] += e}) at an index
 * that differs in every iteration, each array is written by one statement only, and nothing the
 * body writes is read by it. Reverse mode then keeps such a loop in the forward order, where the
 * JIT vectorises it, instead of counting down.
 */
final class IndependentIterations {
    private IndependentIterations() {
    }

    static boolean test(Var counter, List<Stmt> body) {
        if (body.isEmpty()) {
            return false;
        }
        Set<Var> written = new HashSet<>();
        for (Stmt s : body) {
            if (!(s instanceof Stmt.Assign a) || a.op() != AssignOp.ADD && a.op() != AssignOp.SUB
                    || !(a.target() instanceof Expr.ArrayAccess target)
                    || !(target.array() instanceof Expr.VarRef || target.array() instanceof Expr.ArrayAccess row
                            && row.array() instanceof Expr.VarRef)
                    || !written.add(IrWalk.rootVar(target.array()))) {
                return false;
            }
        }
        for (Stmt s : body) {
            Stmt.Assign a = (Stmt.Assign) s;
            Expr.ArrayAccess target = (Expr.ArrayAccess) a.target();
            if (target.array() instanceof Expr.ArrayAccess row && !invariant(row.index(), counter, written)) {
                return false;
            }
            if (!injective(target.index(), counter, written) || readsAny(a.value(), written)
                    || IrWalk.hasCall(a.value())) {
                return false;
            }
            boolean[] pure = {true};
            IrWalk.forEachExpr(a.value(), e -> pure[0] &= !(e instanceof Expr.StaticCall));
            if (!pure[0]) {
                return false;
            }
        }
        return true;
    }

    /** {@code counter}, or {@code counter} plus or minus (or added to) an expression that does not change in the loop. */
    private static boolean injective(Expr index, Var counter, Set<Var> written) {
        if (index instanceof Expr.VarRef r) {
            return r.var().equals(counter);
        }
        if (index instanceof Expr.Binary b && (b.op() == BinaryOp.ADD || b.op() == BinaryOp.SUB)) {
            boolean left = b.left() instanceof Expr.VarRef r && r.var().equals(counter)
                    && invariant(b.right(), counter, written);
            boolean right = b.op() == BinaryOp.ADD && b.right() instanceof Expr.VarRef r && r.var().equals(counter)
                    && invariant(b.left(), counter, written);
            return left || right;
        }
        return false;
    }

    private static boolean invariant(Expr e, Var counter, Set<Var> written) {
        Set<Var> read = IrWalk.varsRead(e);
        return !read.contains(counter) && !readsAny(e, written) && !IrWalk.hasCall(e);
    }

    private static boolean readsAny(Expr e, Set<Var> vars) {
        for (Var v : vars) {
            if (IrWalk.reads(e, v)) {
                return true;
            }
        }
        return false;
    }
}
