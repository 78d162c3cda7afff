package org.cotangent.processor.cleanup;

import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.GeneratedMethod;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Var;
import org.cotangent.processor.testing.IrEval;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.cotangent.processor.testing.Ir.add;
import static org.cotangent.processor.testing.Ir.addTo;
import static org.cotangent.processor.testing.Ir.array;
import static org.cotangent.processor.testing.Ir.at;
import static org.cotangent.processor.testing.Ir.block;
import static org.cotangent.processor.testing.Ir.dbl;
import static org.cotangent.processor.testing.Ir.decl;
import static org.cotangent.processor.testing.Ir.gt;
import static org.cotangent.processor.testing.Ir.integer;
import static org.cotangent.processor.testing.Ir.lit;
import static org.cotangent.processor.testing.Ir.loop;
import static org.cotangent.processor.testing.Ir.mul;
import static org.cotangent.processor.testing.Ir.ref;
import static org.cotangent.processor.testing.Ir.ret;
import static org.cotangent.processor.testing.Ir.set;
import static org.cotangent.processor.testing.Ir.when;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each clean-up pass on a small body: the shape it promises, and the same results before and
 * after when both are run ({@link IrEval}) on several inputs.
 */
class CleanupTest {
    private static final Var X = dbl("x");
    private static final Var SEED = dbl("seed");
    private static final Var OUT = array("out");

    private static Stmt.Block clean(Stmt.Block body) {
        return clean(body, java.util.Set.of());
    }

    private static Stmt.Block clean(Stmt.Block body, java.util.Set<Var> primal) {
        return Cleanup.apply(new GeneratedMethod("f", "", "double", List.of(), body), primal).body();
    }

    /** Runs both with x and seed set, out a fresh array of 3: the results and out must agree. */
    private static void sameResults(Stmt.Block before, Stmt.Block after) {
        for (double x : new double[] {-1.5, 0.0, 0.25, 2.0}) {
            double[] outBefore = new double[3];
            double[] outAfter = new double[3];
            Object a = new IrEval().with(X, x).with(SEED, 1.5).with(OUT, outBefore).run(before);
            Object b = new IrEval().with(X, x).with(SEED, 1.5).with(OUT, outAfter).run(after);
            assertEquals(a, b, "result at x = " + x);
            assertArrayEquals(outBefore, outAfter, "out at x = " + x);
        }
    }

    private static List<Stmt> all(Stmt.Block body) {
        List<Stmt> out = new ArrayList<>();
        IrWalk.forEachStmt(body, out::add);
        return out;
    }

    @Test
    void zeroDeclarationIsSunkIntoTheFirstAssignment() {
        Var a = dbl("a_adj");
        Stmt.Block before = block(decl(a, lit(0.0)), addTo(a, mul(ref(SEED), ref(X))), ret(ref(a)));
        Stmt.Block after = clean(before);
        assertEquals(decl(a, mul(ref(SEED), ref(X))), after.stmts().get(0));
        assertEquals(2, after.stmts().size());
        sameResults(before, after);
    }

    @Test
    void storesNobodyReadsAreRemovedButEffectsStay() {
        Var t = dbl("t");
        Var n = integer("n");
        Stmt.Block before = block(decl(t, mul(ref(X), ref(X))), set(t, lit(0.0)), decl(n, add(lit(1), lit(1))),
                addTo(at(ref(OUT), ref(n)), ref(X)), ret(ref(X)));
        Stmt.Block after = clean(before);
        assertTrue(all(after).stream().noneMatch(s -> IrWalk.definedVar(s) == t), "t is never read: " + after);
        assertTrue(all(after).contains(decl(n, lit(2))), "1 + 1 is folded: " + after);
        sameResults(before, after);
    }

    @Test
    void aResetInsideALoopThatTheNextIterationOverwritesGoes() {
        Var i = integer("i");
        Var v = dbl("v_adj");
        // for (i...) { v += seed * x; out[i] += v; v = 0.0; } : v is 0 at the start of each iteration
        Stmt.Block body = block(addTo(v, mul(ref(SEED), ref(X))), addTo(at(ref(OUT), ref(i)), ref(v)), set(v, lit(0.0)));
        Stmt.Block before = block(decl(v, lit(0.0)), loop(i, lit(0), lit(3), body), ret(ref(X)));
        Stmt.Block after = clean(before);
        long resets = all(after).stream().filter(s -> s instanceof Stmt.Assign a && a.value().equals(lit(0.0))).count();
        assertEquals(0, resets, after.toString());
        sameResults(before, after);
    }

    @Test
    void aResetThatALaterReadNeedsStays() {
        Var i = integer("i");
        Var v = dbl("v_adj");
        // the inner accumulation carries v across iterations of the loop: v += ...; no reset inside
        Stmt.Block before = block(decl(v, lit(0.0)),
                loop(i, lit(0), lit(3), block(addTo(v, ref(X)), addTo(at(ref(OUT), ref(i)), ref(v)))),
                set(v, lit(0.0)), addTo(v, ref(SEED)), ret(ref(v)));
        Stmt.Block after = clean(before);
        assertTrue(all(after).stream().anyMatch(s -> s instanceof Stmt.Assign a && a.target().equals(ref(v))
                && a.op() == org.cotangent.processor.ir.AssignOp.ADD), "the loop still accumulates: " + after);
        sameResults(before, after);
    }

    @Test
    void initialZeroIsDroppedWhereEveryPathAssignsFirst() {
        Var r = dbl("result");
        Stmt.Block before = block(decl(r, lit(0.0)),
                when(gt(ref(X), lit(0.0)), block(set(r, mul(ref(X), ref(X)))), block(set(r, ref(X)))),
                ret(ref(r)));
        Stmt.Block after = clean(before);
        assertNull(((Stmt.Decl) after.stmts().get(0)).init(), after.toString());
        sameResults(before, after);
    }

    @Test
    void initialZeroStaysWhereAPathReadsFirst() {
        Var r = dbl("result");
        Stmt.Block before = block(decl(r, lit(0.0)),
                when(gt(ref(X), lit(0.0)), block(set(r, ref(X))), block()),
                ret(ref(r)));
        Stmt.Block after = clean(before);
        assertEquals(decl(r, lit(0.0)), after.stmts().get(0));
        sameResults(before, after);
    }

    @Test
    void aStoreOfACallIsKeptEvenWhenUnread() {
        Var c = dbl("c");
        Expr call = new Expr.StaticCall("Lib", "draw", List.of(ref(X)), org.cotangent.processor.ir.Type.DOUBLE);
        Stmt.Block before = block(decl(c, lit(0.0)), set(c, call), ret(ref(X)));
        Stmt.Block after = clean(before);
        assertTrue(all(after).stream().anyMatch(s -> IrWalk.ownExprs(s).contains(call)), after.toString());
        assertFalse(Arrays.asList(after.stmts().toArray()).isEmpty());
    }

    @Test
    void anUnreadStoreThatMayThrowStaysForTheMethodsOwnVariables() {
        Var t = dbl("t");
        // double t = out[5]; (out has length 3: the original throws) return x;
        Stmt.Block body = block(decl(t, at(ref(OUT), lit(5))), ret(ref(X)));
        assertEquals(body, clean(body, java.util.Set.of(t)), "the user's own store keeps its exception");
        assertEquals(block(ret(ref(X))), clean(body), "a generated adjoint's unread store goes");
    }
}
