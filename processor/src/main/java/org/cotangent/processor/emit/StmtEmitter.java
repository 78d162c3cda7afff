package org.cotangent.processor.emit;

import org.cotangent.processor.naming.RuntimeMethod;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.comments.LineComment;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.List;
import org.cotangent.processor.ir.BinaryOp;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import org.cotangent.processor.ir.AssignOp;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.SourcePos;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.UnaryOp;

/**
 * Turns IR statements into JavaParser statements. A statement whose source line differs from the
 * previous one gets a comment pointing back to it ({@code // Banana.java:7}); a section comment
 * ({@link Stmt.Comment}) joins the comment of the statement after it.
 */
final class StmtEmitter {
    private final ExprEmitter exprs;
    private final RuntimeSpelling spelling;
    private long lastLine = -1;
    private String pending;

    StmtEmitter(RuntimeSpelling spelling) {
        this.spelling = spelling;
        this.exprs = new ExprEmitter(spelling);
    }

    /**
     * A method's body. Once it takes the thread's tape ({@code Tape tape = Tape.get();}), the rest
     * runs in a frame of the tape closed in a {@code finally}: whatever a sweep throws, the method
     * leaves the tape as it found it, and the thread's next call starts clean.
     */
    BlockStmt methodBody(Stmt.Block body) {
        List<Stmt> stmts = body.stmts();
        for (int i = 0; i < stmts.size(); i++) {
            if (stmts.get(i) instanceof Stmt.Decl d && d.var().type().base() == Type.Base.TAPE) {
                BlockStmt out = block(new Stmt.Block(stmts.subList(0, i + 1)));
                NameExpr tape = new NameExpr(d.var().name());
                out.addStatement(new ExpressionStmt(new MethodCallExpr(tape, RuntimeMethod.TAPE_ENTER.methodName())));
                BlockStmt guarded = block(new Stmt.Block(stmts.subList(i + 1, stmts.size())));
                BlockStmt leave = new BlockStmt(new NodeList<>(new ExpressionStmt(new MethodCallExpr(tape.clone(),
                        RuntimeMethod.TAPE_LEAVE.methodName()))));
                out.addStatement(new TryStmt(guarded, new NodeList<>(), leave));
                return out;
            }
        }
        return block(body);
    }

    BlockStmt block(Stmt.Block block) {
        BlockStmt out = new BlockStmt();
        for (Stmt s : block.stmts()) {
            if (s instanceof Stmt.Comment c) {
                pending = pending == null ? c.text() : pending + "; " + c.text();
                continue;
            }
            String comment = pending;
            pending = null;
            SourcePos pos = s.pos();
            if (pos != null && pos.line() != lastLine && pos.line() > 0) {
                lastLine = pos.line();
                comment = comment == null ? pos.toString() : comment + ": " + pos;
            }
            Statement emitted = statement(s);
            if (comment != null) {
                emitted.setComment(new LineComment(" " + comment));
            }
            out.addStatement(emitted);
        }
        return out;
    }

    private Statement statement(Stmt s) {
        if (s instanceof Stmt.Decl d) {
            VariableDeclarator declarator = new VariableDeclarator(
                    Parsed.type(spelling.ofType(d.var().type().javaName())), d.var().name());
            if (d.init() != null) {
                declarator.setInitializer(exprs.emit(d.init()));
            }
            return new ExpressionStmt(new VariableDeclarationExpr(declarator));
        }
        if (s instanceof Stmt.Assign a) {
            return new ExpressionStmt(assignment(a));
        }
        if (s instanceof Stmt.If f) {
            if (f.then().isEmpty()) {
                return new IfStmt(exprs.negate(f.condition()), block(f.otherwise()), null);
            }
            BlockStmt then = block(f.then());
            return new IfStmt(exprs.emit(f.condition()), then,
                    f.otherwise().isEmpty() ? null : block(f.otherwise()));
        }
        if (s instanceof Stmt.Return r) {
            return r.value() == null ? new ReturnStmt() : new ReturnStmt(exprs.emit(r.value()));
        }
        if (s instanceof Stmt.ExprStmt e) {
            return new ExpressionStmt(exprs.emit(e.expr()));
        }
        if (s instanceof Stmt.Throw t) {
            return StaticJavaParser.parseStatement("throw " + filled(t.template(), t.holes()) + ";");
        }
        if (s instanceof Stmt.Assert a) {
            return StaticJavaParser.parseStatement("assert " + exprs.emit(a.condition())
                    + (a.template() == null ? "" : " : " + filled(a.template(), a.holes())) + ";");
        }
        if (s instanceof Stmt.Block b) {
            return block(b);
        }
        if (s instanceof Stmt.While w) {
            return new WhileStmt(exprs.emit(w.condition()), block(w.body()));
        }
        if (s instanceof Stmt.CountedLoop c) {
            return countedLoop(c);
        }
        throw new IllegalArgumentException("cannot emit " + s);
    }

    /** {@code for (int i = from; i < to; i++)}, or {@code i <= x} / {@code i >= x} where {@code to} is x +- 1. */
    private Statement countedLoop(Stmt.CountedLoop c) {
        NameExpr i = new NameExpr(c.counter().name());
        VariableDeclarationExpr init = new VariableDeclarationExpr(new VariableDeclarator(
                Parsed.type("int"), c.counter().name(), exprs.emit(c.from())));
        Expr to = c.to();
        BinaryExpr.Operator op = c.up() ? BinaryExpr.Operator.LESS : BinaryExpr.Operator.GREATER;
        if (to instanceof Expr.Binary b && b.right() instanceof Expr.Literal l && l.text().equals("1")
                && (c.up() ? b.op() == BinaryOp.ADD : b.op() == BinaryOp.SUB)) {
            to = b.left();
            op = c.up() ? BinaryExpr.Operator.LESS_EQUALS : BinaryExpr.Operator.GREATER_EQUALS;
        }
        Expression bound = exprs.emit(to);
        Expression update = new UnaryExpr(i.clone(), c.up() ? UnaryExpr.Operator.POSTFIX_INCREMENT
                : UnaryExpr.Operator.POSTFIX_DECREMENT);
        return new ForStmt(new NodeList<>(init), new BinaryExpr(i, bound, op), new NodeList<>(update),
                block(c.body()));
    }

    private Expression assignment(Stmt.Assign a) {
        Expression target = exprs.emit(a.target());
        boolean integral = a.target().type().equals(Type.INT) || a.target().type().equals(Type.LONG);
        if (integral && a.value() instanceof Expr.Literal l && l.text().equals("1")
                && (a.op() == AssignOp.ADD || a.op() == AssignOp.SUB)) {
            return new UnaryExpr(target, a.op() == AssignOp.ADD
                    ? UnaryExpr.Operator.POSTFIX_INCREMENT : UnaryExpr.Operator.POSTFIX_DECREMENT);
        }
        if (a.op() == AssignOp.ADD && a.value() instanceof Expr.Unary u && u.op() == UnaryOp.NEG) {
            // a += -b is a -= b, bit for bit
            return new AssignExpr(target, exprs.emit(u.operand()), AssignExpr.Operator.MINUS);
        }
        AssignExpr.Operator op = switch (a.op()) {
            case SET -> AssignExpr.Operator.ASSIGN;
            case ADD -> AssignExpr.Operator.PLUS;
            case SUB -> AssignExpr.Operator.MINUS;
            case MUL -> AssignExpr.Operator.MULTIPLY;
            case DIV -> AssignExpr.Operator.DIVIDE;
            case REM -> AssignExpr.Operator.REMAINDER;
        };
        return new AssignExpr(target, exprs.emit(a.value()), op);
    }

    /** A pass-through template with each hole replaced by its expression (parenthesised unless a name). */
    private String filled(String template, List<Expr> holes) {
        String out = template;
        for (int k = 0; k < holes.size(); k++) {
            Expr hole = holes.get(k);
            String text = exprs.emit(hole).toString();
            out = out.replace(Stmt.hole(k), hole instanceof Expr.VarRef ? text : "(" + text + ")");
        }
        return out;
    }
}
