package org.cotangent.processor;

import com.sun.source.tree.Tree;
import org.cotangent.processor.analysis.Activity;
import org.cotangent.processor.diag.Problem;
import org.cotangent.processor.diag.Reporter;
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
import org.cotangent.processor.transform.forward.ForwardTransform;
import org.cotangent.processor.transform.reverse.ReverseTransform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the middle of the pipeline for one method: lower to a single exit, analyse activity, reject
 * calls that would need a derivative Cotangent does not have, then generate the derivative methods.
 */
final class FunctionCompiler {
    private final Reporter reporter;

    FunctionCompiler(Reporter reporter) {
        this.reporter = reporter;
    }

    /**
     * The generated methods of {@code read}, or empty after reporting why not; calls of the methods
     * in {@code inlinable} (by name) are inlined first.
     */
    Optional<List<GeneratedMethod>> compile(ReadResult read, javax.lang.model.element.ExecutableElement method,
                                            java.util.Map<String, Function> inlinable,
                                            com.sun.source.tree.CompilationUnitTree unit) {
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
        if (!checkCalls(lowered, activity, read, unit) || !checkFieldAliases(read, unit) || !read.complete()
                || !checkOutputs(fn, lowered.body(), activity, method)) {
            return Optional.empty();
        }
        GeneratedMethod vjp = ReverseTransform.vjp(fn, lowered, activity, names.copy());
        List<GeneratedMethod> out = new ArrayList<>();
        if (fn.returnType().isScalarDouble()) {
            out.add(GradWrapper.grad(fn, vjp));
            out.add(GradWrapper.jacobian(fn));
        }
        out.add(vjp);
        if (callsHaveTangents(lowered.body())) {
            out.add(ForwardTransform.jvp(fn, lowered, activity, names.copy()));
            if (fn.returnType().rank() > 0) {
                out.add(GradWrapper.vectorJacobian(fn));
            }
            if (callsHaveSecondOrder(lowered.body())) {
                out.add(org.cotangent.processor.transform.forward.ReverseTangent.of(fn, vjp));
                if (fn.returnType().isScalarDouble()) {
                    out.add(GradWrapper.hvp(fn));
                    out.add(GradWrapper.hessian(fn));
                }
            }
        }
        return Optional.of(out);
    }

    private boolean checkCalls(ControlFlow.Result lowered, Activity activity, ReadResult read,
                               com.sun.source.tree.CompilationUnitTree unit) {
        int before = reporter.errorCount();
        // the body as read (the lowered one has rebuilt calls): its trees give the errors their positions
        IrWalk.forEachStmt(read.function().body(), s -> {
            for (Expr own : IrWalk.ownExprs(s)) {
                IrWalk.forEachExpr(own, e -> {
                    if (e instanceof Expr.Call c) {
                        checkArguments(c, activity, read, unit);
                    } else if (e instanceof Expr.StaticCall c) {
                        String carrier = read.valueCarriers().get(c);
                        if (carrier != null && c.args().stream().anyMatch(a -> a.type().isFloating() && activity.isVaried(a))) {
                            String via = carrier.endsWith("." + c.name()) ? "" : " (through " + carrier + ")";
                            reporter.error(Problem.NO_DERIVATIVE_FOR_CALL, "'" + c.name() + "' turns a value that "
                                    + "depends on a differentiated parameter into an integer" + via + " that may carry "
                                    + "that value, not only a step of it, and has no derivative: a derivative through "
                                    + "the integer would be lost. Use a cast or Math.floor/Math.round if a step is "
                                    + "meant; else write the computation with doubles", read.callSites().get(c), unit);
                            return;
                        }
                        for (int k = 0; k < c.args().size(); k++) {
                            Expr a = c.args().get(k);
                            if (a.type().rank() > 0 && c.writes().get(k) && activity.isVaried(a)) {
                                reporter.error(Problem.NO_DERIVATIVE_FOR_CALL, "'" + c.name() + "' may write into "
                                        + "an array that depends on a differentiated parameter, and has no derivative: "
                                        + "mark it @Differentiable, or write its derivative with @CustomVjp(of = \""
                                        + c.name() + "\")", read.callSites().get(c), unit);
                                return;
                            }
                        }
                    }
                });
            }
            Var target = s instanceof Stmt.Return ? lowered.result() : IrWalk.definedVar(s);
            Expr value = s instanceof Stmt.Decl d ? d.init() : s instanceof Stmt.Assign a ? a.value()
                    : s instanceof Stmt.Return r ? r.value() : null;
            if (target == null || value == null || !activity.isUseful(target)) {
                return;
            }
            IrWalk.forEachExpr(value, e -> {
                if (e instanceof Expr.StaticCall c && c.type().isFloating()
                        && c.args().stream().anyMatch(activity::isVaried)) {
                    Tree tree = read.callSites().get(c);
                    reporter.error(Problem.NO_DERIVATIVE_FOR_CALL, "no derivative for the call of '" + c.name()
                            + "', which gets an argument that depends on a differentiated parameter: mark '"
                            + c.name() + "' @Differentiable, or write its derivative with @CustomVjp(of = \""
                            + c.name() + "\")", tree, unit);
                }
            });
        });
        return reporter.errorCount() == before;
    }

    /**
     * A method that returns no scalar hands its derivative back through the arrays it writes: their
     * accumulators are where {@code _vjp} is seeded. An array parameter that receives values
     * depending on differentiated parameters but is not itself differentiated would have no
     * accumulator, so every derivative through it would silently be 0: an error at the parameter.
     */
    private boolean checkOutputs(Function fn, Stmt.Block body, Activity activity,
                                 javax.lang.model.element.ExecutableElement method) {
        if (fn.returnType().isScalarDouble()) {
            return true;
        }
        int before = reporter.errorCount();
        for (Var p : fn.params()) {
            if (p.type().rank() == 0 || !p.type().isFloating() || fn.wrt().contains(p) || !activity.isVaried(p)
                    || !writes(body, p)) {
                continue;
            }
            javax.lang.model.element.Element at = method;
            for (javax.lang.model.element.VariableElement param : method.getParameters()) {
                if (param.getSimpleName().contentEquals(p.name())) {
                    at = param;
                }
            }
            reporter.error(Problem.OUTPUT_NOT_IN_WRT, "'" + fn.name() + "' writes values that depend on its "
                    + "differentiated parameters into '" + p.name() + "', which is not in wrt: its derivative "
                    + "flows back through that array's accumulator, so add '" + p.name() + "' to wrt", at);
        }
        return reporter.errorCount() == before;
    }

    private static boolean writes(Stmt.Block body, Var array) {
        boolean[] found = {false};
        IrWalk.forEachStmt(body, s -> {
            if (s instanceof Stmt.Assign a && a.target() instanceof Expr.ArrayAccess
                    && array.equals(IrWalk.rootVar(a.target()))) {
                found[0] = true;
            }
            for (Expr own : IrWalk.ownExprs(s)) {
                IrWalk.forEachExpr(own, e -> {
                    if (e instanceof Expr.Call c) {
                        for (int k = 0; k < c.args().size(); k++) {
                            found[0] |= c.callee().writes().get(k) && array.equals(IrWalk.rootVar(c.args().get(k)));
                        }
                    }
                });
            }
        });
        return found[0];
    }

    /**
     * A local array that points into an array held by a field shares the field's storage: writing
     * into it is a field write (COT005), reported at the write.
     */
    private boolean checkFieldAliases(ReadResult read, com.sun.source.tree.CompilationUnitTree unit) {
        int before = reporter.errorCount();
        java.util.Set<Var> fieldAliases = new java.util.HashSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Stmt s : statements(read.function().body())) {
                Var target = s instanceof Stmt.Decl d ? d.var()
                        : s instanceof Stmt.Assign a && a.target() instanceof Expr.VarRef r ? r.var() : null;
                Expr value = s instanceof Stmt.Decl d ? d.init() : s instanceof Stmt.Assign a ? a.value() : null;
                if (target != null && value != null && target.type().rank() > 0 && !fieldAliases.contains(target)
                        && pointsIntoField(value, fieldAliases)) {
                    fieldAliases.add(target);
                    changed = true;
                }
            }
        }
        for (Stmt s : statements(read.function().body())) {
            if (s instanceof Stmt.Assign a && a.target() instanceof Expr.ArrayAccess
                    && fieldAliases.contains(IrWalk.rootVar(a.target()))) {
                reporter.error(Problem.FIELD_WRITE, "this writes into an array that a field holds (through the local '"
                        + IrWalk.rootVar(a.target()).name() + "'), a side effect Cotangent cannot differentiate: "
                        + "make a local copy with clone() and write into that", read.statementSites().get(s), unit);
            }
        }
        return reporter.errorCount() == before;
    }

    private static boolean pointsIntoField(Expr e, java.util.Set<Var> fieldAliases) {
        if (e instanceof Expr.FieldRef || e instanceof Expr.InstanceField) {
            return true;
        }
        if (e instanceof Expr.VarRef r) {
            return fieldAliases.contains(r.var());
        }
        if (e instanceof Expr.ArrayAccess a) {
            return pointsIntoField(a.array(), fieldAliases);
        }
        if (e instanceof Expr.Conditional c) {
            return pointsIntoField(c.whenTrue(), fieldAliases) || pointsIntoField(c.whenFalse(), fieldAliases);
        }
        return false;
    }

    private static List<Stmt> statements(Stmt.Block body) {
        List<Stmt> out = new ArrayList<>();
        IrWalk.forEachStmt(body, out::add);
        return out;
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

    private void checkArguments(Expr.Call c, Activity activity, ReadResult read,
                                com.sun.source.tree.CompilationUnitTree unit) {
        for (int k = 0; k < c.args().size(); k++) {
            Expr arg = c.args().get(k);
            if (!c.callee().wrt().get(k) && arg.type().isFloating() && activity.isVaried(arg)) {
                reporter.error(Problem.NOT_DIFFERENTIATED_ARGUMENT, "argument " + (k + 1) + " of '"
                        + c.callee().name() + "' depends on a differentiated parameter, but '" + c.callee().name()
                        + "' is not differentiated with respect to that parameter: add it to its wrt",
                        read.callSites().get(c), unit);
            }
        }
    }

    private static List<String> userNames(Function fn) {
        List<String> names = new ArrayList<>();
        fn.params().forEach(p -> names.add(p.name()));
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
