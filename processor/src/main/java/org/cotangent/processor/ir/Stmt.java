package org.cotangent.processor.ir;

import java.util.List;

/** A statement of the IR. {@code pos} is where it came from, or null for one the transformation made. */
public sealed interface Stmt {
    SourcePos pos();

    /** A local declaration; {@code init} may be null. */
    record Decl(Var var, Expr init, SourcePos pos) implements Stmt {
    }

    /** {@code target op value}, where target is a {@link Expr.VarRef} or an {@link Expr.ArrayAccess}. */
    record Assign(Expr target, AssignOp op, Expr value, SourcePos pos) implements Stmt {
    }

    record If(Expr condition, Block then, Block otherwise, SourcePos pos) implements Stmt {
        /** {@code otherwise} is never null: an absent else is an empty block. */
        public If {
            otherwise = otherwise == null ? Block.EMPTY : otherwise;
        }
    }

    /** {@code return value;}, value null in a void method. */
    record Return(Expr value, SourcePos pos) implements Stmt {
    }

    /** An expression evaluated for its effect: a call whose result is inactive. */
    record ExprStmt(Expr expr, SourcePos pos) implements Stmt {
    }

    /** A line comment in generated code. */
    record Comment(String text) implements Stmt {
        @Override
        public SourcePos pos() {
            return null;
        }
    }

    record Block(List<Stmt> stmts) implements Stmt {
        public static final Block EMPTY = new Block(List.of());

        public Block {
            stmts = List.copyOf(stmts);
        }

        @Override
        public SourcePos pos() {
            return null;
        }

        public boolean isEmpty() {
            return stmts.isEmpty();
        }
    }
}
