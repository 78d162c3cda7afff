package org.cotangent.processor.analysis;

import org.cotangent.processor.ir.AssignOp;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Var;

import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The to-be-recorded analysis of reverse mode (TBR, as in Tapenade): which definitions must keep
 * the old value of the variable they overwrite. A forward walk carries the variables read by the
 * backward code of statements since their last definition. A definition that meets such a pending
 * read must save the old value (the backward sweep reads it after undoing the definition); one that
 * meets none need not, even if the variable is read elsewhere.
 */
public final class ToBeRecorded {
    private final Map<Stmt, Set<Var>> siteReads;
    private final Map<Stmt, Set<Var>> headerReads;
    private final Map<Stmt, Set<Var>> recomputeReads;
    private final Set<Stmt> needed = Collections.newSetFromMap(new IdentityHashMap<>());

    private ToBeRecorded(Map<Stmt, Set<Var>> siteReads, Map<Stmt, Set<Var>> headerReads,
                         Map<Stmt, Set<Var>> recomputeReads) {
        this.siteReads = siteReads;
        this.headerReads = headerReads;
        this.recomputeReads = recomputeReads;
    }

    /**
     * The definitions in {@code body} whose old value the backward sweep reads.
     *
     * @param siteReads per assignment, declaration or call: the primal variables its backward code reads
     * @param headerReads per branch or loop: what its backward condition or header reads
     * @param recomputeReads per loop: what the recomputation at the start of each backward iteration reads
     */
    public static Set<Stmt> of(Stmt.Block body, Map<Stmt, Set<Var>> siteReads, Map<Stmt, Set<Var>> headerReads,
                               Map<Stmt, Set<Var>> recomputeReads) {
        ToBeRecorded analysis = new ToBeRecorded(siteReads, headerReads, recomputeReads);
        analysis.flow(body.stmts(), new HashSet<>());
        return analysis.needed;
    }

    private Set<Var> flow(List<Stmt> stmts, Set<Var> in) {
        Set<Var> state = new HashSet<>(in);
        for (Stmt s : stmts) {
            state = flow(s, state);
        }
        return state;
    }

    private Set<Var> flow(Stmt s, Set<Var> in) {
        Set<Var> state = new HashSet<>(in);
        if (s instanceof Stmt.Decl d && d.init() == null) {
            // a declaration without a value writes nothing: the variable (hoisted in generated code)
            // keeps what it held, and reads pending on it stay pending
            return state;
        }
        if (s instanceof Stmt.Decl || s instanceof Stmt.Assign) {
            return flowDefinition(s, state);
        }
        if (s instanceof Stmt.ExprStmt) {
            state.addAll(siteReads.getOrDefault(s, Set.of()));
            return state;
        }
        if (s instanceof Stmt.Throw || s instanceof Stmt.Assert || s instanceof Stmt.Comment) {
            return state; // checks: the backward sweep reads nothing for them
        }
        if (s instanceof Stmt.Block b) {
            return flow(b.stmts(), state);
        }
        if (s instanceof Stmt.If f) {
            state.addAll(headerReads.getOrDefault(s, Set.of()));
            Set<Var> out = flow(f.then().stmts(), state);
            out.addAll(flow(f.otherwise().stmts(), state));
            return out;
        }
        Stmt.Block body = s instanceof Stmt.While w ? w.body() : ((Stmt.CountedLoop) s).body();
        state.addAll(headerReads.getOrDefault(s, Set.of()));
        Set<Var> recomputed = recomputeReads.getOrDefault(s, Set.of());
        while (true) {
            Set<Var> after = flow(body.stmts(), state);
            after.addAll(recomputed);
            after.addAll(state);
            if (after.equals(state)) {
                return state;
            }
            state = after;
        }
    }

    private Set<Var> flowDefinition(Stmt s, Set<Var> state) {
        Var v = s instanceof Stmt.Decl d ? d.var()
                : ((Stmt.Assign) s).target() instanceof Expr.VarRef r ? r.var() : null;
        Set<Var> reads = siteReads.getOrDefault(s, Set.of());
        if (v == null) {
            state.addAll(reads);
            return state;
        }
        Expr value = s instanceof Stmt.Decl d ? d.init() : ((Stmt.Assign) s).value();
        AssignOp op = s instanceof Stmt.Assign a ? a.op() : AssignOp.SET;
        // the backward sweep of this very statement reads the old value (v = v * x)
        boolean readsOld = value != null && reads.contains(v) && (IrWalk.reads(value, v) || op != AssignOp.SET);
        if (state.contains(v) || readsOld) {
            needed.add(s);
        }
        for (Var r : reads) {
            if (r != v) {
                state.add(r);
            }
        }
        state.remove(v);
        if (!readsOld && reads.contains(v)) {
            state.add(v);
        }
        return state;
    }
}
