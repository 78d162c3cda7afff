package org.cotangent.processor.cleanup;

import org.cotangent.processor.ir.BinaryOp;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.IrMap;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;

/**
 * Folds integer arithmetic on literals ({@code new double[1 + 1]} becomes {@code new double[2]}).
 * Only {@code int} {@code + - *} without overflow: floating-point literals are left to javac, which
 * folds them bit-exactly anyway.
 */
final class ConstantFolding {
    private ConstantFolding() {
    }

    static Stmt.Block apply(Stmt.Block body) {
        return new IrMap(v -> v, p -> p) {
            @Override
            protected Expr replace(Expr e) {
                Integer value = fold(e);
                return value == null || e instanceof Expr.Literal ? null : Expr.Literal.ofInt(value);
            }
        }.block(body);
    }

    /** The value of an int expression made of literals, or null. */
    static Integer fold(Expr e) {
        if (e instanceof Expr.Literal l && l.type().equals(Type.INT)) {
            try {
                return Integer.valueOf(l.text());
            } catch (NumberFormatException ex) {
                return null;
            }
        }
        if (!(e instanceof Expr.Binary b) || !b.type().equals(Type.INT)) {
            return null;
        }
        Integer left = fold(b.left());
        Integer right = fold(b.right());
        if (left == null || right == null) {
            return null;
        }
        try {
            if (b.op() == BinaryOp.ADD) {
                return Math.addExact(left, right);
            }
            if (b.op() == BinaryOp.SUB) {
                return Math.subtractExact(left, right);
            }
            if (b.op() == BinaryOp.MUL) {
                return Math.multiplyExact(left, right);
            }
        } catch (ArithmeticException overflow) {
            return null;
        }
        return null;
    }
}
