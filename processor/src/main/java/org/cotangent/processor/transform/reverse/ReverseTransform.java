package org.cotangent.processor.transform.reverse;

import org.cotangent.processor.analysis.Activity;
import org.cotangent.processor.ir.Function;
import org.cotangent.processor.ir.GeneratedMethod;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.lower.ControlFlow;
import org.cotangent.processor.naming.Names;

import java.util.List;

/**
 * Reverse mode: turns a lowered method into its {@code _vjp}, a forward sweep that runs the method
 * and keeps what the backward sweep will need, then a backward sweep that visits the statements in
 * reverse and accumulates vector-Jacobian products into adjoints, and finally adds the adjoints of
 * the differentiated parameters into the caller's accumulators.
 *
 * <p>In four parts, each with one job:
 * <ol>
 *   <li>{@link ReversePlanner} decides what to save, recompute or replay ({@link ReversePlan});</li>
 *   <li>{@link ForwardSweep} writes the forward sweep from the plan;</li>
 *   <li>{@link BackwardSweep} writes the backward sweep, applying the chain rule to each value with
 *       {@link AdjointPropagator};</li>
 *   <li>{@link VjpAssembler} puts the method together.</li>
 * </ol>
 */
public final class ReverseTransform {
    private ReverseTransform() {
    }

    /**
     * The {@code _vjp} of {@code fn}.
     *
     * @param fn the method as read
     * @param lowered its body with lowered control flow
     * @param activity activity of its variables
     * @param names the names taken in the method so far
     * @param checkpointing when loops are checkpointed rather than taped
     * @param checkpointMemory the bytes the kept states of a checkpointed loop may take (0: unbounded)
     */
    public static GeneratedMethod vjp(Function fn, ControlFlow.Result lowered, Activity activity, Names names,
                                      Checkpointing checkpointing, long checkpointMemory) {
        return build(fn, lowered, activity, names, checkpointing, checkpointMemory, false).vjp();
    }

    /**
     * What reverse mode gives a method: its {@code _vjp}, and for a vector-valued method whose
     * backward sweep can run once per output after one forward sweep, its {@code _jacobian}
     * ({@link JacobianRows}; else null).
     */
    public record Sweeps(GeneratedMethod vjp, GeneratedMethod jacobian) {
    }

    /** {@link #vjp}, and the {@code _jacobian} from the same two sweeps where {@link JacobianRows} applies. */
    public static Sweeps vjpAndJacobian(Function fn, ControlFlow.Result lowered, Activity activity, Names names,
                                        Checkpointing checkpointing, long checkpointMemory) {
        return build(fn, lowered, activity, names, checkpointing, checkpointMemory, true);
    }

    private static Sweeps build(Function fn, ControlFlow.Result lowered, Activity activity, Names names,
                                Checkpointing checkpointing, long checkpointMemory, boolean jacobian) {
        ReverseContext ctx = new ReverseContext(fn, lowered, activity, names);
        ReversePlan plan = ReversePlanner.plan(ctx, checkpointing, checkpointMemory);
        BackwardSweep backward = BackwardSweep.of(ctx, plan);
        ForwardSweep forward = new ForwardSweep(ctx, plan, backward);
        List<Stmt> backwardCode = backward.sweep(lowered.body().stmts());
        List<Stmt> forwardCode = forward.sweep(lowered.body().stmts());
        // the vjp first: the Jacobian's own names must not change the vjp's
        GeneratedMethod vjp = VjpAssembler.assemble(ctx, plan, new java.util.ArrayList<>(forwardCode), backwardCode);
        return new Sweeps(vjp, jacobian ? JacobianRows.of(ctx, plan, forwardCode, backwardCode) : null);
    }

    /** Whether {@code vjp} drives a loop by a checkpoint schedule (forward over reverse does not take those). */
    public static boolean usesSchedules(GeneratedMethod vjp) {
        boolean[] found = {false};
        org.cotangent.processor.ir.IrWalk.forEachStmt(vjp.body(), x -> found[0] |= x
                instanceof Stmt.Decl d && d.var().type().base() == org.cotangent.processor.ir.Type.Base.OTHER
                && org.cotangent.processor.naming.RuntimeClasses.CHECKPOINTS.equals(d.var().type().className()));
        return found[0];
    }
}
