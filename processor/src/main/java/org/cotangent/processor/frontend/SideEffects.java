package org.cotangent.processor.frontend;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import org.cotangent.processor.diag.Message;
import org.cotangent.processor.ir.AssignOp;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.Var;
import org.cotangent.processor.naming.Names;

import java.util.ArrayList;
import java.util.List;

/**
 * Side effects inside expressions ({@code a[i++]}, {@code x = y = 0}, {@code s += (s = 2)}),
 * evaluated in Java's order: each becomes a pending statement that the statement reader puts in
 * front of its statement, and the expression reads what Java's reads. Operands that a later
 * operand's effect would change are kept in locals where Java evaluated them.
 */
final class SideEffects {
    private static final Expr ERROR = BodyReader.ERROR;

    private final ExprReader exprs;
    private final Names names;
    private final Reporter reporter;
    private final CompilationUnitTree unit;
    /** The pending statements, in the order Java runs them. */
    private final List<Stmt> pending = new ArrayList<>();

    SideEffects(ExprReader exprs, Names names, Reporter reporter, CompilationUnitTree unit) {
        this.exprs = exprs;
        this.names = names;
        this.reporter = reporter;
        this.unit = unit;
    }

    int mark() {
        return pending.size();
    }

    /** Statements that run where the expression being read is, before the statement that holds it. */
    void add(List<Stmt> statements) {
        pending.addAll(statements);
    }

    List<Stmt> drainFrom(int mark) {
        List<Stmt> out = new ArrayList<>(pending.subList(mark, pending.size()));
        pending.subList(mark, pending.size()).clear();
        return out;
    }

    /**
     * An assignment, compound assignment, ++ or -- inside an expression: its effect becomes a
     * pending statement, in Java's order (the target's array and index first, then the value), and
     * the expression reads what Java's does: the variable after the assignment, or for {@code x++}
     * its value before, kept in a local. Where the value's own side effects change what the target
     * reads, the target's index, and for a compound assignment its old value, are kept first
     * ({@code a[i] = i++}, {@code s += (s = 2)}).
     */
    Expr inExpression(TreePath path) {
        return sideEffect(path, false);
    }

    /** An assignment, compound assignment, ++ or -- written as a statement: its effects pending, the assignment returned. */
    Stmt statement(TreePath path) {
        int mark = pending.size();
        if (sideEffect(path, true) == ERROR) {
            drainFrom(mark);
            return null;
        }
        return pending.remove(pending.size() - 1);
    }

    private Expr sideEffect(TreePath path, boolean discarded) {
        Tree tree = path.getLeaf();
        boolean step = tree instanceof UnaryTree;
        TreePath targetPath = new TreePath(path, step ? ((UnaryTree) tree).getExpression()
                : tree instanceof AssignmentTree a ? a.getVariable() : ((CompoundAssignmentTree) tree).getVariable());
        Expr target = exprs.assignTarget(targetPath);
        if (target == null) {
            return ERROR;
        }
        AssignOp op = switch (tree.getKind()) {
            case ASSIGNMENT -> AssignOp.SET;
            case PLUS_ASSIGNMENT, PREFIX_INCREMENT, POSTFIX_INCREMENT -> AssignOp.ADD;
            case MINUS_ASSIGNMENT, PREFIX_DECREMENT, POSTFIX_DECREMENT -> AssignOp.SUB;
            case MULTIPLY_ASSIGNMENT -> AssignOp.MUL;
            case DIVIDE_ASSIGNMENT -> AssignOp.DIV;
            default -> AssignOp.REM;
        };
        Expr value;
        if (step) {
            value = new Expr.Literal("1", Type.INT);
        } else {
            ExpressionTree v = tree instanceof AssignmentTree a ? a.getExpression()
                    : ((CompoundAssignmentTree) tree).getExpression();
            int mark = pending.size();
            value = exprs.expression(new TreePath(path, v));
            if (value == ERROR) {
                return ERROR;
            }
            int before = pending.size();
            target = keptBefore(target, mark);
            int at = mark + (pending.size() - before);
            if (op != AssignOp.SET && pending.size() > at && changedBy(target, pending.subList(at, pending.size()))) {
                // Java reads the old value before the value's side effects
                Var old = new Var(names.fresh(baseName(target) + "_old"), target.type());
                pending.add(at, new Stmt.Decl(old, target, null));
                Type wide = target.type().isFloating() || value.type().isFloating() ? Type.DOUBLE
                        : target.type().equals(Type.LONG) || value.type().equals(Type.LONG) ? Type.LONG : Type.INT;
                Expr combined = new Expr.Binary(op.binary().orElseThrow(), new Expr.VarRef(old), value, wide);
                value = wide.equals(target.type()) ? combined : new Expr.Cast(target.type(), combined);
                op = AssignOp.SET;
            }
        }
        Expr result = target;
        boolean postfix = tree.getKind() == Tree.Kind.POSTFIX_INCREMENT
                || tree.getKind() == Tree.Kind.POSTFIX_DECREMENT;
        if (postfix && !discarded) {
            Var before = new Var(names.fresh(baseName(target) + "_before"), target.type());
            pending.add(new Stmt.Decl(before, target, null));
            result = new Expr.VarRef(before);
        }
        pending.add(new Stmt.Assign(target, op, value, null));
        return result;
    }

    private static String baseName(Expr e) {
        Var root = org.cotangent.processor.ir.IrWalk.rootVar(e);
        return root == null ? "value" : root.name();
    }

    /**
     * An expression Java evaluates only sometimes (a branch of ?:, the right side of && and ||): a
     * side effect inside it cannot be moved before the whole expression, so it is an error.
     */
    Expr unconditional(TreePath path) {
        int mark = pending.size();
        Expr e = exprs.expression(path);
        if (pending.size() > mark) {
            drainFrom(mark);
            reporter.error(Message.CONDITIONAL_SIDE_EFFECT, path.getLeaf(), unit);
            return ERROR;
        }
        return e;
    }

    /**
     * Reads operands in Java's order. An operand read before a later operand whose side effect
     * changes what it reads ({@code a[i] + a[i++]}, {@code x + (x = 2)}) is kept in a local first,
     * where Java evaluated it.
     */
    List<Expr> inOrder(List<TreePath> paths) {
        List<Expr> out = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        for (TreePath p : paths) {
            int before = pending.size();
            Expr e = exprs.expression(p);
            if (pending.size() > before) {
                for (int k = 0; k < out.size(); k++) {
                    Expr earlier = out.get(k);
                    if (earlier != ERROR && changedBy(earlier, pending.subList(before, pending.size()))) {
                        Var kept = new Var(names.fresh(baseName(earlier) + "_first"), earlier.type());
                        int at = ends.get(k);
                        pending.add(at, new Stmt.Decl(kept, earlier, null));
                        for (int m = k; m < ends.size(); m++) {
                            ends.set(m, ends.get(m) + 1);
                        }
                        out.set(k, new Expr.VarRef(kept));
                    }
                }
            }
            out.add(e);
            ends.add(pending.size());
        }
        return out;
    }

    /** Keeps {@code target}'s index (already pure) as is, unless the value's side effects since {@code mark} change it. */
    private Expr keptBefore(Expr target, int mark) {
        if (target instanceof Expr.ArrayAccess a && pending.size() > mark
                && changedBy(a.index(), pending.subList(mark, pending.size()))) {
            Var index = new Var(names.fresh(baseName(a.array()) + "_index"), a.index().type());
            pending.add(mark, new Stmt.Decl(index, a.index(), null));
            return new Expr.ArrayAccess(a.array(), new Expr.VarRef(index), a.type());
        }
        return target;
    }

    /** Whether the statements change a variable {@code e} reads, or an array element when {@code e} reads one. */
    private static boolean changedBy(Expr e, List<Stmt> effects) {
        java.util.Set<Var> reads = org.cotangent.processor.ir.IrWalk.varsRead(e);
        boolean[] readsElement = {false};
        org.cotangent.processor.ir.IrWalk.forEachExpr(e, x -> readsElement[0] |= x instanceof Expr.ArrayAccess);
        for (Stmt s : effects) {
            if (s instanceof Stmt.Assign a) {
                if (a.target() instanceof Expr.VarRef r ? reads.contains(r.var()) : readsElement[0]) {
                    return true;
                }
            }
        }
        return false;
    }
}
