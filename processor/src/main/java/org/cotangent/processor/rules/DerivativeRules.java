package org.cotangent.processor.rules;

import org.cotangent.processor.ir.BinaryOp;
import org.cotangent.processor.ir.Build;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.MathFn;

import java.util.List;
import java.util.function.Supplier;

import static org.cotangent.processor.ir.Build.add;
import static org.cotangent.processor.ir.Build.div;
import static org.cotangent.processor.ir.Build.lit;
import static org.cotangent.processor.ir.Build.math;
import static org.cotangent.processor.ir.Build.mul;
import static org.cotangent.processor.ir.Build.neg;
import static org.cotangent.processor.ir.Build.sub;

/**
 * The one place that defines the derivative of every primitive: each rule gives the partial
 * derivatives of an operation with respect to its operands, as IR expressions over the operands'
 * values and the operation's own value. Reverse mode multiplies them by the incoming adjoint,
 * forward mode by the operands' tangents.
 *
 * <p>Conventions at kinks follow JAX and are implemented in {@code org.cotangent.runtime.Primitives}:
 * {@code abs'(0) = 0}; {@code max}/{@code min} ties split 1/2 and 1/2; {@code floor ceil rint signum}
 * have derivative 0; {@code sqrt'(0) = +Infinity}.
 */
public final class DerivativeRules {
    private DerivativeRules() {
    }

    /**
     * The partial derivative of {@code fn} with respect to argument {@code i}. Operand values are
     * asked for only when the partial needs them, so that nothing is computed for nothing:
     * {@code args.get(k).get()} is the value of argument k, {@code value.get()} the function's value.
     */
    public static Expr partial(MathFn fn, int i, List<Supplier<Expr>> args, Supplier<Expr> value) {
        Supplier<Expr> a = args.get(0);
        Supplier<Expr> b = args.size() > 1 ? args.get(1) : null;
        return switch (fn) {
            case SIN -> math(MathFn.COS, a.get());
            case COS -> neg(math(MathFn.SIN, a.get()));
            case TAN -> add(Build.ONE, square(value.get()));
            case ASIN -> div(Build.ONE, math(MathFn.SQRT, sub(Build.ONE, square(a.get()))));
            case ACOS -> neg(div(Build.ONE, math(MathFn.SQRT, sub(Build.ONE, square(a.get())))));
            case ATAN -> div(Build.ONE, add(Build.ONE, square(a.get())));
            case ATAN2 -> (i == 0 ? Primitive.ATAN2_PARTIAL_Y : Primitive.ATAN2_PARTIAL_X).call(a.get(), b.get());
            case SINH -> math(MathFn.COSH, a.get());
            case COSH -> math(MathFn.SINH, a.get());
            case TANH -> sub(Build.ONE, square(value.get()));
            case EXP -> value.get();
            case EXPM1 -> add(value.get(), Build.ONE);
            case LOG -> div(Build.ONE, a.get());
            case LOG1P -> div(Build.ONE, add(Build.ONE, a.get()));
            case LOG10 -> div(Build.ONE, mul(a.get(), math(MathFn.LOG, lit(10.0))));
            case SQRT -> div(lit(0.5), value.get());
            case CBRT -> div(Build.ONE, mul(lit(3.0), square(value.get())));
            case POW -> i == 0 ? Primitive.POW_PARTIAL_BASE.call(a.get(), b.get())
                    : Primitive.POW_PARTIAL_EXPONENT.call(a.get(), value.get());
            case HYPOT -> Primitive.HYPOT_PARTIAL.call(args.get(i).get(), value.get());
            case ABS -> math(MathFn.SIGNUM, a.get());
            case MAX -> (i == 0 ? Primitive.MAX_PARTIAL_FIRST : Primitive.MAX_PARTIAL_SECOND).call(a.get(), b.get());
            case MIN -> (i == 0 ? Primitive.MIN_PARTIAL_FIRST : Primitive.MIN_PARTIAL_SECOND).call(a.get(), b.get());
            case FMA -> i == 0 ? b.get() : i == 1 ? a.get() : Build.ONE;
            case SIGNUM, FLOOR, CEIL, RINT -> Build.ZERO;
            case COPY_SIGN -> i == 0 ? Primitive.COPY_SIGN_PARTIAL.call(a.get(), b.get()) : Build.ZERO;
            case TO_RADIANS -> math(MathFn.TO_RADIANS, Build.ONE);
            case TO_DEGREES -> math(MathFn.TO_DEGREES, Build.ONE);
        };
    }

    /**
     * The partial derivative of a floating binary operator with respect to operand {@code i}
     * (0 left, 1 right), asking for operand values only when needed.
     */
    public static Expr partial(BinaryOp op, int i, Supplier<Expr> left, Supplier<Expr> right,
                               Supplier<Expr> value) {
        return switch (op) {
            case ADD -> Build.ONE;
            case SUB -> i == 0 ? Build.ONE : lit(-1.0);
            case MUL -> i == 0 ? right.get() : left.get();
            case DIV -> i == 0 ? div(Build.ONE, right.get()) : neg(div(value.get(), right.get()));
            case REM -> i == 0 ? Build.ONE : Primitive.REM_PARTIAL_DIVISOR.call(left.get(), right.get());
            default -> throw new IllegalArgumentException("no derivative for operator " + op.symbol());
        };
    }

    private static Expr square(Expr e) {
        return mul(e, e);
    }

    /**
     * Second order: the partial derivative of the runtime helper {@code Primitives.name} (a first
     * partial of some primitive) with respect to its argument {@code i}, for forward mode over
     * generated reverse code. Where a first partial takes a convention at a singular point (hypot and
     * atan2 at the origin, pow at a zero base), so does its derivative: 0, never a NaN that a zero
     * tangent would spread. Helpers that are piecewise constant (max, min, copySign, %) have 0; a
     * helper without a rule is a compile error of the processor (an exhaustive switch), never a silent 0.
     */
    public static Expr primitivePartial(Primitive helper, int i, List<Expr> args) {
        Expr a = args.get(0);
        Expr b = args.size() > 1 ? args.get(1) : null;
        return switch (helper) {
            case POW_PARTIAL_BASE -> i == 0
                    ? mul(b, Primitive.POW_PARTIAL_BASE.call(a, sub(b, Build.ONE)))
                    : Primitive.POW_PARTIAL_BASE_PARTIAL_EXPONENT.call(a, b);
            case POW_PARTIAL_EXPONENT -> i == 0 ? Primitive.QUOTIENT_OR_ZERO.call(b, a)
                    : Primitive.LOG_OR_ZERO.call(a, b);
            case HYPOT_PARTIAL -> i == 0 ? Primitive.RECIPROCAL_OR_ZERO.call(b)
                    : neg(mul(Primitive.HYPOT_PARTIAL.call(a, b), Primitive.RECIPROCAL_OR_ZERO.call(b)));
            case ATAN2_PARTIAL_Y -> i == 0
                    ? neg(mul(mul(lit(2.0), mul(a, b)), Primitive.INVERSE_SQUARED_NORM_SQUARED.call(a, b)))
                    : mul(sub(mul(a, a), mul(b, b)), Primitive.INVERSE_SQUARED_NORM_SQUARED.call(a, b));
            case ATAN2_PARTIAL_X -> i == 0
                    ? mul(sub(mul(a, a), mul(b, b)), Primitive.INVERSE_SQUARED_NORM_SQUARED.call(a, b))
                    : mul(mul(lit(2.0), mul(a, b)), Primitive.INVERSE_SQUARED_NORM_SQUARED.call(a, b));
            case MAX_PARTIAL_FIRST, MAX_PARTIAL_SECOND, MIN_PARTIAL_FIRST, MIN_PARTIAL_SECOND, COPY_SIGN_PARTIAL,
                 REM_PARTIAL_DIVISOR -> Build.ZERO;
            case POW_PARTIAL_BASE_PARTIAL_EXPONENT, QUOTIENT_OR_ZERO, LOG_OR_ZERO, RECIPROCAL_OR_ZERO,
                 INVERSE_SQUARED_NORM_SQUARED -> throw new IllegalStateException("Primitives." + helper.javaName()
                    + " is itself a second partial: third-order derivatives are not generated");
        };
    }
}
