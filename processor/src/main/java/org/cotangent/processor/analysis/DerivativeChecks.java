package org.cotangent.processor.analysis;

import org.cotangent.processor.diag.Finding;
import org.cotangent.processor.diag.Message;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.Function;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Var;
import org.cotangent.processor.lower.ControlFlow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks that need activity before a derivative can be generated, each returning what it
 * found (as {@link Finding}s at the IR nodes, which the front end places in the source):
 * <ul>
 *   <li>calls: a differentiated value passed to a method without derivative, to an integer method
 *       that may carry it, to a parameter the callee does not differentiate, or into an array a call
 *       without derivative writes;</li>
 *   <li>field aliases: a local array that points into an array a field holds, written into;</li>
 *   <li>outputs: an array parameter outside {@code wrt} that receives differentiated values.</li>
 * </ul>
 */
public final class DerivativeChecks {
    private DerivativeChecks() {
    }

    /**
     * The calls of {@code read} (the body as read, whose nodes have source positions) that need a
     * derivative Cotangent does not have.
     *
     * @param valueCarriers the integer calls that may carry a floating argument's value, with the
     *     JDK method through which they do
     */
    public static List<Finding> calls(Function read, ControlFlow.Result lowered, Activity activity,
                                      Map<Expr, String> valueCarriers) {
        List<Finding> out = new ArrayList<>();
        IrWalk.forEachStmt(read.body(), s -> {
            for (Expr own : IrWalk.ownExprs(s)) {
                IrWalk.forEachExpr(own, e -> {
                    if (e instanceof Expr.Call c) {
                        arguments(c, activity, out);
                    } else if (e instanceof Expr.StaticCall c) {
                        libraryCall(c, activity, valueCarriers.get(c), out);
                    }
                });
            }
            Var target = s instanceof Stmt.Return ? lowered.result() : IrWalk.definedVar(s);
            Expr value = s instanceof Stmt.Decl d ? d.init() : s instanceof Stmt.Assign a ? a.value()
                    : s instanceof Stmt.Return r ? r.value() : null;
            if (target == null || value == null || !activity.isUseful(target)) {
                return;
            }
            IrWalk.forEachExpr(value, e -> {
                if (e instanceof Expr.StaticCall c && c.type().isFloating()
                        && c.args().stream().anyMatch(activity::isVaried)) {
                    out.add(Finding.of(Message.NO_DERIVATIVE, c, c.name()));
                }
            });
        });
        return out;
    }

    private static void libraryCall(Expr.StaticCall c, Activity activity, String carrier, List<Finding> out) {
        if (carrier != null && c.args().stream().anyMatch(a -> a.type().isFloating() && activity.isVaried(a))) {
            String through = carrier.endsWith("." + c.name()) ? "" : " (through " + carrier + ")";
            out.add(Finding.of(Message.VALUE_TO_INTEGER, c, c.name(), through));
            return;
        }
        for (int k = 0; k < c.args().size(); k++) {
            Expr a = c.args().get(k);
            if (a.type().rank() > 0 && c.writes().get(k) && activity.isVaried(a)) {
                out.add(Finding.of(Message.CALL_WRITES_VARIED_ARRAY, c, c.name()));
                return;
            }
        }
    }

    private static void arguments(Expr.Call c, Activity activity, List<Finding> out) {
        for (int k = 0; k < c.args().size(); k++) {
            Expr arg = c.args().get(k);
            if (!c.callee().wrt().get(k) && arg.type().isFloating() && activity.isVaried(arg)) {
                out.add(Finding.of(Message.ARGUMENT_NOT_DIFFERENTIATED, c, k + 1, c.callee().name()));
            }
        }
    }

    /**
     * A method that returns no scalar hands its derivative back through the arrays it writes: their
     * accumulators are where {@code _vjp} is seeded. An array parameter that receives values
     * depending on differentiated parameters but is not itself differentiated would have no
     * accumulator, so every derivative through it would silently be 0: a finding at the parameter.
     */
    public static List<Finding> outputs(Function fn, Stmt.Block body, Activity activity) {
        List<Finding> out = new ArrayList<>();
        if (fn.returnType().isScalarDouble()) {
            return out;
        }
        for (Var p : fn.params()) {
            if (p.type().rank() > 0 && p.type().isFloating() && !fn.wrt().contains(p) && activity.isVaried(p)
                    && writes(body, p)) {
                out.add(Finding.of(Message.OUTPUT_NOT_IN_WRT, p, fn.name(), p.name()));
            }
        }
        return out;
    }

    private static boolean writes(Stmt.Block body, Var array) {
        boolean[] found = {false};
        IrWalk.forEachStmt(body, s -> {
            if (s instanceof Stmt.Assign a && a.target() instanceof Expr.ArrayAccess
                    && array.equals(IrWalk.rootVar(a.target()))) {
                found[0] = true;
            }
            for (Expr own : IrWalk.ownExprs(s)) {
                IrWalk.forEachExpr(own, e -> {
                    if (e instanceof Expr.Call c) {
                        for (int k = 0; k < c.args().size(); k++) {
                            found[0] |= c.callee().writes().get(k) && array.equals(IrWalk.rootVar(c.args().get(k)));
                        }
                    }
                });
            }
        });
        return found[0];
    }

    /**
     * A local array that points into an array held by a field shares the field's storage: writing
     * into it is a field write (COT005), found at the write.
     */
    public static List<Finding> fieldAliases(Function read) {
        List<Stmt> statements = new ArrayList<>();
        IrWalk.forEachStmt(read.body(), statements::add);
        Set<Var> aliases = new HashSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Stmt s : statements) {
                Var target = IrWalk.wholeTarget(s);
                Expr value = IrWalk.storedValue(s);
                if (target != null && value != null && target.type().rank() > 0 && !aliases.contains(target)
                        && pointsIntoField(value, aliases)) {
                    aliases.add(target);
                    changed = true;
                }
            }
        }
        List<Finding> out = new ArrayList<>();
        for (Stmt s : statements) {
            if (s instanceof Stmt.Assign a && a.target() instanceof Expr.ArrayAccess
                    && aliases.contains(IrWalk.rootVar(a.target()))) {
                out.add(Finding.of(Message.FIELD_ARRAY_WRITE_THROUGH_LOCAL, s, IrWalk.rootVar(a.target()).name()));
            }
        }
        return out;
    }

    private static boolean pointsIntoField(Expr e, Set<Var> aliases) {
        if (e instanceof Expr.FieldRef || e instanceof Expr.InstanceField) {
            return true;
        }
        if (e instanceof Expr.VarRef r) {
            return aliases.contains(r.var());
        }
        if (e instanceof Expr.ArrayAccess a) {
            return pointsIntoField(a.array(), aliases);
        }
        if (e instanceof Expr.Conditional c) {
            return pointsIntoField(c.whenTrue(), aliases) || pointsIntoField(c.whenFalse(), aliases);
        }
        return false;
    }
}
