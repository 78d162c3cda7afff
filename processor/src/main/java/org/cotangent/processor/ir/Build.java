package org.cotangent.processor.ir;


import java.util.List;

/**
 * Builds IR arithmetic for generated code, folding the trivial cases ({@code 1 * a}, {@code 0 + a},
 * {@code -(-a)}) so that derivative code reads like hand-written code. Folding never reorders
 * floating-point operations, so values are bit-for-bit those of the unfolded expression.
 */
public final class Build {
    private Build() {
    }

    public static final Expr ZERO = new Expr.Literal("0.0", Type.DOUBLE);
    public static final Expr ONE = new Expr.Literal("1.0", Type.DOUBLE);

    public static Expr ref(Var v) {
        return new Expr.VarRef(v);
    }

    public static Expr lit(double value) {
        return Expr.Literal.ofDouble(value);
    }

    public static boolean isZero(Expr e) {
        return e instanceof Expr.Literal l && l.isNumber(0.0);
    }

    public static boolean isOne(Expr e) {
        return e instanceof Expr.Literal l && l.isNumber(1.0);
    }

    public static Expr neg(Expr e) {
        if (e instanceof Expr.Unary u && u.op() == UnaryOp.NEG) {
            return u.operand();
        }
        if (isZero(e)) {
            return e;
        }
        return new Expr.Unary(UnaryOp.NEG, e, Type.DOUBLE);
    }

    public static Expr mul(Expr a, Expr b) {
        // a * (1.0 / d) is a / d only in floating point: the int 1 / 2 is 0, not a halving
        if (b instanceof Expr.Binary q && q.op() == BinaryOp.DIV && isOne(q.left())
                && q.type().isFloating()) {
            return div(a, q.right());
        }
        if (isOne(a)) {
            return b;
        }
        if (isOne(b)) {
            return a;
        }
        if (a instanceof Expr.Unary u && u.op() == UnaryOp.NEG) {
            return neg(mul(u.operand(), b));
        }
        if (b instanceof Expr.Unary u && u.op() == UnaryOp.NEG) {
            return neg(mul(a, u.operand()));
        }
        return new Expr.Binary(BinaryOp.MUL, a, b, Type.DOUBLE);
    }

    public static Expr div(Expr a, Expr b) {
        if (isOne(b)) {
            return a;
        }
        if (a instanceof Expr.Unary u && u.op() == UnaryOp.NEG) {
            return neg(div(u.operand(), b));
        }
        return new Expr.Binary(BinaryOp.DIV, a, b, Type.DOUBLE);
    }

    public static Expr add(Expr a, Expr b) {
        if (isZero(a)) {
            return b;
        }
        if (isZero(b)) {
            return a;
        }
        if (b instanceof Expr.Unary u && u.op() == UnaryOp.NEG) {
            return sub(a, u.operand());
        }
        return new Expr.Binary(BinaryOp.ADD, a, b, Type.DOUBLE);
    }

    public static Expr sub(Expr a, Expr b) {
        if (isZero(b)) {
            return a;
        }
        if (isZero(a)) {
            return neg(b);
        }
        return new Expr.Binary(BinaryOp.SUB, a, b, Type.DOUBLE);
    }

    /**
     * {@code factor * partial} (with {@code partialFirst}: {@code partial * factor}), folding the
     * partials 0 and -1: how both modes apply a rule's partial to an adjoint or a tangent.
     */
    public static Expr byPartial(Expr factor, Expr partial, boolean partialFirst) {
        if (isZero(partial) || isZero(factor)) {
            return ZERO;
        }
        if (partial instanceof Expr.Literal l && l.isNumber(-1.0)) {
            return neg(factor);
        }
        return partialFirst ? mul(partial, factor) : mul(factor, partial);
    }

    public static Expr math(MathFn fn, Expr... args) {
        return new Expr.MathCall("Math", fn, List.of(args));
    }

    /** True for an expression cheap and safe to repeat: a variable, a literal, a constant or its negation. */
    public static boolean isSimple(Expr e) {
        if (e instanceof Expr.Unary u && u.op() == UnaryOp.NEG) {
            return isSimple(u.operand());
        }
        return e instanceof Expr.VarRef || e instanceof Expr.Literal || e instanceof Expr.FieldRef;
    }
}
