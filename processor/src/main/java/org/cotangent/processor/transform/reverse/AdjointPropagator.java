package org.cotangent.processor.transform.reverse;

import org.cotangent.processor.analysis.Activity;
import org.cotangent.processor.ir.AssignOp;
import org.cotangent.processor.ir.Build;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.SourcePos;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.Var;
import org.cotangent.processor.naming.Names;
import org.cotangent.processor.rules.ChainRule;
import org.cotangent.processor.transform.ValueCache;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Emits the backward sweep of one expression: given the adjoint flowing into its value, adds
 * {@code partial * adjoint} into the adjoint of every active variable it reads, walking the tree
 * from the root (the chain rule as vector-Jacobian products).
 *
 * <p>Values of subexpressions that partials need are recomputed from the restored primal state;
 * an expensive one (a call or a division) is computed once into a local and reused (a small
 * common-subexpression cache that lives for one statement).
 */
final class AdjointPropagator {
    private final Activity activity;
    private final Names names;
    private final Function<Var, Var> adjointOf;
    private final SourcePos pos;
    private List<Stmt> out;
    private final ValueCache values;

    AdjointPropagator(Activity activity, Names names, Function<Var, Var> adjointOf, SourcePos pos, List<Stmt> out) {
        this.activity = activity;
        this.names = names;
        this.adjointOf = adjointOf;
        this.pos = pos;
        this.out = out;
        this.values = new ValueCache(names, pos, out);
    }

    /** Records that {@code variable} holds the value of {@code e} here, so that it is not recomputed. */
    void knownValue(Expr e, Var variable) {
        values.knownValue(e, variable);
    }

    /** The {@code Math} calls that primal locals hold here, for partials to read instead of calling. */
    void available(Map<Expr, Var> calls) {
        values.available(calls);
    }

    /** The {@code Math} calls whose values the propagation so far computed again. */
    java.util.List<Expr.MathCall> recomputedCalls() {
        return values.recomputedCalls();
    }

    /** Emits the propagation of {@code adjoint} into the active variables of {@code e}. */
    void propagate(Expr e, Expr adjoint) {
        if (!activity.isActive(e) || Build.isZero(adjoint)) {
            return;
        }
        if (e instanceof Expr.VarRef r) {
            out.add(new Stmt.Assign(Build.ref(adjointOf.apply(r.var())), AssignOp.ADD, adjoint, pos));
            return;
        }
        if (e instanceof Expr.ArrayAccess a) {
            out.add(new Stmt.Assign(adjointArray(a), AssignOp.ADD, adjoint, pos));
            return;
        }
        if (e instanceof Expr.Conditional c) {
            propagateBranches(c, simple(adjoint, adjointName(e)));
            return;
        }
        Expr adj = ChainRule.passesThrough(e) ? adjoint : simple(adjoint, adjointName(e));
        for (ChainRule.Partial p : ChainRule.of(e, this::value, activity::isActive)) {
            propagate(p.operand(), scale(adj, values.reuse(p.partial())));
        }
    }

    /** {@code c ? a : b}: the adjoint flows into the branch that was taken. */
    private void propagateBranches(Expr.Conditional c, Expr adj) {
        Map<Expr, Expr> saved = values.snapshot();
        List<Stmt> outer = out;
        List<Stmt> then = new ArrayList<>();
        List<Stmt> otherwise = new ArrayList<>();
        out = then;
        values.redirect(then);
        propagate(c.whenTrue(), adj);
        out = otherwise;
        values.redirect(otherwise);
        values.reset(saved);
        propagate(c.whenFalse(), adj);
        out = outer;
        values.redirect(outer);
        values.reset(saved);
        out.add(new Stmt.If(c.condition(), new Stmt.Block(then), new Stmt.Block(otherwise), pos));
    }

    /** The adjoint of an array expression: the same access path, rooted at the adjoint arrays. */
    Expr adjointArray(Expr e) {
        return IrWalk.reroot(e, adjointOf, "adjoint");
    }

    /** {@code adjoint * partial}, folding the partials 0 and -1. */
    private static Expr scale(Expr adjoint, Expr partial) {
        return Build.byPartial(adjoint, partial, false);
    }

    /** {@code adjoint} itself if it is cheap to repeat, else a fresh local holding it. */
    private Expr simple(Expr adjoint, String base) {
        if (Build.isSimple(adjoint)) {
            return adjoint;
        }
        Var tmp = new Var(names.fresh(base), Type.DOUBLE);
        out.add(new Stmt.Decl(tmp, adjoint, pos));
        return Build.ref(tmp);
    }

    /** The primal value of {@code e} as an expression over the restored state. */
    Expr value(Expr e) {
        return values.value(e);
    }

    private static String adjointName(Expr e) {
        if (e instanceof Expr.MathCall m) {
            return Names.adjoint(m.fn().javaName());
        }
        if (e instanceof Expr.Binary b) {
            return switch (b.op()) {
                case ADD -> Names.adjoint("sum");
                case SUB -> Names.adjoint("diff");
                case MUL -> Names.adjoint("prod");
                case DIV -> Names.adjoint("quot");
                default -> Names.adjoint("rem");
            };
        }
        return Names.adjoint("choice");
    }
}
