package org.cotangent.processor.analysis;

import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.Var;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Finds the local {@code double[]} arrays that a reverse-mode method may take from the tape's pool
 * instead of allocating: created once, at the top level of the body ({@code new double[n]}, an
 * initialiser or a {@code clone()}), and never escaping. An array escapes when anything but an element access, its
 * length, a copy of it, a call of a differentiable method with a generated pullback (which cannot
 * keep it: differentiable code writes no field) or a call of {@code java.util.Arrays},
 * {@code System}, {@code Math} sees the reference itself: an alias, a return, a conditional, an
 * element of another array, or a call of any other method (which might keep it). Such arrays keep
 * {@code new}, so whatever holds them later never sees a pooled array reused.
 */
public final class PooledArrays {
    private static final Set<String> SAFE_OWNERS = Set.of("java.util.Arrays", "System", "Math", "StrictMath");

    private PooledArrays() {
    }

    /** The poolable locals of {@code body} (lowered: calls are statements, loops are while or counted). */
    public static Set<Var> of(Stmt.Block body) {
        Set<Var> candidates = new LinkedHashSet<>();
        for (Stmt s : body.stmts()) {
            if (s instanceof Stmt.Decl d && d.var().type().equals(Type.DOUBLE_ARRAY) && isFresh(d.init())) {
                candidates.add(d.var());
            }
        }
        if (candidates.isEmpty()) {
            return candidates;
        }
        Map<Var, Integer> declarations = new HashMap<>();
        Set<Var> escaping = new LinkedHashSet<>();
        IrWalk.forEachStmt(body, s -> {
            if (s instanceof Stmt.Decl d && candidates.contains(d.var())) {
                declarations.merge(d.var(), 1, Integer::sum);
            }
            if (s instanceof Stmt.Assign a && a.target() instanceof Expr.VarRef r) {
                escaping.add(r.var()); // reassigned: no longer the array it was created as
            }
            if (s instanceof Stmt.Return r && r.value() instanceof Expr.VarRef v) {
                escaping.add(v.var());
            }
            for (Expr e : IrWalk.ownExprs(s)) {
                if (s instanceof Stmt.Assign a && e == a.target() && a.target() instanceof Expr.VarRef) {
                    continue;
                }
                visit(e, true, escaping);
            }
        });
        candidates.removeIf(v -> escaping.contains(v) || declarations.getOrDefault(v, 0) != 1);
        return candidates;
    }

    private static boolean isFresh(Expr init) {
        return init instanceof Expr.NewArray n && n.dimensions().size() == 1
                || init instanceof Expr.ArrayLiteral l && l.type().rank() == 1
                || init instanceof Expr.Clone c && c.type().rank() == 1;
    }

    /**
     * Marks as escaping every variable whose reference {@code e} uses in a way that may let it out;
     * {@code escapes}: whether a bare reference at this position escapes.
     */
    private static void visit(Expr e, boolean escapes, Set<Var> escaping) {
        if (e instanceof Expr.VarRef r) {
            if (escapes && r.type().rank() > 0) {
                escaping.add(r.var());
            }
            return;
        }
        if (e instanceof Expr.ArrayAccess a) {
            visit(a.array(), false, escaping);
            visit(a.index(), true, escaping);
        } else if (e instanceof Expr.Length l) {
            visit(l.array(), false, escaping);
        } else if (e instanceof Expr.Clone c) {
            visit(c.array(), false, escaping);
        } else if (e instanceof Expr.Call c) {
            boolean generated = c.callee().tangentOwner() != null;
            if (c.receiver() != null) {
                visit(c.receiver(), true, escaping);
            }
            c.args().forEach(a -> visit(a, !generated, escaping));
        } else if (e instanceof Expr.StaticCall c) {
            boolean safe = c.owner() != null && SAFE_OWNERS.contains(c.owner());
            c.args().forEach(a -> visit(a, !safe, escaping));
        } else {
            // any other node: a reference directly below it escapes
            IrWalk.children(e).forEach(child -> visit(child, true, escaping));
        }
    }
}
