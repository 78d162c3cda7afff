package org.cotangent.processor.lower;

import org.cotangent.processor.ir.AssignOp;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.UnaryOp;
import org.cotangent.processor.ir.Var;
import org.cotangent.processor.naming.Names;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites a body with {@code return}s in several places into one that falls off its end with the
 * value in a result variable, so that the reverse transform sees a single exit.
 *
 * <p>Where one branch of an {@code if} always returns, the statements after the {@code if} move
 * into the other branch (no flag, the code stays readable). Only where a branch may or may not
 * return does a {@code returned} flag guard the rest.
 */
public final class SingleExit {
    /**
     * The rewritten body.
     *
     * @param body statements without {@code return}
     * @param result the variable that holds the returned value
     * @param returned the flag that says a return ran, or null where none was needed
     */
    public record Result(Stmt.Block body, Var result, Var returned) {
    }

    private final Var result;
    private final Var returned;

    private SingleExit(Var result, Var returned) {
        this.result = result;
        this.returned = returned;
    }

    /** Lowers {@code body}, taking fresh names for the result and the flag from {@code names}. */
    public static Result lower(Stmt.Block body, Type returnType, Names names) {
        Var result = new Var(names.fresh("result"), returnType);
        Var returned = needsFlag(body) ? new Var(names.fresh("returned"), Type.BOOLEAN) : null;
        SingleExit pass = new SingleExit(result, returned);
        return new Result(new Stmt.Block(pass.lower(body.stmts())), result, returned);
    }

    private List<Stmt> lower(List<Stmt> stmts) {
        List<Stmt> out = new ArrayList<>();
        for (int i = 0; i < stmts.size(); i++) {
            Stmt s = stmts.get(i);
            List<Stmt> rest = stmts.subList(i + 1, stmts.size());
            if (s instanceof Stmt.Return r) {
                out.add(new Stmt.Assign(new Expr.VarRef(result), AssignOp.SET, r.value(), r.pos()));
                if (returned != null) {
                    out.add(new Stmt.Assign(new Expr.VarRef(returned), AssignOp.SET,
                            new Expr.Literal("true", Type.BOOLEAN), r.pos()));
                }
                return out;
            }
            if (s instanceof Stmt.Block b && mayReturn(b)) {
                out.addAll(lower(concat(b.stmts(), rest)));
                return out;
            }
            if (s instanceof Stmt.If f && mayReturn(f)) {
                boolean thenReturns = alwaysReturns(f.then());
                boolean elseReturns = alwaysReturns(f.otherwise());
                if (thenReturns || elseReturns) {
                    List<Stmt> then = thenReturns ? f.then().stmts() : concat(f.then().stmts(), rest);
                    List<Stmt> otherwise = elseReturns ? f.otherwise().stmts() : concat(f.otherwise().stmts(), rest);
                    out.add(new Stmt.If(f.condition(), new Stmt.Block(lower(then)),
                            new Stmt.Block(lower(otherwise)), f.pos()));
                    return out;
                }
                out.add(new Stmt.If(f.condition(), new Stmt.Block(lower(f.then().stmts())),
                        new Stmt.Block(lower(f.otherwise().stmts())), f.pos()));
                if (!rest.isEmpty()) {
                    Expr notReturned = new Expr.Unary(UnaryOp.NOT, new Expr.VarRef(returned), Type.BOOLEAN);
                    out.add(new Stmt.If(notReturned, new Stmt.Block(lower(rest)), null, null));
                }
                return out;
            }
            out.add(s);
        }
        return out;
    }

    private static List<Stmt> concat(List<Stmt> a, List<Stmt> b) {
        List<Stmt> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** True if some path through {@code s} returns. */
    static boolean mayReturn(Stmt s) {
        if (s instanceof Stmt.Return) {
            return true;
        }
        if (s instanceof Stmt.Block b) {
            return b.stmts().stream().anyMatch(SingleExit::mayReturn);
        }
        if (s instanceof Stmt.If f) {
            return mayReturn(f.then()) || mayReturn(f.otherwise());
        }
        return false;
    }

    /** True if every path through {@code s} returns. */
    static boolean alwaysReturns(Stmt s) {
        if (s instanceof Stmt.Return) {
            return true;
        }
        if (s instanceof Stmt.Block b) {
            return b.stmts().stream().anyMatch(SingleExit::alwaysReturns);
        }
        if (s instanceof Stmt.If f) {
            return alwaysReturns(f.then()) && alwaysReturns(f.otherwise());
        }
        return false;
    }

    private static boolean needsFlag(Stmt s) {
        if (s instanceof Stmt.Block b) {
            return b.stmts().stream().anyMatch(SingleExit::needsFlag);
        }
        if (s instanceof Stmt.If f) {
            return (mayReturn(f) && !alwaysReturns(f.then()) && !alwaysReturns(f.otherwise()))
                    || needsFlag(f.then()) || needsFlag(f.otherwise());
        }
        return false;
    }
}
