package org.cotangent.processor.lower;

import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.IrMap;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.Var;
import org.cotangent.processor.naming.Names;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces a small local {@code double[]} whose elements are only ever reached at constant indices
 * ({@code double[] k1 = new double[2]; ... k1[0] ... k1[1] ...}) by one local per element
 * ({@code k1_0}, {@code k1_1}), as a person writing the adjoint by hand would. The derivative code
 * then treats each element as a scalar: nothing is allocated, elements are saved only where the
 * backward sweep needs them, and the JIT keeps them in registers. An array qualifies when it is
 * declared at the top level of the body from {@code new double[N]} or an initialiser of N elements
 * (N at most {@link #MAX_ELEMENTS}), is never assigned again, and appears only as
 * {@code a[constant]} or {@code a.length}; passing it to a method, aliasing it, copying it or
 * indexing it with a variable keeps it an array. Runs after inlining, so an array that only a
 * small inlined callee used is replaced too.
 */
public final class ScalarReplacement {
    public static final int MAX_ELEMENTS = 16;

    private ScalarReplacement() {
    }

    public static Stmt.Block apply(Stmt.Block body, Names names) {
        Map<Var, Integer> sizes = new HashMap<>();
        for (Stmt s : body.stmts()) {
            if (s instanceof Stmt.Decl d && d.var().type().equals(Type.DOUBLE_ARRAY)) {
                int n = size(d.init());
                if (n > 0 && n <= MAX_ELEMENTS) {
                    sizes.put(d.var(), n);
                }
            }
        }
        if (sizes.isEmpty()) {
            return body;
        }
        Set<Var> rejected = new HashSet<>();
        Map<Var, Integer> declarations = new HashMap<>();
        IrWalk.forEachStmt(body, s -> {
            if (s instanceof Stmt.Decl d && sizes.containsKey(d.var())) {
                declarations.merge(d.var(), 1, Integer::sum);
            }
            if (s instanceof Stmt.Assign a && a.target() instanceof Expr.VarRef r) {
                rejected.add(r.var());
            }
            if (s instanceof Stmt.ForEach f) {
                IrWalk.forEachExpr(f.array(), e -> reject(e, rejected));
            }
            for (Expr own : IrWalk.ownExprs(s)) {
                check(own, sizes, rejected);
            }
        });
        sizes.keySet().removeIf(v -> rejected.contains(v) || declarations.getOrDefault(v, 0) != 1);
        if (sizes.isEmpty()) {
            return body;
        }
        Map<Var, List<Var>> elements = new HashMap<>();
        for (Map.Entry<Var, Integer> e : sizes.entrySet()) {
            List<Var> vars = new ArrayList<>();
            for (int k = 0; k < e.getValue(); k++) {
                vars.add(new Var(names.fresh(Names.scalarOf(e.getKey().name(), k)), Type.DOUBLE));
            }
            elements.put(e.getKey(), vars);
        }
        IrMap map = new IrMap(v -> v, pos -> pos) {
            @Override
            protected Expr replace(Expr e) {
                if (e instanceof Expr.ArrayAccess a && a.array() instanceof Expr.VarRef r
                        && elements.containsKey(r.var())) {
                    return new Expr.VarRef(elements.get(r.var()).get(constant(a.index())));
                }
                if (e instanceof Expr.Length l && l.array() instanceof Expr.VarRef r
                        && elements.containsKey(r.var())) {
                    return Expr.Literal.ofInt(elements.get(r.var()).size());
                }
                return null;
            }
        };
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : body.stmts()) {
            if (s instanceof Stmt.Decl d && elements.containsKey(d.var())) {
                List<Var> vars = elements.get(d.var());
                for (int k = 0; k < vars.size(); k++) {
                    Expr init = d.init() instanceof Expr.ArrayLiteral l ? map.expr(l.elements().get(k))
                            : Expr.Literal.ofDouble(0);
                    out.add(new Stmt.Decl(vars.get(k), init, d.pos()));
                }
            } else {
                out.add(map.stmt(s));
            }
        }
        return new Stmt.Block(out);
    }

    private static int size(Expr init) {
        if (init instanceof Expr.ArrayLiteral l && l.type().rank() == 1) {
            return l.elements().size();
        }
        if (init instanceof Expr.NewArray n && n.dimensions().size() == 1) {
            return constant(n.dimensions().get(0));
        }
        return -1;
    }

    /** The value of an int literal, or -1. */
    private static int constant(Expr e) {
        if (e instanceof Expr.Literal l && l.type().equals(Type.INT)) {
            try {
                return Integer.parseInt(l.text().replace("_", ""));
            } catch (NumberFormatException ex) {
                return -1;
            }
        }
        return -1;
    }

    /** Rejects every candidate that {@code e} reaches other than by a constant index in range or its length. */
    private static void check(Expr e, Map<Var, Integer> sizes, Set<Var> rejected) {
        if (e instanceof Expr.ArrayAccess a && a.array() instanceof Expr.VarRef r && sizes.containsKey(r.var())) {
            int k = constant(a.index());
            if (k < 0 || k >= sizes.get(r.var())) {
                rejected.add(r.var());
            }
            check(a.index(), sizes, rejected);
            return;
        }
        if (e instanceof Expr.Length l && l.array() instanceof Expr.VarRef) {
            return;
        }
        if (e instanceof Expr.VarRef r) {
            rejected.add(r.var());
            return;
        }
        for (Expr child : IrWalk.children(e)) {
            check(child, sizes, rejected);
        }
    }

    private static void reject(Expr e, Set<Var> rejected) {
        if (e instanceof Expr.VarRef r) {
            rejected.add(r.var());
        }
    }
}
