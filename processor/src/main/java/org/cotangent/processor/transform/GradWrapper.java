package org.cotangent.processor.transform;

import org.cotangent.processor.naming.RuntimeMethod;
import org.cotangent.processor.naming.RuntimeClasses;

import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.Function;
import org.cotangent.processor.ir.GeneratedClass;
import org.cotangent.processor.ir.GeneratedMethod;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.Var;
import org.cotangent.processor.naming.Names;

import java.util.ArrayList;
import java.util.List;

/** Builds {@code f_grad} and its record: fresh accumulators, one {@code f_vjp} call with seed 1. */
public final class GradWrapper {
    private GradWrapper() {
    }

    /** The gradient record of {@code fn}: {@code value} and one component per wrt parameter. */
    public static GeneratedClass.RecordDecl record(Function fn) {
        List<GeneratedMethod.Param> components = new ArrayList<>();
        components.add(new GeneratedMethod.Param("double", "value"));
        List<ValueBoundary.Wrt> wrt = ValueBoundary.wrt(fn);
        List<String> names = Names.gradientComponents(wrt.stream().map(ValueBoundary.Wrt::name).toList());
        for (int k = 0; k < wrt.size(); k++) {
            components.add(new GeneratedMethod.Param(wrt.get(k).typeName(), names.get(k)));
        }
        return new GeneratedClass.RecordDecl(Names.gradientRecord(fn.name()),
                "The value of {@link " + fn.ownerClass() + "#" + fn.name() + "} and its gradient with respect to "
                        + wrtList(fn) + ".", components);
    }

    /** The record {@code _jvp} returns for a method returning a value type: its value and tangent. */
    public static GeneratedClass.RecordDecl dualRecord(Function fn) {
        return new GeneratedClass.RecordDecl(Names.dualRecord(fn.name()), "The value of {@link " + fn.ownerClass()
                + "#" + fn.name() + "} and its tangent along the inputs' tangents.", List.of(
                new GeneratedMethod.Param(fn.valueReturn().javaName(), "value"),
                new GeneratedMethod.Param(fn.valueReturn().tangentJavaName(), "tangent")));
    }

    /** {@code f_grad}, which calls {@code vjp} (the already generated {@code f_vjp}). */
    public static GeneratedMethod grad(Function fn, GeneratedMethod vjp) {
        List<String> taken = new ArrayList<>();
        fn.params().forEach(p -> taken.add(p.name()));
        fn.valueParams().forEach(p -> taken.add(p.name()));
        Names names = new Names(taken);
        List<Stmt> body = new ArrayList<>(InputChecks.plain(fn));
        List<Expr> callArgs = new ArrayList<>(ValueBoundary.primalArgs(fn));
        callArgs.add(new Expr.Literal("1.0", Type.DOUBLE));
        List<Expr> recordArgs = new ArrayList<>();
        List<Expr> components = new ArrayList<>();
        for (ValueBoundary.Wrt w : ValueBoundary.wrt(fn)) {
            if (w.value() != null) {
                Type tangent = Type.named(w.typeName());
                Var acc = new Var(names.fresh(Names.accumulator(w.name())), tangent);
                body.add(ValueBoundary.notNull(new Var(w.name(), Type.named(w.value().type().javaName()))));
                body.add(new Stmt.Decl(acc, ValueBoundary.zerosLike(w), null));
                callArgs.add(new Expr.VarRef(acc));
                components.add(new Expr.VarRef(acc));
                continue;
            }
            Var p = w.plain();
            Type accType = p.type().rank() == 0 ? Type.DOUBLE_ARRAY : p.type();
            Var acc = new Var(names.fresh(Names.accumulator(p.name())), accType);
            body.add(new Stmt.Decl(acc, zeros(p), null));
            callArgs.add(new Expr.VarRef(acc));
            Expr ref = new Expr.VarRef(acc);
            components.add(p.type().rank() == 0 ? new Expr.ArrayAccess(ref, new Expr.Literal("0", Type.INT),
                    Type.DOUBLE) : ref);
        }
        Var value = new Var(names.fresh("value"), Type.DOUBLE);
        body.add(new Stmt.Decl(value, new Expr.StaticCall(null, vjp.name(), callArgs, Type.DOUBLE), null));
        recordArgs.add(new Expr.VarRef(value));
        recordArgs.addAll(components);
        String record = Names.gradientRecord(fn.name());
        body.add(new Stmt.Return(new Expr.Construct(record, recordArgs, new Type(Type.Base.OTHER, 0)), null));
        return new GeneratedMethod(Names.grad(fn.name()),
                "The value of {@link " + fn.ownerClass() + "#" + fn.name() + "} and its gradient with respect to "
                        + wrtList(fn) + ", in a freshly allocated record.", record, ValueBoundary.primalParams(fn),
                new Stmt.Block(body));
    }

    public static String wrtList(Function fn) {
        List<String> names = new ArrayList<>();
        ValueBoundary.wrt(fn).forEach(w -> names.add("{@code " + w.name() + "}"));
        return names.isEmpty() ? "no parameter" : String.join(", ", names);
    }

    /** {@code f_jacobian}: the gradient as the single row of a {@code 1 x n} matrix (inputs flattened in order, row-major). */
    public static GeneratedMethod jacobian(Function fn) {
        List<String> taken = new ArrayList<>();
        fn.params().forEach(p -> taken.add(p.name()));
        taken.addAll(ValueBoundary.reservedNames(fn));
        Names names = new Names(taken);
        List<Stmt> body = new ArrayList<>(InputChecks.of(fn));
        List<Expr> args = ValueBoundary.primalArgs(fn);
        String record = Names.gradientRecord(fn.name());
        Var gradient = new Var(names.fresh("gradient"), Type.named(record));
        body.add(new Stmt.Decl(gradient, new Expr.StaticCall(null, Names.grad(fn.name()), args, gradient.type()), null));
        Expr size = flatSize(fn);
        Var row = new Var(names.fresh("row"), Type.DOUBLE_ARRAY);
        body.add(new Stmt.Decl(row, new Expr.NewArray(Type.DOUBLE_ARRAY, List.of(size)), null));
        Var at = new Var(names.fresh("at"), Type.INT);
        body.add(new Stmt.Decl(at, new Expr.Literal("0", Type.INT), null));
        List<ValueBoundary.Wrt> wrt = ValueBoundary.wrt(fn);
        List<String> components = Names.gradientComponents(wrt.stream().map(ValueBoundary.Wrt::name).toList());
        for (int k = 0; k < wrt.size(); k++) {
            ValueBoundary.Wrt w = wrt.get(k);
            Expr component = new Expr.StaticCall(gradient.name(), components.get(k), List.of(),
                    w.value() != null ? Type.named(w.typeName()) : w.plain().type());
            if (w.value() != null) {
                component = new Expr.StaticCall(gradient.name() + "." + components.get(k) + "()", "toArray",
                        List.of(), Type.DOUBLE_ARRAY);
            }
            body.add(new Stmt.Assign(new Expr.VarRef(at), org.cotangent.processor.ir.AssignOp.SET,
                    RuntimeMethod.PUT.call(List.of(new Expr.VarRef(row), new Expr.VarRef(at), component),
                            Type.INT), null));
        }
        body.add(new Stmt.Return(new Expr.ArrayLiteral(Type.DOUBLE_MATRIX, List.of(new Expr.VarRef(row))), null));
        List<GeneratedMethod.Param> params = new ArrayList<>();
        fn.params().forEach(p -> params.add(new GeneratedMethod.Param(p.type().javaName(), p.name())));
        return new GeneratedMethod(Names.jacobian(fn.name()), "The {@code 1 x n} Jacobian of {@link " + fn.ownerClass()
                + "#" + fn.name() + "}: its gradient with respect to " + wrtList(fn)
                + " flattened in declaration order (row-major for matrices), by one reverse sweep.",
                "double[][]", params, new Stmt.Block(body));
    }

    /**
     * {@code g_jacobian} of a vector-valued method: {@code m x n}, by {@code n} forward sweeps when
     * {@code n <= m}, else {@code m} reverse sweeps (the cheaper association of the chain rule).
     */
    public static GeneratedMethod vectorJacobian(Function fn) {
        List<String> taken = new ArrayList<>();
        fn.params().forEach(p -> taken.add(p.name()));
        taken.addAll(ValueBoundary.reservedNames(fn));
        Names names = new Names(taken);
        List<Stmt> body = new ArrayList<>(InputChecks.of(fn));
        List<Expr> parts = new ArrayList<>();
        List<Expr> jvpArgs = new ArrayList<>();
        List<Expr> vjpArgs = new ArrayList<>();
        fn.params().forEach(p -> jvpArgs.add(new Expr.VarRef(p)));
        fn.params().forEach(p -> vjpArgs.add(new Expr.VarRef(p)));
        List<Expr> jvpTangents = new ArrayList<>();
        for (Var w : fn.wrt()) {
            Type holderType = w.type().rank() == 0 ? Type.DOUBLE_ARRAY : w.type();
            Var holder = new Var(names.fresh(Names.direction(w.name())), holderType);
            body.add(new Stmt.Decl(holder, zeros(w), null));
            parts.add(asObject(new Expr.VarRef(holder)));
            jvpTangents.add(w.type().rank() == 0
                    ? new Expr.ArrayAccess(new Expr.VarRef(holder), new Expr.Literal("0", Type.INT), Type.DOUBLE)
                    : new Expr.VarRef(holder));
        }
        Expr size = flatSize(fn);
        jvpArgs.addAll(jvpTangents);
        Var n = new Var(names.fresh("n"), Type.INT);
        body.add(new Stmt.Decl(n, size, null));
        List<Var[]> snapshots = snapshots(fn, names, body);
        // the value (and so m) from a first forward sweep along zero directions
        Var first = new Var(names.fresh("first"), Type.named(RuntimeClasses.DUAL_VECTOR));
        body.add(new Stmt.Decl(first, new Expr.StaticCall(null, Names.jvp(fn.name()), jvpArgs, first.type()), null));
        Var m = new Var(names.fresh("m"), Type.INT);
        body.add(new Stmt.Decl(m, new Expr.Length(RuntimeMethod.DUAL_VECTOR_VALUE.on(first.name(), List.of(),
                Type.DOUBLE_ARRAY)), null));
        for (int k = 0; k < snapshots.size(); k++) {
            Var p = snapshots.get(k)[0];
            Var done = new Var(names.fresh(Names.finalContents(p.name())), p.type());
            body.add(new Stmt.Decl(done, RuntimeMethod.COPY_OF.call(List.of(new Expr.VarRef(p)),
                    p.type()), null));
            snapshots.set(k, new Var[] {p, snapshots.get(k)[1], done});
        }
        Var jacobian = new Var(names.fresh("jacobian"), Type.DOUBLE_MATRIX);
        body.add(new Stmt.Decl(jacobian, new Expr.NewArray(Type.DOUBLE_MATRIX, List.of(new Expr.VarRef(m),
                new Expr.VarRef(n))), null));
        Var j = new Var(names.fresh("j"), Type.INT);
        Var column = new Var(names.fresh("column"), Type.named(RuntimeClasses.DUAL_VECTOR));
        List<Stmt> forwardSweeps = new ArrayList<>(resetTo(snapshots, 1));
        forwardSweeps.addAll(List.of(
                new Stmt.ExprStmt(RuntimeMethod.JACOBIAN_UNIT.call(prepend(new Expr.VarRef(j), varargs(parts)),
                        Type.VOID), null),
                new Stmt.Decl(column, new Expr.StaticCall(null, Names.jvp(fn.name()), jvpArgs, column.type()), null),
                new Stmt.ExprStmt(RuntimeMethod.JACOBIAN_SET_COLUMN.call(List.of(new Expr.VarRef(jacobian),
                        new Expr.VarRef(j), RuntimeMethod.DUAL_VECTOR_TANGENT.on(column.name(), List.of(),
                                Type.DOUBLE_ARRAY)), Type.VOID), null)));
        Var seed = new Var(names.fresh("seed"), Type.DOUBLE_ARRAY);
        Var i = new Var(names.fresh("i"), Type.INT);
        vjpArgs.add(new Expr.VarRef(seed));
        for (Expr part : parts) {
            vjpArgs.add(((Expr.Cast) part).operand());
        }
        List<Stmt> reverseSweeps = new ArrayList<>(resetTo(snapshots, 1));
        reverseSweeps.addAll(List.of(
                new Stmt.ExprStmt(RuntimeMethod.JACOBIAN_UNIT.call(List.of(new Expr.VarRef(i),
                        new Expr.VarRef(seed)), Type.VOID), null),
                new Stmt.ExprStmt(RuntimeMethod.JACOBIAN_ZERO.call(varargs(parts), Type.VOID), null),
                new Stmt.ExprStmt(new Expr.StaticCall(null, Names.vjp(fn.name()), vjpArgs, Type.DOUBLE_ARRAY), null),
                new Stmt.ExprStmt(RuntimeMethod.JACOBIAN_FLATTEN.call(prepend(new Expr.ArrayAccess(
                        new Expr.VarRef(jacobian), new Expr.VarRef(i), Type.DOUBLE_ARRAY), varargs(parts)), Type.VOID), null)));
        Stmt.Block reverse = new Stmt.Block(List.of(
                new Stmt.Decl(seed, new Expr.NewArray(Type.DOUBLE_ARRAY, List.of(new Expr.VarRef(m))), null),
                new Stmt.CountedLoop(i, new Expr.Literal("0", Type.INT), new Expr.VarRef(m), true,
                        new Stmt.Block(reverseSweeps), null)));
        body.add(new Stmt.Comment("n forward sweeps when n <= m, else m reverse sweeps"));
        body.add(new Stmt.If(new Expr.Binary(org.cotangent.processor.ir.BinaryOp.LE, new Expr.VarRef(n),
                new Expr.VarRef(m), Type.BOOLEAN), new Stmt.Block(List.of(new Stmt.CountedLoop(j,
                new Expr.Literal("0", Type.INT), new Expr.VarRef(n), true, new Stmt.Block(forwardSweeps), null))),
                reverse, null));
        body.addAll(resetTo(snapshots, 2));
        body.add(new Stmt.Return(new Expr.VarRef(jacobian), null));
        List<GeneratedMethod.Param> params = new ArrayList<>();
        fn.params().forEach(p -> params.add(new GeneratedMethod.Param(p.type().javaName(), p.name())));
        return new GeneratedMethod(Names.jacobian(fn.name()), "The Jacobian of {@link " + fn.ownerClass() + "#"
                + fn.name() + "}: {@code J[i][j] = d out_i / d in_j}, inputs " + wrtList(fn)
                + " flattened in declaration order (row-major for matrices); n forward sweeps when n <= m, "
                + "else m reverse sweeps.", "double[][]", params, new Stmt.Block(body));
    }

    /**
     * The {@code n <= m} branch of a Jacobian computed after a forward sweep: a zeroed direction per
     * wrt parameter, then {@code n} calls of {@code _jvp} along the unit directions, each writing a
     * column of {@code jacobian}. The method must not write its array parameters (nothing is reset
     * between the sweeps).
     */
    public static List<Stmt> columnsByJvp(Function fn, Names names, Var jacobian, Var n) {
        List<Stmt> out = new ArrayList<>();
        List<Expr> parts = new ArrayList<>();
        List<Expr> jvpArgs = new ArrayList<>();
        fn.params().forEach(p -> jvpArgs.add(new Expr.VarRef(p)));
        for (Var w : fn.wrt()) {
            Type holderType = w.type().rank() == 0 ? Type.DOUBLE_ARRAY : w.type();
            Var holder = new Var(names.fresh(Names.direction(w.name())), holderType);
            out.add(new Stmt.Decl(holder, zeros(w), null));
            parts.add(asObject(new Expr.VarRef(holder)));
            jvpArgs.add(w.type().rank() == 0
                    ? new Expr.ArrayAccess(new Expr.VarRef(holder), new Expr.Literal("0", Type.INT), Type.DOUBLE)
                    : new Expr.VarRef(holder));
        }
        Var j = new Var(names.fresh("j"), Type.INT);
        Var column = new Var(names.fresh("column"), Type.named(RuntimeClasses.DUAL_VECTOR));
        out.add(new Stmt.CountedLoop(j, new Expr.Literal("0", Type.INT), new Expr.VarRef(n), true,
                new Stmt.Block(List.of(
                        new Stmt.ExprStmt(RuntimeMethod.JACOBIAN_UNIT.call(prepend(new Expr.VarRef(j),
                                varargs(parts)), Type.VOID), null),
                        new Stmt.Decl(column, new Expr.StaticCall(null, Names.jvp(fn.name()), jvpArgs,
                                column.type()), null),
                        new Stmt.ExprStmt(RuntimeMethod.JACOBIAN_SET_COLUMN.call(List.of(new Expr.VarRef(jacobian),
                                new Expr.VarRef(j), RuntimeMethod.DUAL_VECTOR_TANGENT.on(column.name(), List.of(),
                                        Type.DOUBLE_ARRAY)), Type.VOID), null))), null));
        return out;
    }

    /** Arguments for one of the runtime's {@code Object...} parameters, one per array in {@code arrays}. */
    public static List<Expr> objectArgs(List<Var> arrays) {
        List<Expr> parts = new ArrayList<>();
        arrays.forEach(a -> parts.add(asObject(new Expr.VarRef(a))));
        return varargs(parts);
    }

    /**
     * Array parameters a repeated sweep would see modified (a method may write its inputs): their
     * contents on entry, put back before every sweep after the first; the caller then gets them as
     * one call of the method leaves them.
     */
    static List<Var[]> snapshots(Function fn, Names names, List<Stmt> body) {
        List<Var[]> out = new ArrayList<>();
        for (Var p : fn.params()) {
            boolean copyable = p.type().rank() > 0 && (p.type().base() == Type.Base.DOUBLE
                    || p.type().base() == Type.Base.INT || p.type().base() == Type.Base.LONG
                    || p.type().base() == Type.Base.BOOLEAN);
            if (copyable) {
                Var entry = new Var(names.fresh(Names.entry(p.name())), p.type());
                body.add(new Stmt.Decl(entry, RuntimeMethod.COPY_OF.call(List.of(new Expr.VarRef(p)),
                        p.type()), null));
                out.add(new Var[] {p, entry});
            }
        }
        return out;
    }

    static List<Stmt> resetTo(List<Var[]> snapshots, int which) {
        List<Stmt> out = new ArrayList<>();
        for (Var[] s : snapshots) {
            out.add(new Stmt.ExprStmt(RuntimeMethod.COPY_INTO.call(
                    List.of(new Expr.VarRef(s[0]), new Expr.VarRef(s[which])), Type.VOID), null));
        }
        return out;
    }

    private static Expr asObject(Expr e) {
        return new Expr.Cast(Type.named("Object"), e);
    }

    /**
     * Arguments for an {@code Object...} parameter, built with casts to {@code Object}: the cast
     * stays only on a lone {@code double[][]}, which Java would otherwise pass as the array of
     * arguments itself (its rows); anything else is passed as written.
     */
    private static List<Expr> varargs(List<Expr> parts) {
        List<Expr> out = new ArrayList<>();
        for (Expr part : parts) {
            Expr operand = part instanceof Expr.Cast c ? c.operand() : part;
            out.add(parts.size() == 1 && operand.type().rank() > 1 ? part : operand);
        }
        return out;
    }

    private static List<Expr> prepend(Expr first, List<Expr> rest) {
        List<Expr> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }

    /**
     * {@code f_hvp(params..., tangents...)}: the Hessian times the direction given by the tangents,
     * forward over reverse, in the gradient record's shape ({@code value} holds f).
     */
    public static GeneratedMethod hvp(Function fn) {
        List<String> taken = new ArrayList<>();
        fn.params().forEach(p -> taken.add(p.name()));
        taken.addAll(ValueBoundary.reservedNames(fn));
        Names names = new Names(taken);
        List<GeneratedMethod.Param> params = new ArrayList<>();
        fn.params().forEach(p -> params.add(new GeneratedMethod.Param(p.type().javaName(), p.name())));
        List<Expr> args = new ArrayList<>();
        fn.params().forEach(p -> args.add(new Expr.VarRef(p)));
        for (Var w : fn.wrt()) {
            Var dot = new Var(names.fresh(Names.tangent(w.name())), w.type());
            params.add(new GeneratedMethod.Param(w.type().javaName(), dot.name()));
            args.add(new Expr.VarRef(dot));
        }
        List<Stmt> body = new ArrayList<>(InputChecks.of(fn));
        List<Var> dots = new ArrayList<>();
        List<Var> accs = new ArrayList<>();
        for (Var w : fn.wrt()) {
            accs.add(declareZeros(names.fresh(Names.accumulator(w.name())), w, body));
        }
        for (Var w : fn.wrt()) {
            dots.add(declareZeros(names.fresh(Names.tangent(Names.accumulator(w.name()))), w, body));
        }
        args.add(new Expr.Literal("1.0", Type.DOUBLE));
        args.add(new Expr.Literal("0.0", Type.DOUBLE));
        accs.forEach(a -> args.add(new Expr.VarRef(a)));
        dots.forEach(a -> args.add(new Expr.VarRef(a)));
        Var value = new Var(names.fresh("value"), Type.DOUBLE);
        body.add(new Stmt.Decl(value, new Expr.StaticCall(null,
                org.cotangent.processor.transform.forward.ReverseTangent.name(fn.name()), args, Type.DOUBLE), null));
        List<Expr> recordArgs = new ArrayList<>();
        recordArgs.add(new Expr.VarRef(value));
        java.util.Map<Var, Expr> hv = new java.util.HashMap<>();
        for (int k = 0; k < dots.size(); k++) {
            Expr d = new Expr.VarRef(dots.get(k));
            hv.put(fn.wrt().get(k), fn.wrt().get(k).type().rank() == 0
                    ? new Expr.ArrayAccess(d, new Expr.Literal("0", Type.INT), Type.DOUBLE) : d);
        }
        for (ValueBoundary.Wrt w : ValueBoundary.wrt(fn)) {
            recordArgs.add(w.value() != null ? ValueBoundary.tangentOf(w.value(), hv) : hv.get(w.plain()));
        }
        String record = Names.gradientRecord(fn.name());
        body.add(new Stmt.Return(new Expr.Construct(record, recordArgs, Type.named(record)), null));
        return new GeneratedMethod(Names.hvp(fn.name()), "Hessian-vector product of {@link " + fn.ownerClass() + "#"
                + fn.name() + "} along the tangents, by forward mode over reverse mode: the record's "
                + "components hold H v (its value holds f).", record, params, new Stmt.Block(body));
    }

    /** {@code f_hessian}: n Hessian-vector products along the unit directions, {@code n x n}. */
    public static GeneratedMethod hessian(Function fn) {
        List<String> taken = new ArrayList<>();
        fn.params().forEach(p -> taken.add(p.name()));
        taken.addAll(ValueBoundary.reservedNames(fn));
        Names names = new Names(taken);
        List<GeneratedMethod.Param> params = new ArrayList<>();
        fn.params().forEach(p -> params.add(new GeneratedMethod.Param(p.type().javaName(), p.name())));
        List<Stmt> body = new ArrayList<>(InputChecks.of(fn));
        List<Var> directions = new ArrayList<>();
        List<Var> accs = new ArrayList<>();
        List<Var> dots = new ArrayList<>();
        for (Var w : fn.wrt()) {
            directions.add(declareZeros(names.fresh(Names.direction(w.name())), w, body));
        }
        List<Var[]> snapshots = snapshots(fn, names, body);
        for (Var w : fn.wrt()) {
            accs.add(declareZeros(names.fresh(Names.accumulator(w.name())), w, body));
        }
        for (Var w : fn.wrt()) {
            dots.add(declareZeros(names.fresh(Names.tangent(Names.accumulator(w.name()))), w, body));
        }
        Var n = new Var(names.fresh("n"), Type.INT);
        body.add(new Stmt.Decl(n, flatSize(fn), null));
        Var hessian = new Var(names.fresh("hessian"), Type.DOUBLE_MATRIX);
        body.add(new Stmt.Decl(hessian, new Expr.NewArray(Type.DOUBLE_MATRIX, List.of(new Expr.VarRef(n),
                new Expr.VarRef(n))), null));
        Var j = new Var(names.fresh("j"), Type.INT);
        List<Expr> args = new ArrayList<>();
        fn.params().forEach(p -> args.add(new Expr.VarRef(p)));
        for (int k = 0; k < directions.size(); k++) {
            Expr d = new Expr.VarRef(directions.get(k));
            args.add(fn.wrt().get(k).type().rank() == 0
                    ? new Expr.ArrayAccess(d, new Expr.Literal("0", Type.INT), Type.DOUBLE) : d);
        }
        args.add(new Expr.Literal("1.0", Type.DOUBLE));
        args.add(new Expr.Literal("0.0", Type.DOUBLE));
        accs.forEach(a -> args.add(new Expr.VarRef(a)));
        dots.forEach(a -> args.add(new Expr.VarRef(a)));
        List<Expr> directionRefs = new ArrayList<>();
        directions.forEach(d -> directionRefs.add(asObject(new Expr.VarRef(d))));
        List<Expr> all = new ArrayList<>();
        accs.forEach(a -> all.add(asObject(new Expr.VarRef(a))));
        dots.forEach(a -> all.add(asObject(new Expr.VarRef(a))));
        List<Expr> dotRefs = new ArrayList<>();
        dots.forEach(a -> dotRefs.add(asObject(new Expr.VarRef(a))));
        List<Stmt> loop = new ArrayList<>(resetTo(snapshots, 1));
        loop.addAll(List.of(
                new Stmt.ExprStmt(RuntimeMethod.JACOBIAN_UNIT.call(prepend(new Expr.VarRef(j), varargs(directionRefs)),
                        Type.VOID), null),
                new Stmt.ExprStmt(RuntimeMethod.JACOBIAN_ZERO.call(varargs(all), Type.VOID), null),
                new Stmt.ExprStmt(new Expr.StaticCall(null,
                        org.cotangent.processor.transform.forward.ReverseTangent.name(fn.name()), args, Type.DOUBLE),
                        null),
                new Stmt.ExprStmt(RuntimeMethod.JACOBIAN_FLATTEN.call(prepend(new Expr.ArrayAccess(
                        new Expr.VarRef(hessian), new Expr.VarRef(j), Type.DOUBLE_ARRAY), varargs(dotRefs)), Type.VOID), null)));
        body.add(new Stmt.CountedLoop(j, new Expr.Literal("0", Type.INT), new Expr.VarRef(n), true,
                new Stmt.Block(loop), null));
        body.add(new Stmt.Return(new Expr.VarRef(hessian), null));
        return new GeneratedMethod(Names.hessian(fn.name()), "The Hessian of {@link " + fn.ownerClass() + "#" + fn.name()
                + "} with respect to " + wrtList(fn) + " (flattened in declaration order, row-major), {@code n x n}: "
                + "n Hessian-vector products, forward over reverse.", "double[][]", params, new Stmt.Block(body));
    }

    private static Var declareZeros(String name, Var like, List<Stmt> body) {
        Var v = new Var(name, like.type().rank() == 0 ? Type.DOUBLE_ARRAY : like.type());
        body.add(new Stmt.Decl(v, zeros(like), null));
        return v;
    }

    /** A zeroed holder for {@code w}'s derivative: {@code double[1]} for a scalar, else its shape. */
    public static Expr zeros(Var w) {
        return switch (w.type().rank()) {
            case 0 -> new Expr.NewArray(Type.DOUBLE_ARRAY, List.of(new Expr.Literal("1", Type.INT)));
            case 1 -> new Expr.NewArray(Type.DOUBLE_ARRAY, List.of(new Expr.Length(new Expr.VarRef(w))));
            default -> RuntimeMethod.ZEROS_LIKE.call(List.of(new Expr.VarRef(w)), w.type());
        };
    }

    /** The number of inputs, the wrt parameters flattened: {@code x.length + 1 + ...}. */
    public static Expr flatSize(Function fn) {
        Expr size = null;
        for (Var w : fn.wrt()) {
            Expr n = switch (w.type().rank()) {
                case 0 -> new Expr.Literal("1", Type.INT);
                case 1 -> new Expr.Length(new Expr.VarRef(w));
                default -> RuntimeMethod.SIZE.call(List.of(new Expr.VarRef(w)), Type.INT);
            };
            size = size == null ? n : new Expr.Binary(org.cotangent.processor.ir.BinaryOp.ADD, size, n, Type.INT);
        }
        return size == null ? new Expr.Literal("0", Type.INT) : size;
    }
}
