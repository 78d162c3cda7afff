package org.cotangent.processor.transform.reverse;

import org.cotangent.processor.naming.RuntimeMethod;
import org.cotangent.processor.analysis.Activity;
import org.cotangent.processor.analysis.ArrayWrites;
import org.cotangent.processor.analysis.AvailableValues;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.Function;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.SourcePos;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.Var;
import org.cotangent.processor.lower.ControlFlow;
import org.cotangent.processor.naming.Names;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every part of reverse mode shares for one method: the method and its lowered body, activity,
 * the names taken, the generated method's own variables (seed, tape, accumulators, adjoints) and the
 * small builders of tape and adjoint expressions.
 */
final class ReverseContext {
    final Function fn;
    final ControlFlow.Result lowered;
    final Activity activity;
    final Names names;
    final Var seed;
    final Var tape;
    /** The variables of the primal code: parameters, the result, locals and loop counters. */
    final Set<Var> primal = new HashSet<>();
    /** The adjoint of each active variable (for the result of a scalar method, the seed itself). */
    final Map<Var, Var> adjoints = new LinkedHashMap<>();
    /** The accumulator parameter of each differentiated parameter. */
    final Map<Var, Var> accumulators = new LinkedHashMap<>();
    /** Array parameters whose adjoint is a local of its own, added into the accumulator at the end. */
    final Set<Var> separateParamAdjoints = new HashSet<>();
    private Map<Stmt, Map<Expr, Var>> availableCalls;

    ReverseContext(Function fn, ControlFlow.Result lowered, Activity activity, Names names) {
        this.fn = fn;
        this.lowered = lowered;
        this.activity = activity;
        this.names = names;
        this.seed = new Var(names.fresh("seed"), fn.returnType().rank() > 0 ? Type.DOUBLE_ARRAY : Type.DOUBLE);
        this.tape = new Var(names.fresh("tape"), new Type(Type.Base.TAPE, 0));
        primal.addAll(fn.params());
        primal.add(lowered.result());
        for (Var w : fn.wrt()) {
            Var acc = new Var(names.fresh(Names.accumulator(w.name())), w.type().rank() == 0 ? Type.DOUBLE_ARRAY
                    : w.type());
            accumulators.put(w, acc);
        }
    }

    Var result() {
        return lowered.result();
    }

    Stmt.Block body() {
        return lowered.body();
    }

    boolean isVectorValued() {
        return fn.returnType().rank() > 0;
    }

    boolean isVoid() {
        return fn.returnType().base() == Type.Base.VOID;
    }

    List<Stmt> allStmts() {
        List<Stmt> out = new ArrayList<>();
        IrWalk.forEachStmt(lowered.body(), out::add);
        return out;
    }

    /** Per statement: the {@code Math} calls whose values primal locals hold there ({@link AvailableValues}). */
    Map<Stmt, Map<Expr, Var>> availableCalls() {
        if (availableCalls == null) {
            availableCalls = AvailableValues.of(lowered.body());
        }
        return availableCalls;
    }

    Set<Var> primalVars(Expr e) {
        Set<Var> out = new HashSet<>();
        IrWalk.varsRead(e).stream().filter(primal::contains).forEach(out::add);
        return out;
    }

    /** Whether the backward sweep runs the pullback of {@code call}: its result or an array it writes is active. */
    boolean needsPullback(Expr call, Var result) {
        if (!(call instanceof Expr.Call c)) {
            return false;
        }
        if (result != null && activity.isActive(result)) {
            return true;
        }
        for (Expr w : ArrayWrites.byCall(c)) {
            Var root = IrWalk.rootVar(w);
            if (root != null && activity.isActive(root)) {
                return true;
            }
        }
        return false;
    }

    /** The variable the statement holding {@code value} assigns, or null. */
    Var resultOf(Expr value) {
        for (Stmt s : allStmts()) {
            if (s instanceof Stmt.Decl d && d.init() == value) {
                return d.var();
            }
            if (s instanceof Stmt.Assign a && a.value() == value && a.target() instanceof Expr.VarRef r) {
                return r.var();
            }
        }
        return null;
    }

    /** For an assignment of an active array (a variable or a row), the adjoint that goes with it; else null. */
    Expr adjointOfArrayTarget(Expr target) {
        Var root = IrWalk.rootVar(target);
        if (target.type().rank() == 0 || root == null || !adjoints.containsKey(root)) {
            return null;
        }
        return adjointArray(target);
    }

    /** The adjoint array that goes with an array value: fresh zeros, or the adjoint it shares storage with. */
    Expr adjointInit(Expr value) {
        if (value instanceof Expr.NewArray n) {
            return n;
        }
        if (value instanceof Expr.ArrayLiteral l) {
            if (l.type().rank() == 1) {
                return new Expr.NewArray(l.type(), List.of(intLit(l.elements().size())));
            }
            return new Expr.ArrayLiteral(l.type(), l.elements().stream().map(this::adjointInit).toList());
        }
        if (value instanceof Expr.Clone c) {
            Var root = IrWalk.rootVar(c.array());
            if (c.type().rank() == 1 || root == null || !adjoints.containsKey(root)) {
                return RuntimeMethod.ZEROS_LIKE.call(List.of(c.array()), c.type());
            }
            return new Expr.Clone(adjointArray(c.array()));
        }
        if (value instanceof Expr.Conditional c) {
            return new Expr.Conditional(c.condition(), adjointInit(c.whenTrue()), adjointInit(c.whenFalse()),
                    c.type());
        }
        if (IrWalk.rootVar(value) == null || !adjoints.containsKey(IrWalk.rootVar(value))) {
            // an array a field holds (a constant) or an inactive local: its adjoint starts and stays 0
            return RuntimeMethod.ZEROS_LIKE.call(List.of(value), value.type());
        }
        return adjointArray(value);
    }

    /** The adjoint of an array expression: the same access path, rooted at the adjoint arrays. */
    Expr adjointArray(Expr e) {
        return IrWalk.reroot(e, adjoints::get, "adjoint");
    }

    /** {@code tape.push...(arg);} */
    Stmt tapeCall(RuntimeMethod method, Expr arg, SourcePos pos) {
        return new Stmt.ExprStmt(method.on(tape.name(), List.of(arg), Type.VOID), pos);
    }

    /** {@code tape.pop...()}, of type {@code type}. */
    Expr tapePop(RuntimeMethod method, Type type) {
        return method.on(tape.name(), List.of(), type);
    }

    /** The tape's push for a value of {@code type}. */
    static RuntimeMethod push(Type type) {
        if (type.rank() > 0 || type.base() == Type.Base.OTHER) {
            return RuntimeMethod.PUSH_REF;
        }
        return switch (type.base()) {
            case DOUBLE -> RuntimeMethod.PUSH_DOUBLE;
            case LONG -> RuntimeMethod.PUSH_LONG;
            case BOOLEAN -> RuntimeMethod.PUSH_BOOLEAN;
            default -> RuntimeMethod.PUSH_INT;
        };
    }

    /** The tape's pop for a value of {@code type}. */
    static RuntimeMethod pop(Type type) {
        if (type.rank() > 0 || type.base() == Type.Base.OTHER) {
            return RuntimeMethod.POP_REF;
        }
        return switch (type.base()) {
            case DOUBLE -> RuntimeMethod.POP_DOUBLE;
            case LONG -> RuntimeMethod.POP_LONG;
            case BOOLEAN -> RuntimeMethod.POP_BOOLEAN;
            default -> RuntimeMethod.POP_INT;
        };
    }

    static Expr zero(Type type) {
        return new Expr.Literal(type.zero(), type);
    }

    static Expr intLit(int value) {
        return new Expr.Literal(String.valueOf(value), Type.INT);
    }

    static Expr bool(boolean value) {
        return new Expr.Literal(String.valueOf(value), Type.BOOLEAN);
    }

    static Set<Stmt> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }
}
