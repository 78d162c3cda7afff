package org.cotangent.processor.transform;

import org.cotangent.processor.ir.AssignOp;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.Function;
import org.cotangent.processor.ir.GeneratedMethod;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.ValueType;
import org.cotangent.processor.ir.Var;
import org.cotangent.processor.naming.Names;
import org.cotangent.processor.naming.RuntimeMethod;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code f_jacobian} where value types stand at the boundary: of a method returning a value type of
 * doubles (outputs in the order of its {@code toArray()}, one reverse sweep per output seeded with a
 * unit {@code TTangent}: a value type has few components), or of a {@code double[]} method with
 * value-type parameters (its length from a first forward sweep). Inputs are flattened over the wrt
 * parameters, value types as {@code toArray()}.
 */
public final class ValueJacobian {
    private ValueJacobian() {
    }

    /** The method, with the flat parameters of {@code fn}; {@link ValueBoundary#adapt} puts the objects back. */
    public static GeneratedMethod of(Function fn) {
        List<String> taken = new ArrayList<>();
        fn.params().forEach(p -> taken.add(p.name()));
        taken.addAll(ValueBoundary.reservedNames(fn));
        Names names = new Names(taken);
        ValueType result = fn.valueReturn();
        List<Stmt> body = new ArrayList<>(InputChecks.of(fn));
        List<Var[]> snapshots = GradWrapper.snapshots(fn, names, body);
        Var n = new Var(names.fresh("n"), Type.INT);
        body.add(new Stmt.Decl(n, GradWrapper.flatSize(fn), null));
        Expr m;
        if (result != null) {
            m = Expr.Literal.ofInt(result.leaves().size());
        } else {
            // a double[] result: its length from a first forward sweep along zero tangents
            Var size = new Var(names.fresh("m"), Type.INT);
            body.add(new Stmt.Decl(size, new Expr.Length(RuntimeMethod.DUAL_VECTOR_VALUE.on(firstSweep(fn, names,
                    body), List.of(), Type.DOUBLE_ARRAY)), null));
            body.addAll(GradWrapper.resetTo(snapshots, 1));
            m = new Expr.VarRef(size);
        }
        Var jacobian = new Var(names.fresh("jacobian"), Type.DOUBLE_MATRIX);
        body.add(new Stmt.Decl(jacobian, new Expr.NewArray(Type.DOUBLE_MATRIX, List.of(m, new Expr.VarRef(n))), null));
        Var unit = new Var(names.fresh("unit"), Type.DOUBLE_ARRAY);
        body.add(new Stmt.Decl(unit, new Expr.NewArray(Type.DOUBLE_ARRAY, List.of(m)), null));
        Var i = new Var(names.fresh("i"), Type.INT);
        List<Stmt> sweep = new ArrayList<>(GradWrapper.resetTo(snapshots, 1));
        sweep.add(new Stmt.ExprStmt(RuntimeMethod.JACOBIAN_UNIT.call(List.of(new Expr.VarRef(i),
                new Expr.VarRef(unit)), Type.VOID), null));
        List<Expr> args = new ArrayList<>(ValueBoundary.primalArgs(fn));
        args.add(result != null ? ValueResults.build(result, new Expr.VarRef(unit),
                new ValueResults.Cursor(List.of()), true) : new Expr.VarRef(unit));
        List<Expr> parts = new ArrayList<>();
        for (ValueBoundary.Wrt w : ValueBoundary.wrt(fn)) {
            if (w.value() != null) {
                Type tangent = Type.named(w.typeName());
                Var acc = new Var(names.fresh(Names.accumulator(w.name())), tangent);
                sweep.add(new Stmt.Decl(acc, ValueBoundary.zerosLike(w), null));
                args.add(new Expr.VarRef(acc));
                parts.add(new Expr.StaticCall(acc.name(), "toArray", List.of(), Type.DOUBLE_ARRAY));
            } else {
                Var p = w.plain();
                Var acc = new Var(names.fresh(Names.accumulator(p.name())), p.type().rank() == 0 ? Type.DOUBLE_ARRAY
                        : p.type());
                sweep.add(new Stmt.Decl(acc, GradWrapper.zeros(p), null));
                args.add(new Expr.VarRef(acc));
                parts.add(new Expr.VarRef(acc));
            }
        }
        sweep.add(new Stmt.ExprStmt(new Expr.StaticCall(null, Names.vjp(fn.name()), args,
                result != null ? Type.named(result.javaName()) : Type.DOUBLE_ARRAY), null));
        Expr row = new Expr.ArrayAccess(new Expr.VarRef(jacobian), new Expr.VarRef(i), Type.DOUBLE_ARRAY);
        Var at = new Var(names.fresh("at"), Type.INT);
        sweep.add(new Stmt.Decl(at, new Expr.Literal("0", Type.INT), null));
        for (Expr part : parts) {
            sweep.add(new Stmt.Assign(new Expr.VarRef(at), AssignOp.SET,
                    RuntimeMethod.PUT.call(List.of(row, new Expr.VarRef(at), part), Type.INT), null));
        }
        body.add(new Stmt.CountedLoop(i, new Expr.Literal("0", Type.INT), m, true, new Stmt.Block(sweep), null));
        body.add(new Stmt.Return(new Expr.VarRef(jacobian), null));
        List<GeneratedMethod.Param> params = new ArrayList<>();
        fn.params().forEach(p -> params.add(new GeneratedMethod.Param(p.type().javaName(), p.name())));
        return new GeneratedMethod(Names.jacobian(fn.name()), "The {@code m x n} Jacobian of {@link "
                + fn.ownerClass() + "#" + fn.name() + "}: rows " + (result != null ? "in the order of the result's "
                + "{@code toArray()}" : "the result's elements") + ", columns the wrt parameters flattened in "
                + "declaration order (value types as {@code toArray()}); one reverse sweep per row.",
                "double[][]", params, new Stmt.Block(body));
    }

    /** {@code DualVector first = f_jvp(args..., zero tangents...)}; returns the variable's name. */
    private static String firstSweep(Function fn, Names names, List<Stmt> body) {
        List<Expr> args = new ArrayList<>(ValueBoundary.primalArgs(fn));
        for (ValueBoundary.Wrt w : ValueBoundary.wrt(fn)) {
            if (w.value() != null) {
                args.add(ValueBoundary.zerosLike(w));
            } else if (w.plain().type().rank() == 0) {
                args.add(new Expr.Literal("0.0", Type.DOUBLE));
            } else {
                args.add(RuntimeMethod.ZEROS_LIKE.call(List.of(new Expr.VarRef(w.plain())), w.plain().type()));
            }
        }
        Var first = new Var(names.fresh("first"), Type.named(org.cotangent.processor.naming.RuntimeClasses.DUAL_VECTOR));
        body.add(new Stmt.Decl(first, new Expr.StaticCall(null, Names.jvp(fn.name()), args, first.type()), null));
        return first.name();
    }
}
