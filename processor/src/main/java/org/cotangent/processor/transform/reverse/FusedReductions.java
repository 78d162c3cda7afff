package org.cotangent.processor.transform.reverse;

import org.cotangent.processor.analysis.Activity;
import org.cotangent.processor.ir.AssignOp;
import org.cotangent.processor.ir.BinaryOp;
import org.cotangent.processor.ir.Build;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.UnaryOp;
import org.cotangent.processor.ir.Var;

import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the top-level loops whose backward sweep can run inside the forward sweep, iteration by
 * iteration, right after each iteration's forward code: loops that only add into sums
 * ({@code s += term}) and otherwise use locals each iteration sets before it reads them, where the
 * result is the sum plus other terms ({@code return c + s - ...}). The adjoint of such a sum is
 * known before the loop runs (the seed, with the sign it enters the result), and it passes through
 * the loop unchanged, so each term's backward sweep can follow its forward code at once: one pass
 * over the data instead of two, and nothing on the tape between iterations. This is the adjoint a
 * person writes by hand for a sum of independent terms (an extended Rosenbrock, a likelihood).
 *
 * <p>Arrays the loop writes must be work arrays it fills in full in each iteration before reading
 * them. Sums that anything after the loop reads other than the result's own expression are left
 * alone, and loops followed by code that writes an array or anything
 * the loop reads (whose backward sweep would restart adjoints the fused loop has already added to).
 */
final class FusedReductions {
    private FusedReductions() {
    }

    /**
     * For each fusible loop at the top level of {@code body}, the known adjoint of each of its sums
     * (an expression of {@code seed}).
     */
    static Map<Stmt, Map<Var, Expr>> find(Stmt.Block body, Var result, Var seed, Activity activity) {
        Map<Stmt, Map<Var, Expr>> out = new IdentityHashMap<>();
        List<Stmt> top = body.stmts();
        for (int k = 0; k < top.size(); k++) {
            if (!(top.get(k) instanceof Stmt.CountedLoop loop)) {
                continue;
            }
            Map<Var, Expr> sums = sums(loop, top.subList(0, k), top.subList(k + 1, top.size()), result, seed, activity);
            if (sums != null && !sums.isEmpty()) {
                out.put(loop, sums);
            }
        }
        return out;
    }

    private static Map<Var, Expr> sums(Stmt.CountedLoop loop, List<Stmt> before, List<Stmt> after, Var result,
                                       Var seed, Activity activity) {
        Set<Var> written = new HashSet<>();
        boolean[] ok = {true};
        IrWalk.forEachStmt(loop.body(), s -> {
            if (s instanceof Stmt.Decl d && d.init() != null) {
                written.add(d.var());
            } else if (s instanceof Stmt.Assign a) {
                written.add(IrWalk.rootVar(a.target()));
                ok[0] &= a.target() instanceof Expr.VarRef || a.target() instanceof Expr.ArrayAccess t
                        && t.array() instanceof Expr.VarRef;
            } else if (s instanceof Stmt.CountedLoop c) {
                written.add(c.counter());
            } else if (s instanceof Stmt.Return || s instanceof Stmt.Break || s instanceof Stmt.Continue
                    || s instanceof Stmt.Throw || s instanceof Stmt.Assert) {
                ok[0] = false;
            }
            for (Expr own : IrWalk.ownExprs(s)) {
                IrWalk.forEachExpr(own, e -> {
                    if (e instanceof Expr.Call c) {
                        for (int i = 0; i < c.args().size(); i++) {
                            ok[0] &= !c.callee().writes().get(i);
                        }
                    } else if (e instanceof Expr.StaticCall c) {
                        ok[0] &= c.args().stream().noneMatch(x -> x.type().rank() > 0);
                    }
                });
            }
        });
        if (!ok[0] || written.contains(result) || IrWalk.reads(loop.from(), loop.counter())) {
            return null;
        }
        // The backward sweep of code after the loop must not touch the adjoints the fused loop adds
        // into: nothing the loop reads may be written after it (an overwrite restarts its adjoint),
        // and no array at all (an alias might be one the loop reads).
        Set<Var> writtenAfter = new HashSet<>();
        Set<Var> fresh = freshArrays(after);
        boolean[] arrayWrittenAfter = {false};
        for (Stmt s : after) {
            IrWalk.forEachStmt(s, x -> {
                Var target = x instanceof Stmt.Decl d ? d.var() : x instanceof Stmt.Assign a
                        ? IrWalk.rootVar(a.target()) : x instanceof Stmt.CountedLoop c ? c.counter() : null;
                if (target != null) {
                    writtenAfter.add(target);
                    arrayWrittenAfter[0] |= target.type().rank() > 0 && !fresh.contains(target);
                }
                for (Expr own : IrWalk.ownExprs(x)) {
                    IrWalk.forEachExpr(own, e -> {
                        List<Expr> args = e instanceof Expr.Call c ? c.args()
                                : e instanceof Expr.StaticCall c ? c.args() : List.of();
                        for (int i = 0; i < args.size(); i++) {
                            boolean writes = e instanceof Expr.Call c ? c.callee().writes().get(i)
                                    : args.get(i).type().rank() > 0;
                            arrayWrittenAfter[0] |= writes && !fresh.contains(IrWalk.rootVar(args.get(i)));
                        }
                    });
                }
            });
        }
        if (arrayWrittenAfter[0]) {
            return null;
        }
        Set<Var> readInLoop = new HashSet<>();
        IrWalk.forEachStmt(loop.body(), x -> IrWalk.ownExprs(x).forEach(e -> readInLoop.addAll(IrWalk.varsRead(e))));
        for (Var v : readInLoop) {
            if (!written.contains(v) && writtenAfter.contains(v)) {
                return null;
            }
        }
        Map<Var, Expr> sums = new LinkedHashMap<>();
        for (Var v : written) {
            if (v.type().rank() > 0) {
                // a work array: allocated before the loop, used only in it, and filled in full by
                // each iteration before anything reads it
                Expr length = allocationLength(v, before);
                if (length == null || mentionedIn(after, v) || !filledBeforeRead(v, length, loop.body().stmts())) {
                    return null;
                }
                continue;
            }
            boolean outside = mentionedIn(before, v) || mentionedIn(after, v) || IrWalk.reads(loop.from(), v)
                    || IrWalk.reads(loop.to(), v);
            if (!outside) {
                if (!v.equals(loop.counter()) && !setBeforeRead(v, loop.body().stmts())) {
                    return null;
                }
                continue;
            }
            Expr adjoint = isSum(v, loop.body()) && activity.isActive(v) ? knownAdjoint(v, after, result, seed) : null;
            if (adjoint == null) {
                return null;
            }
            sums.put(v, adjoint);
        }
        return sums;
    }

    /** Every write of {@code v} in the loop is {@code v += e} or {@code v -= e}, and nothing else there reads v. */
    private static boolean isSum(Var v, Stmt.Block body) {
        boolean[] ok = {true};
        IrWalk.forEachStmt(body, s -> {
            if (s instanceof Stmt.Assign a && a.target() instanceof Expr.VarRef r && r.var().equals(v)) {
                ok[0] &= (a.op() == AssignOp.ADD || a.op() == AssignOp.SUB) && !IrWalk.reads(a.value(), v);
                return;
            }
            if (s instanceof Stmt.Decl d && d.var().equals(v)) {
                ok[0] = false;
            }
            for (Expr own : IrWalk.ownExprs(s)) {
                ok[0] &= !IrWalk.reads(own, v);
            }
        });
        return ok[0];
    }

    /**
     * The adjoint of the sum {@code v} after the loop, if the only statement after the loop that
     * mentions it sets the result to an expression where v is one addend (times a literal).
     */
    private static Expr knownAdjoint(Var v, List<Stmt> after, Var result, Var seed) {
        Expr found = null;
        for (Stmt s : after) {
            if (!mentions(s, v)) {
                continue;
            }
            Expr value = s instanceof Stmt.Assign a && a.op() == AssignOp.SET && a.target() instanceof Expr.VarRef r
                    && r.var().equals(result) ? a.value() : null;
            if (value == null || found != null) {
                return null;
            }
            Expr coefficient = coefficient(value, v);
            if (coefficient == null) {
                return null;
            }
            found = Build.mul(Build.ref(seed), coefficient);
        }
        return found;
    }

    /** The constant factor of {@code v} in {@code e} if v is one addend of it, else null. */
    private static Expr coefficient(Expr e, Var v) {
        if (e instanceof Expr.VarRef r && r.var().equals(v)) {
            return Build.ONE;
        }
        if (!IrWalk.reads(e, v)) {
            return null;
        }
        if (e instanceof Expr.Unary u && u.op() == UnaryOp.NEG) {
            Expr c = coefficient(u.operand(), v);
            return c == null ? null : Build.neg(c);
        }
        if (e instanceof Expr.Binary b && (b.op() == BinaryOp.ADD || b.op() == BinaryOp.SUB)) {
            boolean left = IrWalk.reads(b.left(), v);
            boolean right = IrWalk.reads(b.right(), v);
            if (left == right) {
                return null;
            }
            if (left) {
                return coefficient(b.left(), v);
            }
            Expr c = coefficient(b.right(), v);
            return c == null ? null : b.op() == BinaryOp.SUB ? Build.neg(c) : c;
        }
        if (e instanceof Expr.Binary b && b.op() == BinaryOp.MUL) {
            if (b.left() instanceof Expr.Literal l && b.right() instanceof Expr.VarRef r && r.var().equals(v)) {
                return l;
            }
            if (b.right() instanceof Expr.Literal l && b.left() instanceof Expr.VarRef r && r.var().equals(v)) {
                return l;
            }
        }
        return null;
    }

    /**
     * Arrays created at the top level of {@code after} ({@code new}, an initialiser) and never
     * assigned again: storage of their own, which the loop cannot have read.
     */
    private static Set<Var> freshArrays(List<Stmt> after) {
        Set<Var> fresh = new HashSet<>();
        for (Stmt s : after) {
            if (s instanceof Stmt.Decl d && d.var().type().rank() > 0
                    && (d.init() instanceof Expr.NewArray || d.init() instanceof Expr.ArrayLiteral)) {
                fresh.add(d.var());
            }
        }
        for (Stmt s : after) {
            IrWalk.forEachStmt(s, x -> {
                if (x instanceof Stmt.Assign a && a.target() instanceof Expr.VarRef r) {
                    fresh.remove(r.var());
                }
            });
        }
        return fresh;
    }

    /**
     * The length of the one-dimensional array {@code v} if the code before the loop mentions it only
     * to declare it as {@code new double[length]}; else null.
     */
    static Expr allocationLength(Var v, List<Stmt> before) {
        Expr length = null;
        for (Stmt s : before) {
            if (s instanceof Stmt.Decl d && d.var().equals(v) && d.init() instanceof Expr.NewArray n
                    && n.dimensions().size() == 1 && length == null) {
                length = n.dimensions().get(0);
            } else if (mentions(s, v)) {
                return null;
            }
        }
        return length;
    }

    /**
     * Whether every element of the array {@code v} is written before it is read in an iteration: the
     * first statement that mentions it is a loop from 0 to {@code length} whose body sets
     * {@code v[counter]} and does nothing else with v, or a loop that mentions v only inside and
     * whose body does so.
     */
    static boolean filledBeforeRead(Var v, Expr length, List<Stmt> stmts) {
        for (int i = 0; i < stmts.size(); i++) {
            Stmt s = stmts.get(i);
            if (!mentions(s, v)) {
                continue;
            }
            if (!(s instanceof Stmt.CountedLoop c) || IrWalk.reads(c.from(), v) || IrWalk.reads(c.to(), v)) {
                return false;
            }
            if (c.up() && c.from() instanceof Expr.Literal from && from.isNumber(0) && c.to().equals(length)
                    && fillsAtCounter(v, c)) {
                return true;
            }
            return !mentionedIn(stmts.subList(i + 1, stmts.size()), v) && filledBeforeRead(v, length, c.body().stmts());
        }
        return false;
    }

    /** The loop's body mentions {@code v} in one top-level statement only: {@code v[counter] = e}, e not reading v. */
    private static boolean fillsAtCounter(Var v, Stmt.CountedLoop c) {
        int mentioning = 0;
        boolean fills = false;
        for (Stmt s : c.body().stmts()) {
            if (!mentions(s, v)) {
                continue;
            }
            mentioning++;
            fills = s instanceof Stmt.Assign a && a.op() == AssignOp.SET && a.target() instanceof Expr.ArrayAccess t
                    && t.array() instanceof Expr.VarRef r && r.var().equals(v)
                    && t.index() instanceof Expr.VarRef index && index.var().equals(c.counter())
                    && !IrWalk.reads(a.value(), v);
        }
        return mentioning == 1 && fills;
    }

    /**
     * Whether each iteration sets {@code v} before reading it: the first statement that mentions v
     * sets it from a value that does not read it, or is a loop that mentions v only inside and
     * whose body does so.
     */
    private static boolean setBeforeRead(Var v, List<Stmt> stmts) {
        for (int i = 0; i < stmts.size(); i++) {
            Stmt s = stmts.get(i);
            if (!mentions(s, v)) {
                continue;
            }
            if (s instanceof Stmt.Decl d && d.var().equals(v)) {
                return d.init() != null ? !IrWalk.reads(d.init(), v) : setBeforeRead(v, stmts.subList(i + 1, stmts.size()));
            }
            if (s instanceof Stmt.Assign a && a.op() == AssignOp.SET && a.target() instanceof Expr.VarRef r
                    && r.var().equals(v)) {
                return !IrWalk.reads(a.value(), v);
            }
            if (s instanceof Stmt.CountedLoop c && !IrWalk.reads(c.from(), v) && !IrWalk.reads(c.to(), v)
                    && !mentionedIn(stmts.subList(i + 1, stmts.size()), v)) {
                return c.counter().equals(v) || setBeforeRead(v, c.body().stmts());
            }
            return false;
        }
        return true;
    }

    static boolean mentionedIn(List<Stmt> stmts, Var v) {
        for (Stmt s : stmts) {
            if (mentions(s, v)) {
                return true;
            }
        }
        return false;
    }

    static boolean mentions(Stmt s, Var v) {
        boolean[] found = {false};
        IrWalk.forEachStmt(s, x -> {
            if (x instanceof Stmt.Decl d && d.var().equals(v) && d.init() != null
                    || x instanceof Stmt.CountedLoop c && c.counter().equals(v)
                    || x instanceof Stmt.ForEach f && f.element().equals(v)) {
                found[0] = true;
            }
            for (Expr own : IrWalk.ownExprs(x)) {
                found[0] |= IrWalk.reads(own, v);
            }
        });
        return found[0];
    }
}
