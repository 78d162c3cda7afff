package org.cotangent.processor.cleanup;

import org.cotangent.processor.ir.GeneratedMethod;
import org.cotangent.processor.ir.Stmt;

/**
 * The last pass over generated IR before it is printed, so that derivative code reads like code a
 * person wrote: integer constants folded ({@link ConstantFolding}), stores nobody reads removed
 * ({@link DeadStores}), and a variable declared as {@code 0.0} and first set a few statements later
 * declared there instead ({@link ZeroInits}), and an initial {@code 0.0} that every path
 * overwrites before reading dropped ({@link DefiniteAssignment}). None of them changes a value the method computes
 * (dead stores go only where their value is pure, and floating-point arithmetic is never
 * re-associated), so the derivative is the same number before and after.
 */
public final class Cleanup {
    private Cleanup() {
    }

    /**
     * @param method a generated method
     * @param primal the variables of the method the user wrote (parameters, locals, its result):
     *     their stores go only where they cannot throw
     */
    public static GeneratedMethod apply(GeneratedMethod method, java.util.Set<org.cotangent.processor.ir.Var> primal) {
        return apply(method, primal, false);
    }

    /**
     * As {@link #apply(GeneratedMethod, java.util.Set)}; with {@code reassociate} (the user's
     * {@code -Acotangent.reassociate=true}) pure sums in loops are split into partial sums first
     * ({@link SplitSums}), the one pass here that changes the last bits of a value.
     */
    public static GeneratedMethod apply(GeneratedMethod method, java.util.Set<org.cotangent.processor.ir.Var> primal,
                                        boolean reassociate) {
        if (!Supported.all(method.body())) {
            return method;
        }
        Stmt.Block split = reassociate
                ? SplitSums.apply(method.body(), method.params().stream().map(GeneratedMethod.Param::name).toList())
                : method.body();
        Stmt.Block body = ConstantFolding.apply(split);
        for (int round = 0; round < 4; round++) {
            Stmt.Block before = body;
            body = ZeroInits.apply(DeadStores.apply(body, primal));
            if (body.equals(before)) {
                break;
            }
        }
        body = DefiniteAssignment.apply(body);
        return new GeneratedMethod(method.name(), method.javadoc(), method.returnType(), method.params(), body);
    }
}
