package org.cotangent.processor.emit;

import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.ArrayCreationLevel;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import org.cotangent.processor.ir.BinaryOp;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.UnaryOp;

/**
 * Turns IR expressions into JavaParser expressions, adding exactly the parentheses that keep the
 * IR's tree (and so its floating-point evaluation order) when printed.
 */
final class ExprEmitter {
    private static final int ATOM = 16;
    private static final int UNARY = 14;
    private static final int CONDITIONAL = 2;

    private final RuntimeSpelling spelling;

    ExprEmitter(RuntimeSpelling spelling) {
        this.spelling = spelling;
    }

    Expression emit(Expr e) {
        if (e instanceof Expr.Literal l) {
            return Parsed.expression(l.text());
        }
        if (e instanceof Expr.FieldRef f) {
            return Parsed.expression(f.owner() + "." + f.name());
        }
        if (e instanceof Expr.VarRef r) {
            return new NameExpr(r.var().name());
        }
        if (e instanceof Expr.Unary u) {
            Expression operand = emit(u.operand());
            if (precedence(u.operand()) < UNARY || u.operand() instanceof Expr.Unary
                    || (u.operand() instanceof Expr.Literal lit && lit.text().startsWith("-"))) {
                operand = new EnclosedExpr(operand);
            }
            return new UnaryExpr(operand, unaryOperator(u.op()));
        }
        if (e instanceof Expr.Binary b) {
            Expression left = emit(b.left());
            Expression right = emit(b.right());
            if (precedence(b.left()) < b.op().precedence()) {
                left = new EnclosedExpr(left);
            }
            if (precedence(b.right()) <= b.op().precedence()) {
                right = new EnclosedExpr(right);
            }
            return new BinaryExpr(left, right, binaryOperator(b.op()));
        }
        if (e instanceof Expr.MathCall m) {
            NodeList<Expression> args = new NodeList<>();
            m.args().forEach(a -> args.add(emit(a)));
            return new MethodCallExpr(new NameExpr(m.owner()), m.fn().javaName(), args);
        }
        if (e instanceof Expr.StaticCall c) {
            NodeList<Expression> args = new NodeList<>();
            c.args().forEach(a -> args.add(emit(a)));
            return c.owner() == null ? new MethodCallExpr(c.name(), args.toArray(new Expression[0]))
                    : new MethodCallExpr(Parsed.expression(spelling.of(c.owner())), c.name(), args);
        }
        if (e instanceof Expr.NewArray n) {
            NodeList<ArrayCreationLevel> levels = new NodeList<>();
            n.dimensions().forEach(d -> levels.add(new ArrayCreationLevel(emit(d))));
            for (int i = n.dimensions().size(); i < n.type().rank(); i++) {
                levels.add(new ArrayCreationLevel());
            }
            return new ArrayCreationExpr(Parsed.type(n.type().base().keyword()), levels, null);
        }
        if (e instanceof Expr.Pullback p) {
            NodeList<Expression> args = new NodeList<>();
            p.allArguments().forEach(a -> args.add(emit(a)));
            return new MethodCallExpr(Parsed.expression(p.callee().vjpOwner()), p.callee().vjpName(),
                    args);
        }
        if (e instanceof Expr.Call c && c.callee().isPrivate()) {
            NodeList<Expression> args = new NodeList<>();
            if (c.receiver() != null) {
                args.add(emit(c.receiver()));
            }
            c.args().forEach(a -> args.add(emit(a)));
            return new MethodCallExpr(null, c.callee().invoker(), args);
        }
        if (e instanceof Expr.Call c) {
            NodeList<Expression> args = new NodeList<>();
            c.args().forEach(a -> args.add(emit(a)));
            Expression target = c.receiver() != null ? emit(c.receiver())
                    : Parsed.expression(c.callee().owner());
            return new MethodCallExpr(target, c.callee().name(), args);
        }
        if (e instanceof Expr.PrivateField f) {
            NodeList<Expression> args = new NodeList<>();
            if (f.receiver() != null) {
                args.add(emit(f.receiver()));
            }
            return new EnclosedExpr(new CastExpr(Parsed.type(f.type().javaName()),
                    new MethodCallExpr(new NameExpr(f.handle()), "get", args)));
        }
        if (e instanceof Expr.InstanceField f) {
            return new FieldAccessExpr(emit(f.receiver()), f.name());
        }
        if (e instanceof Expr.Length l) {
            Expression array = emit(l.array());
            if (precedence(l.array()) < ATOM) {
                array = new EnclosedExpr(array);
            }
            return new FieldAccessExpr(array, "length");
        }
        if (e instanceof Expr.Clone c) {
            Expression array = emit(c.array());
            if (precedence(c.array()) < ATOM) {
                array = new EnclosedExpr(array);
            }
            return new MethodCallExpr(array, "clone");
        }
        if (e instanceof Expr.ArrayLiteral l) {
            NodeList<Expression> values = new NodeList<>();
            l.elements().forEach(x -> values.add(x instanceof Expr.ArrayLiteral inner ? initializer(inner) : emit(x)));
            NodeList<ArrayCreationLevel> levels = new NodeList<>();
            for (int i = 0; i < l.type().rank(); i++) {
                levels.add(new ArrayCreationLevel());
            }
            return new ArrayCreationExpr(Parsed.type(l.type().base().keyword()), levels,
                    new ArrayInitializerExpr(values));
        }
        if (e instanceof Expr.Construct c) {
            NodeList<Expression> args = new NodeList<>();
            c.args().forEach(a -> args.add(emit(a)));
            return new ObjectCreationExpr(null, Parsed.classType(spelling.of(c.className())), args);
        }
        if (e instanceof Expr.Conditional c) {
            Expression cond = emit(c.condition());
            if (precedence(c.condition()) <= CONDITIONAL) {
                cond = new EnclosedExpr(cond);
            }
            return new ConditionalExpr(cond, wrapIfConditional(c.whenTrue()), wrapIfConditional(c.whenFalse()));
        }
        if (e instanceof Expr.Cast c) {
            Expression operand = emit(c.operand());
            if (precedence(c.operand()) < ATOM) {
                operand = new EnclosedExpr(operand);
            }
            return new CastExpr(Parsed.type(c.type().javaName()), operand);
        }
        if (e instanceof Expr.ArrayAccess a) {
            Expression array = emit(a.array());
            if (precedence(a.array()) < ATOM) {
                array = new EnclosedExpr(array);
            }
            return new ArrayAccessExpr(array, emit(a.index()));
        }
        throw new IllegalArgumentException("cannot emit " + e);
    }

    private ArrayInitializerExpr initializer(Expr.ArrayLiteral l) {
        NodeList<Expression> values = new NodeList<>();
        l.elements().forEach(x -> values.add(x instanceof Expr.ArrayLiteral inner ? initializer(inner) : emit(x)));
        return new ArrayInitializerExpr(values);
    }

    /** {@code !(cond)}, or {@code x} for {@code !x}. */
    Expression negate(Expr cond) {
        if (cond instanceof Expr.Unary u && u.op() == UnaryOp.NOT) {
            return emit(u.operand());
        }
        Expression inner = emit(cond);
        if (precedence(cond) < UNARY) {
            inner = new EnclosedExpr(inner);
        }
        return new UnaryExpr(inner, UnaryExpr.Operator.LOGICAL_COMPLEMENT);
    }

    private Expression wrapIfConditional(Expr e) {
        Expression out = emit(e);
        return e instanceof Expr.Conditional ? new EnclosedExpr(out) : out;
    }

    private static int precedence(Expr e) {
        if (e instanceof Expr.Binary b) {
            return b.op().precedence();
        }
        if (e instanceof Expr.Unary) {
            return UNARY;
        }
        if (e instanceof Expr.Cast) {
            return UNARY - 1;
        }
        if (e instanceof Expr.Conditional) {
            return CONDITIONAL;
        }
        if (e instanceof Expr.Literal l && l.text().startsWith("-")) {
            return UNARY;
        }
        return ATOM;
    }

    private static UnaryExpr.Operator unaryOperator(UnaryOp op) {
        return switch (op) {
            case NEG -> UnaryExpr.Operator.MINUS;
            case PLUS -> UnaryExpr.Operator.PLUS;
            case NOT -> UnaryExpr.Operator.LOGICAL_COMPLEMENT;
            case BIT_NOT -> UnaryExpr.Operator.BITWISE_COMPLEMENT;
        };
    }

    private static BinaryExpr.Operator binaryOperator(BinaryOp op) {
        return switch (op) {
            case MUL -> BinaryExpr.Operator.MULTIPLY;
            case DIV -> BinaryExpr.Operator.DIVIDE;
            case REM -> BinaryExpr.Operator.REMAINDER;
            case ADD -> BinaryExpr.Operator.PLUS;
            case SUB -> BinaryExpr.Operator.MINUS;
            case SHL -> BinaryExpr.Operator.LEFT_SHIFT;
            case SHR -> BinaryExpr.Operator.SIGNED_RIGHT_SHIFT;
            case USHR -> BinaryExpr.Operator.UNSIGNED_RIGHT_SHIFT;
            case LT -> BinaryExpr.Operator.LESS;
            case LE -> BinaryExpr.Operator.LESS_EQUALS;
            case GT -> BinaryExpr.Operator.GREATER;
            case GE -> BinaryExpr.Operator.GREATER_EQUALS;
            case EQ -> BinaryExpr.Operator.EQUALS;
            case NE -> BinaryExpr.Operator.NOT_EQUALS;
            case BIT_AND -> BinaryExpr.Operator.BINARY_AND;
            case XOR -> BinaryExpr.Operator.XOR;
            case BIT_OR -> BinaryExpr.Operator.BINARY_OR;
            case AND -> BinaryExpr.Operator.AND;
            case OR -> BinaryExpr.Operator.OR;
        };
    }
}
