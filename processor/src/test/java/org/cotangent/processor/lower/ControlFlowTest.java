package org.cotangent.processor.lower;

import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.Var;
import org.cotangent.processor.naming.Names;
import org.cotangent.processor.testing.IrEval;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.cotangent.processor.testing.Ir.block;
import static org.cotangent.processor.testing.Ir.dbl;
import static org.cotangent.processor.testing.Ir.gt;
import static org.cotangent.processor.testing.Ir.lit;
import static org.cotangent.processor.testing.Ir.mul;
import static org.cotangent.processor.testing.Ir.ref;
import static org.cotangent.processor.testing.Ir.ret;
import static org.cotangent.processor.testing.Ir.sub;
import static org.cotangent.processor.testing.Ir.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lowering to a single exit keeps what the method returns. */
class ControlFlowTest {
    @Test
    void earlyReturnsBecomeOneResult() {
        Var x = dbl("x");
        // if (x > 0) return x * x; return 1 - x;
        Stmt.Block body = block(when(gt(ref(x), lit(0.0)), block(ret(mul(ref(x), ref(x)))), block()),
                ret(sub(lit(1.0), ref(x))));
        ControlFlow.Result lowered = ControlFlow.lower(body, Type.DOUBLE, new Names(List.of("x")));
        boolean[] returns = {false};
        IrWalk.forEachStmt(lowered.body(), s -> returns[0] |= s instanceof Stmt.Return);
        assertTrue(!returns[0], "no return left in " + lowered.body());
        for (double v : new double[] {-2.0, 0.0, 0.5, 3.0}) {
            Object expected = new IrEval().with(x, v).run(body);
            IrEval run = new IrEval().with(x, v);
            run.run(lowered.body());
            assertEquals(expected, run.get(lowered.result()), "x = " + v);
        }
    }
}
