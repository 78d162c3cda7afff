package org.cotangent.processor.testing;

import org.cotangent.processor.ir.AssignOp;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.Var;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs IR directly, without generating Java: doubles, ints, booleans and double arrays; Math calls
 * and the runtime's Primitives by reflection. An oracle for tests of passes that rewrite IR (the
 * same inputs must give the same outputs before and after) and of derivative rules (their partials
 * against finite differences of the operation).
 */
public final class IrEval {
    private final Map<Var, Object> env = new HashMap<>();

    public IrEval with(Var v, Object value) {
        env.put(v, value);
        return this;
    }

    public Object get(Var v) {
        return env.get(v);
    }

    /** Runs {@code body}; the value of its {@code return}, or null. */
    public Object run(Stmt.Block body) {
        try {
            block(body);
            return null;
        } catch (Returned r) {
            return r.value;
        }
    }

    private static final class Returned extends RuntimeException {
        final Object value;

        Returned(Object value) {
            super(null, null, false, false);
            this.value = value;
        }
    }

    private void block(Stmt.Block b) {
        for (Stmt s : b.stmts()) {
            stmt(s);
        }
    }

    private void stmt(Stmt s) {
        if (s instanceof Stmt.Decl d) {
            if (d.init() == null) {
                env.remove(d.var()); // declared, not assigned: a read before a write fails
            } else {
                env.put(d.var(), convert(eval(d.init()), d.var().type()));
            }
        } else if (s instanceof Stmt.Assign a) {
            assign(a);
        } else if (s instanceof Stmt.If f) {
            block((Boolean) eval(f.condition()) ? f.then() : f.otherwise());
        } else if (s instanceof Stmt.While w) {
            while ((Boolean) eval(w.condition())) {
                block(w.body());
            }
        } else if (s instanceof Stmt.CountedLoop c) {
            int from = (Integer) eval(c.from());
            for (int i = from; c.up() ? i < (Integer) eval(c.to()) : i > (Integer) eval(c.to()); i += c.up() ? 1 : -1) {
                env.put(c.counter(), i);
                block(c.body());
                i = (Integer) env.get(c.counter());
            }
        } else if (s instanceof Stmt.Block b) {
            block(b);
        } else if (s instanceof Stmt.Return r) {
            throw new Returned(r.value() == null ? null : eval(r.value()));
        } else if (s instanceof Stmt.ExprStmt e) {
            eval(e.expr());
        } else if (!(s instanceof Stmt.Comment)) {
            throw new UnsupportedOperationException("IrEval: " + s);
        }
    }

    private void assign(Stmt.Assign a) {
        Object value = eval(a.value());
        if (a.target() instanceof Expr.VarRef r) {
            Object old = env.get(r.var());
            env.put(r.var(), convert(combine(a.op(), old, value, r.var().type()), r.var().type()));
        } else if (a.target() instanceof Expr.ArrayAccess t) {
            double[] array = (double[]) eval(t.array());
            int index = (Integer) eval(t.index());
            array[index] = (Double) convert(combine(a.op(), array[index], value, Type.DOUBLE), Type.DOUBLE);
        } else {
            throw new UnsupportedOperationException("IrEval: target " + a.target());
        }
    }

    private static Object combine(AssignOp op, Object old, Object value, Type type) {
        if (op == AssignOp.SET) {
            return value;
        }
        return arithmetic(op.binary().orElseThrow(), old, value, type);
    }

    public Object eval(Expr e) {
        if (e instanceof Expr.Literal l) {
            String t = l.text().replace("_", "");
            return switch (l.type().base()) {
                case INT -> Integer.valueOf(t);
                case LONG -> Long.valueOf(t.replace("L", ""));
                case BOOLEAN -> Boolean.valueOf(t);
                default -> Double.valueOf(t);
            };
        }
        if (e instanceof Expr.VarRef r) {
            if (!env.containsKey(r.var())) {
                throw new IllegalStateException("IrEval: " + r.var().name() + " read before it is set");
            }
            return env.get(r.var());
        }
        if (e instanceof Expr.Binary b) {
            Object left = eval(b.left());
            if (b.op() == org.cotangent.processor.ir.BinaryOp.AND) {
                return (Boolean) left && (Boolean) eval(b.right());
            }
            if (b.op() == org.cotangent.processor.ir.BinaryOp.OR) {
                return (Boolean) left || (Boolean) eval(b.right());
            }
            return arithmetic(b.op(), left, eval(b.right()), b.type());
        }
        if (e instanceof Expr.Unary u) {
            Object v = eval(u.operand());
            return switch (u.op()) {
                case NEG -> v instanceof Integer i ? (Object) (-i) : (Object) (-(Double) v);
                case PLUS -> v;
                case NOT -> !(Boolean) v;
                case BIT_NOT -> ~(Integer) v;
            };
        }
        if (e instanceof Expr.Cast c) {
            return convert(eval(c.operand()), c.type());
        }
        if (e instanceof Expr.Conditional c) {
            return (Boolean) eval(c.condition()) ? eval(c.whenTrue()) : eval(c.whenFalse());
        }
        if (e instanceof Expr.MathCall m) {
            return invoke(Math.class, m.fn().javaName(), m.args().stream().map(this::eval).toArray());
        }
        if (e instanceof Expr.StaticCall c && "org.cotangent.runtime.Primitives".equals(c.owner())) {
            try {
                return invoke(Class.forName(c.owner()), c.name(), c.args().stream().map(this::eval).toArray());
            } catch (ClassNotFoundException ex) {
                throw new IllegalStateException(ex);
            }
        }
        if (e instanceof Expr.ArrayAccess a) {
            return ((double[]) eval(a.array()))[(Integer) eval(a.index())];
        }
        if (e instanceof Expr.Length l) {
            return ((double[]) eval(l.array())).length;
        }
        throw new UnsupportedOperationException("IrEval: " + e);
    }

    private static Object arithmetic(org.cotangent.processor.ir.BinaryOp op, Object a, Object b, Type type) {
        if (type.equals(Type.INT)) {
            int x = (Integer) a;
            int y = (Integer) b;
            return switch (op) {
                case ADD -> x + y;
                case SUB -> x - y;
                case MUL -> x * y;
                case DIV -> x / y;
                case REM -> x % y;
                default -> throw new UnsupportedOperationException("IrEval: int " + op);
            };
        }
        double x = ((Number) a).doubleValue();
        double y = ((Number) b).doubleValue();
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case REM -> x % y;
            case LT -> x < y;
            case LE -> x <= y;
            case GT -> x > y;
            case GE -> x >= y;
            case EQ -> x == y;
            case NE -> x != y;
            default -> throw new UnsupportedOperationException("IrEval: " + op);
        };
    }

    private static Object invoke(Class<?> owner, String name, Object[] args) {
        Class<?>[] types = new Class<?>[args.length];
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            types[i] = double.class;
            values[i] = ((Number) args[i]).doubleValue();
        }
        try {
            Method m = owner.getMethod(name, types);
            return m.invoke(null, values);
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("IrEval: " + owner.getSimpleName() + "." + name, ex);
        }
    }

    private static Object convert(Object v, Type type) {
        if (v == null || type.rank() > 0) {
            return v;
        }
        return switch (type.base()) {
            case DOUBLE -> ((Number) v).doubleValue();
            case INT -> ((Number) v).intValue();
            case LONG -> ((Number) v).longValue();
            default -> v;
        };
    }
}
