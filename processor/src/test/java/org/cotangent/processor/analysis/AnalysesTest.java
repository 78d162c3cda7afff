package org.cotangent.processor.analysis;

import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Var;
import org.junit.jupiter.api.Test;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.cotangent.processor.testing.Ir.add;
import static org.cotangent.processor.testing.Ir.array;
import static org.cotangent.processor.testing.Ir.at;
import static org.cotangent.processor.testing.Ir.block;
import static org.cotangent.processor.testing.Ir.dbl;
import static org.cotangent.processor.testing.Ir.decl;
import static org.cotangent.processor.testing.Ir.integer;
import static org.cotangent.processor.testing.Ir.lit;
import static org.cotangent.processor.testing.Ir.mul;
import static org.cotangent.processor.testing.Ir.ref;
import static org.cotangent.processor.testing.Ir.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Activity, to-be-recorded and array writes on bodies written with the IR kit. */
class AnalysesTest {
    private static final Var X = dbl("x");
    private static final Var C = dbl("c");
    private static final Var RESULT = dbl("result");

    @Test
    void activityIsVariedAndUseful() {
        Var a = dbl("a");
        Var k = dbl("k");
        Var n = integer("n");
        Var unused = dbl("unused");
        // a = 2x (varied, useful); k = 3c (not varied); unused = x*x (varied, not useful); n = 1 (int)
        Stmt.Block body = block(decl(a, mul(lit(2.0), ref(X))), decl(k, mul(lit(3.0), ref(C))),
                decl(unused, mul(ref(X), ref(X))), decl(n, lit(1)), set(RESULT, add(ref(a), ref(k))));
        Activity activity = Activity.of(body, List.of(X), RESULT);
        assertTrue(activity.isActive(a));
        assertFalse(activity.isVaried(k), "k does not depend on x");
        assertTrue(activity.isVaried(unused));
        assertFalse(activity.isActive(unused), "unused does not reach the result");
        assertFalse(activity.isActive(n));
    }

    @Test
    void aDefinitionIsRecordedOnlyWhenALaterBackwardReadNeedsTheOldValue() {
        Var v = dbl("v");
        Var y = dbl("y");
        Stmt first = decl(v, ref(X));
        Stmt use = decl(y, mul(ref(v), ref(v)));
        Stmt overwrite = set(v, mul(lit(2.0), ref(X)));
        Stmt.Block body = block(first, use, overwrite);
        Map<Stmt, Set<Var>> reads = new IdentityHashMap<>();
        reads.put(use, Set.of(v)); // the backward code of y = v * v reads v
        Set<Stmt> needed = ToBeRecorded.of(body, reads, Map.of(), Map.of());
        assertTrue(needed.contains(overwrite), "v's old value is read by y's backward code");
        assertFalse(needed.contains(first));
        assertTrue(ToBeRecorded.of(body, new IdentityHashMap<>(), Map.of(), Map.of()).isEmpty(),
                "nothing read backward: nothing recorded");
    }

    @Test
    void arraysWrittenIncludeTheirAliases() {
        Var a = array("a");
        Var b = array("b");
        Var other = array("other");
        Stmt.Block body = block(decl(b, ref(a)), set(RESULT, at(ref(other), lit(0))),
                new Stmt.Assign(at(ref(b), lit(0)), org.cotangent.processor.ir.AssignOp.SET, lit(1.0), null));
        assertEquals(Set.of(a, b), ArrayWrites.variables(body));
    }
}
