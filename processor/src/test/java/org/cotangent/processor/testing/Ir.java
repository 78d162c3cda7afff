package org.cotangent.processor.testing;

import org.cotangent.processor.ir.AssignOp;
import org.cotangent.processor.ir.BinaryOp;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.MathFn;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.Var;

import java.util.List;

/**
 * A small kit to write IR in tests as it would read in Java: {@code decl(a, sub(lit(1), ref(x)))}
 * for {@code double a = 1 - x;}. Nothing is folded (unlike {@link org.cotangent.processor.ir.Build}),
 * so a test sees exactly the tree it wrote.
 */
public final class Ir {
    private Ir() {
    }

    public static Var dbl(String name) {
        return new Var(name, Type.DOUBLE);
    }

    public static Var integer(String name) {
        return new Var(name, Type.INT);
    }

    public static Var array(String name) {
        return new Var(name, Type.DOUBLE_ARRAY);
    }

    public static Expr ref(Var v) {
        return new Expr.VarRef(v);
    }

    public static Expr lit(double value) {
        return Expr.Literal.ofDouble(value);
    }

    public static Expr lit(int value) {
        return Expr.Literal.ofInt(value);
    }

    public static Expr add(Expr a, Expr b) {
        return binary(BinaryOp.ADD, a, b);
    }

    public static Expr sub(Expr a, Expr b) {
        return binary(BinaryOp.SUB, a, b);
    }

    public static Expr mul(Expr a, Expr b) {
        return binary(BinaryOp.MUL, a, b);
    }

    public static Expr div(Expr a, Expr b) {
        return binary(BinaryOp.DIV, a, b);
    }

    public static Expr lt(Expr a, Expr b) {
        return new Expr.Binary(BinaryOp.LT, a, b, Type.BOOLEAN);
    }

    public static Expr gt(Expr a, Expr b) {
        return new Expr.Binary(BinaryOp.GT, a, b, Type.BOOLEAN);
    }

    /** A binary operation typed as Java types it: int when both operands are int, else double. */
    public static Expr binary(BinaryOp op, Expr a, Expr b) {
        Type t = a.type().equals(Type.INT) && b.type().equals(Type.INT) ? Type.INT : Type.DOUBLE;
        return new Expr.Binary(op, a, b, t);
    }

    public static Expr math(MathFn fn, Expr... args) {
        return new Expr.MathCall("Math", fn, List.of(args));
    }

    public static Expr at(Expr array, Expr index) {
        return new Expr.ArrayAccess(array, index, Type.DOUBLE);
    }

    public static Stmt decl(Var v, Expr init) {
        return new Stmt.Decl(v, init, null);
    }

    public static Stmt set(Var v, Expr value) {
        return new Stmt.Assign(ref(v), AssignOp.SET, value, null);
    }

    public static Stmt addTo(Var v, Expr value) {
        return new Stmt.Assign(ref(v), AssignOp.ADD, value, null);
    }

    public static Stmt addTo(Expr target, Expr value) {
        return new Stmt.Assign(target, AssignOp.ADD, value, null);
    }

    public static Stmt ret(Expr value) {
        return new Stmt.Return(value, null);
    }

    public static Stmt.Block block(Stmt... stmts) {
        return new Stmt.Block(List.of(stmts));
    }

    public static Stmt when(Expr condition, Stmt.Block then, Stmt.Block otherwise) {
        return new Stmt.If(condition, then, otherwise, null);
    }

    /** {@code for (int i = from; i < to; i++) body}. */
    public static Stmt loop(Var i, Expr from, Expr to, Stmt.Block body) {
        return new Stmt.CountedLoop(i, from, to, true, body, null);
    }
}
