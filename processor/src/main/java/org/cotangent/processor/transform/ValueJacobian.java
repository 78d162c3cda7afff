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
 * {@code f_jacobian} of a method returning a value type of doubles: {@code m x n}, outputs in the
 * order of the result's {@code toArray()}, inputs flattened over the wrt parameters (value types as
 * {@code toArray()}). One reverse sweep per output, each seeded with a unit {@code TTangent}: a
 * value type has few components, so {@code m} is small.
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
        int m = result.leaves().size();
        List<Stmt> body = new ArrayList<>(InputChecks.of(fn));
        List<Var[]> snapshots = GradWrapper.snapshots(fn, names, body);
        Var n = new Var(names.fresh("n"), Type.INT);
        body.add(new Stmt.Decl(n, GradWrapper.flatSize(fn), null));
        Var jacobian = new Var(names.fresh("jacobian"), Type.DOUBLE_MATRIX);
        body.add(new Stmt.Decl(jacobian, new Expr.NewArray(Type.DOUBLE_MATRIX,
                List.of(new Expr.Literal(String.valueOf(m), Type.INT), new Expr.VarRef(n))), null));
        Var unit = new Var(names.fresh("unit"), Type.DOUBLE_ARRAY);
        body.add(new Stmt.Decl(unit, new Expr.NewArray(Type.DOUBLE_ARRAY,
                List.of(new Expr.Literal(String.valueOf(m), Type.INT))), null));
        Var i = new Var(names.fresh("i"), Type.INT);
        List<Stmt> sweep = new ArrayList<>(GradWrapper.resetTo(snapshots, 1));
        sweep.add(new Stmt.ExprStmt(RuntimeMethod.JACOBIAN_UNIT.call(List.of(new Expr.VarRef(i),
                new Expr.VarRef(unit)), Type.VOID), null));
        List<Expr> args = new ArrayList<>(ValueBoundary.primalArgs(fn));
        args.add(ValueBoundary.build(result, new Expr.VarRef(unit), new ValueBoundary.Cursor(List.of()), true));
        List<Expr> parts = new ArrayList<>();
        for (ValueBoundary.Wrt w : ValueBoundary.wrt(fn)) {
            if (w.value() != null) {
                Type tangent = Type.named(w.typeName());
                Var acc = new Var(names.fresh(Names.accumulator(w.name())), tangent);
                sweep.add(new Stmt.Decl(acc, new Expr.StaticCall(w.typeName(), "zerosLike",
                        List.of(new Expr.VarRef(new Var(w.name(), Type.named(w.value().type().javaName())))),
                        tangent), null));
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
                Type.named(result.javaName())), null));
        Expr row = new Expr.ArrayAccess(new Expr.VarRef(jacobian), new Expr.VarRef(i), Type.DOUBLE_ARRAY);
        Var at = new Var(names.fresh("at"), Type.INT);
        sweep.add(new Stmt.Decl(at, new Expr.Literal("0", Type.INT), null));
        for (Expr part : parts) {
            sweep.add(new Stmt.Assign(new Expr.VarRef(at), AssignOp.SET,
                    RuntimeMethod.PUT.call(List.of(row, new Expr.VarRef(at), part), Type.INT), null));
        }
        body.add(new Stmt.CountedLoop(i, new Expr.Literal("0", Type.INT), new Expr.Literal(String.valueOf(m), Type.INT),
                true, new Stmt.Block(sweep), null));
        body.add(new Stmt.Return(new Expr.VarRef(jacobian), null));
        List<GeneratedMethod.Param> params = new ArrayList<>();
        fn.params().forEach(p -> params.add(new GeneratedMethod.Param(p.type().javaName(), p.name())));
        return new GeneratedMethod(Names.jacobian(fn.name()), "The {@code " + m + " x n} Jacobian of {@link "
                + fn.ownerClass() + "#" + fn.name() + "}: rows in the order of the result's {@code toArray()}, "
                + "columns the wrt parameters flattened in declaration order; one reverse sweep per row.",
                "double[][]", params, new Stmt.Block(body));
    }
}
