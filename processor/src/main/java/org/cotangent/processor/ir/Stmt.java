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

    /**
     * {@code throw ...;} as the user wrote it: the exception's source text, with each variable it
     * reads replaced by a hole ({@link #hole}) filled from {@code holes} (so that renaming reaches
     * it). It passes through every generated method that runs the primal code.
     */
    record Throw(String template, List<Expr> holes, SourcePos pos) implements Stmt {
        public Throw {
            holes = List.copyOf(holes);
        }
    }

    /** {@code assert condition : message;}, the message as a template like {@link Throw}'s (null: none). */
    record Assert(Expr condition, String template, List<Expr> holes, SourcePos pos) implements Stmt {
        public Assert {
            holes = List.copyOf(holes);
        }
    }

    /** The marker of hole {@code k} in a {@link Throw} or {@link Assert} template. */
    static String hole(int k) {
        return "\u0001" + k + "\u0001";
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

    /** {@code while (condition) body}; after lowering, the only loop besides {@link CountedLoop}. */
    record While(Expr condition, Block body, String label, SourcePos pos) implements Stmt {
    }

    /** {@code do body while (condition)}; lowered away before the transforms. */
    record DoWhile(Block body, Expr condition, String label, SourcePos pos) implements Stmt {
    }

    /** {@code for (init; condition; update) body}; condition may be null. Lowered before the transforms. */
    record For(List<Stmt> init, Expr condition, List<Stmt> update, Block body, String label, SourcePos pos)
            implements Stmt {
        public For {
            init = List.copyOf(init);
            update = List.copyOf(update);
        }
    }

    /** {@code for (double element : array) body}; lowered before the transforms. */
    record ForEach(Var element, Expr array, Block body, String label, SourcePos pos) implements Stmt {
    }

    /**
     * {@code for (int counter = from; counter < to; counter++) body} (or {@code counter > to} counting
     * down by one when {@code up} is false), whose body writes neither the counter nor anything the
     * bounds read and never jumps out: reverse mode runs it backward by counting the other way,
     * without taping the counter.
     */
    record CountedLoop(Var counter, Expr from, Expr to, boolean up, Block body, SourcePos pos) implements Stmt {
    }

    /** {@code break label;} (label null: the innermost loop). */
    record Break(String label, SourcePos pos) implements Stmt {
    }

    /** {@code continue label;} (label null: the innermost loop). */
    record Continue(String label, SourcePos pos) implements Stmt {
    }
}
