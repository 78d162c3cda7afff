package org.cotangent.processor.cleanup;

import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.Stmt;

/** The statements the clean-up passes understand: a body with any other is left as it is. */
final class Supported {
    private Supported() {
    }

    static boolean all(Stmt.Block body) {
        boolean[] ok = {true};
        IrWalk.forEachStmt(body, s -> ok[0] &= s instanceof Stmt.Decl || s instanceof Stmt.Assign
                || s instanceof Stmt.If || s instanceof Stmt.While || s instanceof Stmt.CountedLoop
                || s instanceof Stmt.Block || s instanceof Stmt.ExprStmt || s instanceof Stmt.Return
                || s instanceof Stmt.Comment || s instanceof Stmt.Break || s instanceof Stmt.Continue
                || s instanceof Stmt.Throw || s instanceof Stmt.Assert);
        return ok[0];
    }
}
