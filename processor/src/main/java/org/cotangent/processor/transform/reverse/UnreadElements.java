package org.cotangent.processor.transform.reverse;

import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Var;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The element writes outside loops whose old value no backward code reads: the to-be-recorded rule
 * of {@link org.cotangent.processor.analysis.ToBeRecorded}, for elements of arrays the method
 * creates itself. Such a write needs no save and no restore; the array then ends the backward sweep
 * as the forward sweep left it (a returned {@code double[] e = new double[2]; e[0] = ...; e[1] = ...}
 * needs no kept copy, and a Jacobian's rows need not copy it again).
 *
 * <p>The array must be simple to follow: a local of rank one created by the method ({@code new},
 * an array literal or a clone), set once, passed to no call, read in no loop, stored in no row of
 * a matrix; the variables it is assigned to share its storage and count as it. The old value is then unread when no statement
 * before the write (in the order the forward sweep runs them, so after it in the backward sweep)
 * reads one of those variables in its backward code, nor does the write's own backward code.
 */
final class UnreadElements {
    private UnreadElements() {
    }

    /**
     * @param body the lowered body
     * @param siteReads per statement: the primal variables its backward code reads
     * @param headerReads per branch or loop: what its backward condition or header reads
     */
    static Set<Stmt> of(Stmt.Block body, Map<Stmt, Set<Var>> siteReads, Map<Stmt, Set<Var>> headerReads) {
        List<Stmt> order = new ArrayList<>();
        IrWalk.forEachStmt(body, order::add);
        Set<Var> inLoopsOrCalls = readInLoopsOrCalls(order);
        Set<Stmt> out = ReverseContext.identitySet();
        Set<Var> readSoFar = new HashSet<>();
        Set<Stmt> loops = ReverseContext.identitySet();
        for (Stmt s : order) {
            boolean inLoop = loops.contains(s);
            if (s instanceof Stmt.While || s instanceof Stmt.CountedLoop) {
                IrWalk.forEachStmt(s, loops::add);
            }
            if (!inLoop && s instanceof Stmt.Assign a && a.target() instanceof Expr.ArrayAccess acc
                    && acc.array() instanceof Expr.VarRef) {
                Set<Var> storage = storage(IrWalk.rootVar(acc), order);
                if (storage != null && storage.stream().noneMatch(inLoopsOrCalls::contains)
                        && storage.stream().noneMatch(readSoFar::contains)
                        && storage.stream().noneMatch(siteReads.getOrDefault(s, Set.of())::contains)) {
                    out.add(s);
                }
            }
            readSoFar.addAll(siteReads.getOrDefault(s, Set.of()));
            readSoFar.addAll(headerReads.getOrDefault(s, Set.of()));
        }
        return out;
    }

    /** The variables sharing the storage of {@code a}, or null when {@code a} is not a fresh local of rank one set once. */
    private static Set<Var> storage(Var a, List<Stmt> order) {
        if (a.type().rank() != 1) {
            return null;
        }
        Set<Var> out = new HashSet<>();
        out.add(a);
        int definitions = 0;
        for (Stmt s : order) {
            Var target = IrWalk.wholeTarget(s);
            Expr value = IrWalk.storedValue(s);
            if (target == a) {
                definitions++;
                if (!(value instanceof Expr.NewArray || value instanceof Expr.ArrayLiteral
                        || value instanceof Expr.Clone)) {
                    return null;
                }
            }
        }
        if (definitions != 1) {
            return null;
        }
        // whatever an array value made from the storage is stored in may share it (b = a, c = f ? a : b)
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Stmt s : order) {
                Expr value = IrWalk.storedValue(s);
                if (value == null || value.type().rank() == 0
                        || IrWalk.varsRead(value).stream().noneMatch(out::contains)) {
                    continue;
                }
                Var target = IrWalk.wholeTarget(s);
                if (target == null) {
                    return null; // stored in a row of a matrix: followed no further
                }
                grew |= out.add(target);
            }
        }
        return out;
    }

    /** Variables read anywhere inside a loop, or passed to a call. */
    private static Set<Var> readInLoopsOrCalls(List<Stmt> order) {
        Set<Var> out = new HashSet<>();
        for (Stmt s : order) {
            if (s instanceof Stmt.While || s instanceof Stmt.CountedLoop) {
                IrWalk.forEachStmt(s, x -> IrWalk.ownExprs(x).forEach(e -> out.addAll(IrWalk.varsRead(e))));
            }
            for (Expr own : IrWalk.ownExprs(s)) {
                IrWalk.forEachExpr(own, e -> {
                    List<Expr> args = e instanceof Expr.Call c ? c.args()
                            : e instanceof Expr.StaticCall c ? c.args() : List.of();
                    args.forEach(x -> out.addAll(IrWalk.varsRead(x)));
                });
            }
        }
        return out;
    }
}
