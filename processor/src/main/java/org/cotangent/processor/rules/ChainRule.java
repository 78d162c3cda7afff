package org.cotangent.processor.rules;

import org.cotangent.processor.ir.BinaryOp;
import org.cotangent.processor.ir.Build;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.UnaryOp;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The chain rule's one step, shared by every mode: the local partial derivatives of an operation
 * with respect to its operands. Reverse mode multiplies each by the adjoint flowing into the
 * operation and passes it on to the operand; forward mode and forward-over-reverse multiply each
 * by the operand's tangent and add them up. The partials themselves come from
 * {@link DerivativeRules}; what an operation is made of is decided here, once.
 *
 * <p>An expression this class has no rule for is an internal error, never a zero.
 */
public final class ChainRule {
    private ChainRule() {
    }

    /**
     * One operand and the partial derivative of the operation with respect to it, built when asked
     * for ({@link #partial()}, once): building it may compute operand values into locals, which
     * then come right before the code that uses them.
     */
    public record Partial(Expr operand, Supplier<Expr> rule) {
        public Expr partial() {
            return rule.get();
        }
    }

    /**
     * Whether {@code e} passes its operand's derivative on unchanged or negated (a cast, unary
     * plus or minus): no partial to compute, and reverse mode needs no local for the adjoint.
     */
    public static boolean passesThrough(Expr e) {
        return e instanceof Expr.Cast || e instanceof Expr.Unary u && (u.op() == UnaryOp.NEG || u.op() == UnaryOp.PLUS);
    }

    /** Whether {@link #of} has a rule for {@code e}. */
    public static boolean isOperation(Expr e) {
        return passesThrough(e) || e instanceof Expr.Binary || e instanceof Expr.MathCall
                || e instanceof Expr.StaticCall c && Primitive.of(c).isPresent();
    }

    /**
     * The partials of {@code e} with respect to the operands that {@code carries} a derivative, in
     * operand order. {@code value} gives an operand's (or the operation's own) value as an
     * expression, and is asked only for what a partial needs; {@code u * u} gives one partial,
     * {@code 2 u}.
     *
     * @throws IllegalStateException for an expression that is not an operation ({@link #isOperation})
     */
    public static List<Partial> of(Expr e, Function<Expr, Expr> value, Predicate<Expr> carries) {
        List<Partial> out = new ArrayList<>();
        if (e instanceof Expr.Cast c) {
            add(out, c.operand(), () -> Build.ONE, carries);
        } else if (e instanceof Expr.Unary u && (u.op() == UnaryOp.NEG || u.op() == UnaryOp.PLUS)) {
            add(out, u.operand(), () -> u.op() == UnaryOp.NEG ? Build.lit(-1.0) : Build.ONE, carries);
        } else if (e instanceof Expr.Binary b && b.op() == BinaryOp.MUL && b.left().equals(b.right())) {
            add(out, b.left(), () -> Build.mul(Build.lit(2.0), value.apply(b.left())), carries);
        } else if (e instanceof Expr.Binary b && scaledSquare(b) != null) {
            // (c * u) * u: one contribution of 2 c u instead of c u and u c
            double c = scaledSquare(b);
            add(out, b.right(), () -> Build.mul(Build.lit(2 * c), value.apply(b.right())), carries);
        } else if (e instanceof Expr.Binary b) {
            Supplier<Expr> left = () -> value.apply(b.left());
            Supplier<Expr> right = () -> value.apply(b.right());
            Supplier<Expr> self = () -> value.apply(b);
            add(out, b.left(), () -> DerivativeRules.partial(b.op(), 0, left, right, self), carries);
            add(out, b.right(), () -> DerivativeRules.partial(b.op(), 1, left, right, self), carries);
        } else if (e instanceof Expr.MathCall m) {
            List<Supplier<Expr>> args = new ArrayList<>();
            for (Expr a : m.args()) {
                args.add(() -> value.apply(a));
            }
            Supplier<Expr> self = () -> value.apply(m);
            for (int i = 0; i < m.args().size(); i++) {
                int k = i;
                add(out, m.args().get(i), () -> DerivativeRules.partial(m.fn(), k, args, self), carries);
            }
        } else if (e instanceof Expr.StaticCall c && Primitive.of(c).isPresent()) {
            Primitive helper = Primitive.of(c).get();
            for (int i = 0; i < c.args().size(); i++) {
                int k = i;
                add(out, c.args().get(i), () -> DerivativeRules.primitivePartial(helper, k, c.args()), carries);
            }
        } else {
            throw new IllegalStateException("no derivative rule for " + e);
        }
        return out;
    }

    /** For {@code (c * u) * u} with a literal {@code c} (a double product), {@code c}; else null. */
    private static Double scaledSquare(Expr.Binary b) {
        if (b.op() != BinaryOp.MUL || !b.type().isFloating() || !(b.left() instanceof Expr.Binary inner)
                || inner.op() != BinaryOp.MUL || !inner.right().equals(b.right())
                || !(inner.left() instanceof Expr.Literal l) || !inner.type().isFloating()) {
            return null;
        }
        try {
            double c = Double.parseDouble(l.text().replace("_", ""));
            return Double.isFinite(2 * c) ? c : null;
        } catch (NumberFormatException notNumeric) {
            return null;
        }
    }

    private static void add(List<Partial> out, Expr operand, Supplier<Expr> partial, Predicate<Expr> carries) {
        if (carries.test(operand)) {
            out.add(new Partial(operand, partial));
        }
    }
}
