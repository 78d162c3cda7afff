package org.cotangent.processor;

import org.cotangent.processor.analysis.Activity;
import org.cotangent.processor.analysis.DerivativeChecks;
import org.cotangent.processor.cleanup.Cleanup;
import org.cotangent.processor.diag.Finding;
import org.cotangent.processor.frontend.ReadResult;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.Function;
import org.cotangent.processor.ir.GeneratedMethod;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Var;
import org.cotangent.processor.lower.ControlFlow;
import org.cotangent.processor.naming.Names;
import org.cotangent.processor.transform.GradWrapper;
import org.cotangent.processor.transform.ValueBoundary;
import org.cotangent.processor.transform.forward.ForwardTransform;
import org.cotangent.processor.transform.reverse.Checkpointing;
import org.cotangent.processor.transform.reverse.ReverseTransform;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the middle of the pipeline for one method: lower to a single exit, analyse activity, check
 * that every derivative it needs exists ({@link DerivativeChecks}), then generate the derivative
 * methods.
 */
final class FunctionCompiler {
    /**
     * What compiling one method gave: the generated methods, or none and the problems found (none
     * either when the read had errors, which the front end reported).
     */
    record Compiled(List<GeneratedMethod> methods, List<Finding> findings) {
    }

    private FunctionCompiler() {
    }

    /**
     * The generated methods of {@code read}; calls of the methods in {@code inlinable} (by name) are
     * inlined first; {@code secondOrder} false leaves out {@code _vjpTangent}, {@code _hvp} and
     * {@code _hessian}; {@code checkpointing} says when reverse mode checkpoints loops, and
     * {@code checkpointMemory} how many bytes a checkpointed loop's kept states may take.
     */
    static Compiled compile(ReadResult read, java.util.Map<String, Function> inlinable, boolean secondOrder,
                            Checkpointing checkpointing, long checkpointMemory) {
        return compile(read, inlinable, secondOrder, checkpointing, checkpointMemory, false);
    }

    /** As above; {@code reassociate} lets loops add pure sums into partial sums ({@code -Acotangent.reassociate=true}). */
    static Compiled compile(ReadResult read, java.util.Map<String, Function> inlinable, boolean secondOrder,
                            Checkpointing checkpointing, long checkpointMemory, boolean reassociate) {
        Function fn = read.function();
        Names names = new Names(userNames(fn));
        Stmt.Block withCalls = org.cotangent.processor.lower.ScalarReplacement.apply(
                org.cotangent.processor.lower.Inliner.inline(
                        org.cotangent.processor.lower.CallLowering.lower(fn.body(), names), inlinable, names),
                names);
        ControlFlow.Result lowered = ControlFlow.lower(withCalls, fn.returnType(), names);
        List<Var> outputs = new ArrayList<>();
        outputs.add(lowered.result());
        if (!fn.returnType().isScalarDouble()) {
            fn.params().stream().filter(p -> p.type().rank() > 0 && p.type().isFloating()).forEach(outputs::add);
        }
        Activity activity = Activity.of(lowered.body(), fn.wrt(), outputs);
        List<Finding> findings = DerivativeChecks.calls(fn, lowered, activity, read.valueCarriers());
        if (findings.isEmpty()) {
            findings = DerivativeChecks.fieldAliases(fn);
        }
        if (findings.isEmpty() && read.complete()) {
            findings = DerivativeChecks.outputs(fn, lowered.body(), activity);
        }
        if (!findings.isEmpty() || !read.complete()) {
            return new Compiled(List.of(), findings);
        }
        ReverseTransform.Sweeps reverse = ReverseTransform.vjpAndJacobian(fn, lowered, activity, names.copy(),
                checkpointing, checkpointMemory);
        GeneratedMethod vjp = reverse.vjp();
        // value types at the boundary: ValueBoundary puts them back on every generated method
        boolean plainBoundary = fn.valueParams().isEmpty();
        List<GeneratedMethod> out = new ArrayList<>();
        if (fn.returnType().isScalarDouble()) {
            out.add(GradWrapper.grad(fn, vjp));
            out.add(ValueBoundary.adapt(GradWrapper.jacobian(fn), fn, ValueBoundary.Kind.PRIMAL));
        }
        out.add(ValueBoundary.adapt(vjp, fn, ValueBoundary.Kind.VJP));
        if (callsHaveTangents(lowered.body())) {
            out.add(ValueBoundary.adapt(ForwardTransform.jvp(fn, lowered, activity, names.copy()), fn,
                    ValueBoundary.Kind.JVP));
            if (fn.returnType().rank() > 0 && plainBoundary && fn.valueReturn() == null) {
                out.add(reverse.jacobian() != null ? reverse.jacobian() : GradWrapper.vectorJacobian(fn));
            }
            if (fn.valueReturn() != null ? !fn.valueReturn().hasArrayLeaves()
                    : fn.returnType().rank() > 0 && !plainBoundary) {
                out.add(ValueBoundary.adapt(org.cotangent.processor.transform.ValueJacobian.of(fn), fn,
                        ValueBoundary.Kind.PRIMAL));
            }
            if (secondOrder && callsHaveSecondOrder(lowered.body())) {
                // _vjpTangent keeps the leaves of value parameters: _hvp and _hessian are built on it
                // forward over reverse differentiates a vjp whose checkpointed loops keep every state
                GeneratedMethod unscheduled = ReverseTransform.usesSchedules(vjp)
                        ? ReverseTransform.vjp(fn, lowered, activity, names.copy(), checkpointing, 0) : vjp;
                out.add(org.cotangent.processor.transform.forward.ReverseTangent.of(fn, unscheduled));
                if (fn.returnType().isScalarDouble()) {
                    out.add(ValueBoundary.adapt(GradWrapper.hvp(fn), fn, ValueBoundary.Kind.JVP));
                    out.add(ValueBoundary.adapt(GradWrapper.hessian(fn), fn, ValueBoundary.Kind.PRIMAL));
                }
            }
        }
        java.util.Set<Var> primal = new java.util.HashSet<>(fn.params());
        primal.add(lowered.result());
        IrWalk.forEachStmt(lowered.body(), s -> {
            Var v = IrWalk.definedVar(s);
            if (v != null) {
                primal.add(v);
            }
            if (s instanceof Stmt.CountedLoop c) {
                primal.add(c.counter());
            }
        });
        return new Compiled(out.stream().map(m -> Cleanup.apply(m, primal, reassociate)).toList(), List.of());
    }

    /** Forward mode needs every callee's {@code _jvp}: a method with only a {@code @CustomVjp} has none. */
    private static boolean callsHaveTangents(Stmt.Block body) {
        boolean[] ok = {true};
        IrWalk.forEachStmt(body, s -> {
            for (Expr e : IrWalk.ownExprs(s)) {
                IrWalk.forEachExpr(e, x -> ok[0] &= !(x instanceof Expr.Call c) || c.callee().jvpOwner() != null);
            }
        });
        return ok[0];
    }

    /** Second order needs every callee's {@code _vjpTangent}: a method whose pullback is a user's rule has none. */
    private static boolean callsHaveSecondOrder(Stmt.Block body) {
        boolean[] ok = {true};
        IrWalk.forEachStmt(body, s -> {
            for (Expr e : IrWalk.ownExprs(s)) {
                IrWalk.forEachExpr(e, x -> ok[0] &= !(x instanceof Expr.Call c) || c.callee().tangentOwner() != null);
            }
        });
        return ok[0];
    }

    private static List<String> userNames(Function fn) {
        List<String> names = new ArrayList<>();
        fn.params().forEach(p -> names.add(p.name()));
        names.addAll(ValueBoundary.reservedNames(fn));
        IrWalk.forEachStmt(fn.body(), s -> {
            if (s instanceof Stmt.Decl d) {
                names.add(d.var().name());
            } else if (s instanceof Stmt.ForEach f) {
                names.add(f.element().name());
            }
        });
        return names;
    }
}
