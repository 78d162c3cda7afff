package org.cotangent.processor.analysis;

import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.Var;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which arrays a lowered body may write: element assignments, calls that write into the arrays
 * they are passed, and every array variable that may share storage with one of those.
 */
public final class ArrayWrites {
    private ArrayWrites() {
    }

    /** Arrays a call may write, in argument order (for a call without derivative: every array argument). */
    public static List<Expr> byCall(Expr call) {
        List<Expr> out = new ArrayList<>();
        if (call instanceof Expr.Call c) {
            for (int k = 0; k < c.args().size(); k++) {
                if (c.callee().writes().get(k) && c.args().get(k).type().rank() > 0) {
                    out.add(c.args().get(k));
                }
            }
        } else if (call instanceof Expr.StaticCall c) {
            for (int k = 0; k < c.args().size(); k++) {
                if (c.writes().get(k)) {
                    out.add(c.args().get(k));
                }
            }
        }
        return out;
    }

    /** Whether some call in {@code body} writes an array of this element type. */
    public static boolean byCallOf(Stmt.Block body, Type.Base base) {
        boolean[] found = {false};
        IrWalk.forEachStmt(body, s -> {
            for (Expr own : IrWalk.ownExprs(s)) {
                for (Expr w : byCall(own)) {
                    found[0] |= w.type().base() == base;
                }
            }
        });
        return found[0];
    }

    /** Array variables whose elements may be written: element-write roots, and anything aliased with them. */
    public static Set<Var> variables(Stmt.Block body) {
        Set<Var> roots = new HashSet<>();
        List<Stmt> all = new ArrayList<>();
        IrWalk.forEachStmt(body, s -> {
            all.add(s);
            if (s instanceof Stmt.Assign a && a.target() instanceof Expr.ArrayAccess) {
                roots.add(IrWalk.rootVar(a.target()));
            }
            for (Expr own : IrWalk.ownExprs(s)) {
                for (Expr w : byCall(own)) {
                    Var root = IrWalk.rootVar(w);
                    if (root != null) {
                        roots.add(root);
                    }
                }
            }
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Stmt s : all) {
                Var target = IrWalk.wholeTarget(s);
                Expr value = IrWalk.storedValue(s);
                if (target == null || value == null || target.type().rank() == 0) {
                    continue;
                }
                for (Var source : aliasRoots(value)) {
                    if (roots.contains(target) && roots.add(source)) {
                        changed = true;
                    }
                    if (roots.contains(source) && roots.add(target)) {
                        changed = true;
                    }
                }
            }
        }
        return roots;
    }

    /** The variables whose arrays {@code e} may share storage with. */
    private static Set<Var> aliasRoots(Expr e) {
        Set<Var> out = new HashSet<>();
        if (e instanceof Expr.VarRef r) {
            out.add(r.var());
        } else if (e instanceof Expr.ArrayAccess a) {
            out.addAll(aliasRoots(a.array()));
        } else if (e instanceof Expr.Conditional c) {
            out.addAll(aliasRoots(c.whenTrue()));
            out.addAll(aliasRoots(c.whenFalse()));
        } else if (e instanceof Expr.Clone c && c.type().rank() > 1) {
            out.addAll(aliasRoots(c.array()));
        } else if (e instanceof Expr.ArrayLiteral l && l.type().rank() > 1) {
            l.elements().forEach(x -> out.addAll(aliasRoots(x)));
        }
        return out;
    }
}
