package org.cotangent.processor.cleanup;

import org.cotangent.processor.ir.AssignOp;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Var;

import java.util.ArrayList;
import java.util.List;

/**
 * Drops the {@code = 0.0} of a declaration whose variable every path sets before reading it
 * ({@code double result;} then {@code result = ...} in each branch), as a person writes it. The
 * check is stricter than Java's definite assignment (loops never count as assigning; a loop with
 * a break or continue, or a read before a write on any path, keeps the initialiser), so javac
 * accepts what it leaves.
 */
final class DefiniteAssignment {
    private DefiniteAssignment() {
    }

    static Stmt.Block apply(Stmt.Block body) {
        return new Stmt.Block(block(body.stmts()));
    }

    private static List<Stmt> block(List<Stmt> stmts) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : stmts) {
            out.add(IrWalk.withBlocks(s, DefiniteAssignment::block));
        }
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) instanceof Stmt.Decl d && d.var().type().rank() == 0 && d.init() instanceof Expr.Literal l
                    && l.text().equals(d.var().type().zero())) {
                Walk w = new Walk(d.var());
                w.stmts(out.subList(i + 1, out.size()), false);
                if (w.ok) {
                    out.set(i, new Stmt.Decl(d.var(), null, d.pos()));
                }
            }
        }
        return out;
    }

    /** Walks the scope of one variable: {@code ok} turns false at a read that may come before every write. */
    private static final class Walk {
        private final Var v;
        boolean ok = true;

        Walk(Var v) {
            this.v = v;
        }

        /** Whether {@code v} is assigned after {@code stmts}, entered with {@code assigned}. */
        boolean stmts(List<Stmt> stmts, boolean assigned) {
            for (Stmt s : stmts) {
                assigned = stmt(s, assigned);
            }
            return assigned;
        }

        private void read(Expr e, boolean assigned) {
            if (e != null && !assigned && IrWalk.reads(e, v)) {
                ok = false;
            }
        }

        private boolean stmt(Stmt s, boolean assigned) {
            if (s instanceof Stmt.Assign a) {
                boolean self = a.target() instanceof Expr.VarRef r && r.var().equals(v);
                read(a.value(), assigned);
                if (self) {
                    if (a.op() != AssignOp.SET) {
                        read(a.target(), assigned);
                    }
                    return true;
                }
                read(a.target(), assigned);
                return assigned;
            }
            if (s instanceof Stmt.Decl d) {
                read(d.init(), assigned);
                return assigned;
            }
            if (s instanceof Stmt.ExprStmt e) {
                read(e.expr(), assigned);
                return assigned;
            }
            if (s instanceof Stmt.Throw t) {
                t.holes().forEach(h -> read(h, assigned));
                return true;
            }
            if (s instanceof Stmt.Assert a) {
                IrWalk.ownExprs(a).forEach(e -> read(e, assigned));
                return assigned;
            }
            if (s instanceof Stmt.Return r) {
                read(r.value(), assigned);
                return true;
            }
            if (s instanceof Stmt.Block b) {
                return stmts(b.stmts(), assigned);
            }
            if (s instanceof Stmt.If f) {
                read(f.condition(), assigned);
                boolean then = stmts(f.then().stmts(), assigned);
                boolean otherwise = stmts(f.otherwise().stmts(), assigned);
                return then && otherwise;
            }
            if (s instanceof Stmt.While || s instanceof Stmt.CountedLoop) {
                boolean[] jumps = {false};
                IrWalk.forEachStmt(s, x -> jumps[0] |= x instanceof Stmt.Break || x instanceof Stmt.Continue);
                if (jumps[0] && mentions(s)) {
                    ok = false;
                }
                for (Expr e : IrWalk.ownExprs(s)) {
                    read(e, assigned);
                }
                Stmt.Block body = s instanceof Stmt.While w ? w.body() : ((Stmt.CountedLoop) s).body();
                stmts(body.stmts(), assigned);
                return assigned;
            }
            if (s instanceof Stmt.Comment) {
                return assigned;
            }
            ok = false; // a break or continue in the scope: not worth following
            return assigned;
        }

        private boolean mentions(Stmt s) {
            boolean[] found = {false};
            IrWalk.forEachStmt(s, x -> {
                for (Expr e : IrWalk.ownExprs(x)) {
                    found[0] |= IrWalk.reads(e, v);
                }
            });
            return found[0];
        }
    }
}
