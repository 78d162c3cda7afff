package org.cotangent.processor.ir;

import org.junit.jupiter.api.Test;

import static org.cotangent.processor.testing.Ir.dbl;
import static org.cotangent.processor.testing.Ir.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The folds Build makes, and the one it must not make. */
class BuildTest {
    private static final Expr X = ref(dbl("x"));
    private static final Expr Y = ref(dbl("y"));

    @Test
    void trivialCasesFold() {
        assertEquals(X, Build.mul(Build.ONE, X));
        assertEquals(X, Build.add(Build.ZERO, X));
        assertEquals(X, Build.neg(Build.neg(X)));
        assertEquals(Build.sub(X, Y), Build.add(X, Build.neg(Y)));
        assertEquals(Build.neg(X), Build.byPartial(X, Build.lit(-1.0), false));
        assertTrue(Build.isZero(Build.byPartial(X, Build.ZERO, true)));
    }

    @Test
    void timesOneOverIsADivisionOnlyInFloatingPoint() {
        Expr floating = new Expr.Binary(BinaryOp.DIV, Build.ONE, Y, Type.DOUBLE);
        assertEquals(new Expr.Binary(BinaryOp.DIV, X, Y, Type.DOUBLE), Build.mul(X, floating));
        Expr half = new Expr.Binary(BinaryOp.DIV, Expr.Literal.ofInt(1), Expr.Literal.ofInt(2), Type.INT);
        assertEquals(BinaryOp.MUL, ((Expr.Binary) Build.mul(X, half)).op(), "1 / 2 is 0 in int arithmetic");
    }
}
