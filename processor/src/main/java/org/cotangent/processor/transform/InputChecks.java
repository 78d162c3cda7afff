package org.cotangent.processor.transform;

import org.cotangent.processor.naming.RuntimeMethod;
import org.cotangent.processor.ir.Build;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.Function;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.Var;

import java.util.ArrayList;
import java.util.List;

/**
 * The first statements of every generated method: each array the derivative is taken with respect
 * to must not be null (its accumulators and tangents take its shape), checked before anything is
 * allocated or touched, with a message that names the parameter.
 */
public final class InputChecks {
    private InputChecks() {
    }

    /** {@code Checks.input(x, "x");} for each wrt array parameter of {@code fn}. */
    public static List<Stmt> of(Function fn) {
        return checks(fn, true);
    }

    /** The checks of {@link #of} for the parameters that are not leaves of a value parameter. */
    public static List<Stmt> plain(Function fn) {
        return checks(fn, false);
    }

    private static List<Stmt> checks(Function fn, boolean leaves) {
        List<Stmt> out = new ArrayList<>();
        for (Var w : fn.wrt()) {
            if (w.type().rank() > 0 && (leaves || fn.valueParamOf(w) == null)) {
                out.add(new Stmt.ExprStmt(RuntimeMethod.CHECK_INPUT.call(List.of(Build.ref(w),
                        new Expr.Literal("\"" + w.name() + "\"", Type.named("String"))), Type.VOID), null));
            }
        }
        return out;
    }
}
