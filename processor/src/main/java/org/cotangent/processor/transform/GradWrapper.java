package org.cotangent.processor.transform;

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
        for (Var w : fn.wrt()) {
            components.add(new GeneratedMethod.Param(w.type().javaName(), w.name()));
        }
        return new GeneratedClass.RecordDecl(Names.gradientRecord(fn.name()),
                "The value of {@link " + fn.ownerClass() + "#" + fn.name() + "} and its gradient with respect to "
                        + wrtList(fn) + ".", components);
    }

    /** {@code f_grad}, which calls {@code vjp} (the already generated {@code f_vjp}). */
    public static GeneratedMethod grad(Function fn, GeneratedMethod vjp) {
        List<String> taken = new ArrayList<>();
        fn.params().forEach(p -> taken.add(p.name()));
        Names names = new Names(taken);
        List<Stmt> body = new ArrayList<>();
        List<Expr> callArgs = new ArrayList<>();
        fn.params().forEach(p -> callArgs.add(new Expr.VarRef(p)));
        callArgs.add(new Expr.Literal("1.0", Type.DOUBLE));
        List<Expr> recordArgs = new ArrayList<>();
        List<Var> accumulators = new ArrayList<>();
        for (Var w : fn.wrt()) {
            Type accType = w.type().rank() == 0 ? Type.DOUBLE_ARRAY : w.type();
            Var acc = new Var(names.fresh(Names.accumulator(w.name())), accType);
            accumulators.add(acc);
            Expr zeros = switch (w.type().rank()) {
                case 0 -> new Expr.NewArray(Type.DOUBLE_ARRAY, List.of(new Expr.Literal("1", Type.INT)));
                case 1 -> new Expr.NewArray(Type.DOUBLE_ARRAY, List.of(new Expr.Length(new Expr.VarRef(w))));
                default -> new Expr.StaticCall("Adjoints", "zerosLike", List.of(new Expr.VarRef(w)), w.type());
            };
            body.add(new Stmt.Decl(acc, zeros, null));
            callArgs.add(new Expr.VarRef(acc));
        }
        Var value = new Var(names.fresh("value"), Type.DOUBLE);
        body.add(new Stmt.Decl(value, new Expr.StaticCall(null, vjp.name(), callArgs, Type.DOUBLE), null));
        recordArgs.add(new Expr.VarRef(value));
        for (int k = 0; k < accumulators.size(); k++) {
            Expr acc = new Expr.VarRef(accumulators.get(k));
            recordArgs.add(fn.wrt().get(k).type().rank() == 0
                    ? new Expr.ArrayAccess(acc, new Expr.Literal("0", Type.INT), Type.DOUBLE) : acc);
        }
        String record = Names.gradientRecord(fn.name());
        body.add(new Stmt.Return(new Expr.Construct(record, recordArgs, new Type(Type.Base.OTHER, 0)), null));
        List<GeneratedMethod.Param> params = new ArrayList<>();
        fn.params().forEach(p -> params.add(new GeneratedMethod.Param(p.type().javaName(), p.name())));
        return new GeneratedMethod(Names.grad(fn.name()),
                "The value of {@link " + fn.ownerClass() + "#" + fn.name() + "} and its gradient with respect to "
                        + wrtList(fn) + ", in a freshly allocated record.", record, params, new Stmt.Block(body));
    }

    private static String wrtList(Function fn) {
        List<String> names = new ArrayList<>();
        fn.wrt().forEach(w -> names.add("{@code " + w.name() + "}"));
        return names.isEmpty() ? "no parameter" : String.join(", ", names);
    }

    /** {@code f_jacobian}: the gradient as the single row of a {@code 1 x n} matrix (inputs flattened in order, row-major). */
    public static GeneratedMethod jacobian(Function fn) {
        List<String> taken = new ArrayList<>();
        fn.params().forEach(p -> taken.add(p.name()));
        Names names = new Names(taken);
        List<Stmt> body = new ArrayList<>();
        List<Expr> args = new ArrayList<>();
        fn.params().forEach(p -> args.add(new Expr.VarRef(p)));
        String record = Names.gradientRecord(fn.name());
        Var gradient = new Var(names.fresh("gradient"), Type.named(record));
        body.add(new Stmt.Decl(gradient, new Expr.StaticCall(null, Names.grad(fn.name()), args, gradient.type()), null));
        Expr size = new Expr.Literal("0", Type.INT);
        for (Var w : fn.wrt()) {
            Expr n = switch (w.type().rank()) {
                case 0 -> new Expr.Literal("1", Type.INT);
                case 1 -> new Expr.Length(new Expr.VarRef(w));
                default -> new Expr.StaticCall("Adjoints", "size", List.of(new Expr.VarRef(w)), Type.INT);
            };
            size = size instanceof Expr.Literal l && l.text().equals("0") ? n
                    : new Expr.Binary(org.cotangent.processor.ir.BinaryOp.ADD, size, n, Type.INT);
        }
        Var row = new Var(names.fresh("row"), Type.DOUBLE_ARRAY);
        body.add(new Stmt.Decl(row, new Expr.NewArray(Type.DOUBLE_ARRAY, List.of(size)), null));
        Var at = new Var(names.fresh("at"), Type.INT);
        body.add(new Stmt.Decl(at, new Expr.Literal("0", Type.INT), null));
        for (Var w : fn.wrt()) {
            Expr component = new Expr.StaticCall(gradient.name(), w.name(), List.of(), w.type());
            body.add(new Stmt.Assign(new Expr.VarRef(at), org.cotangent.processor.ir.AssignOp.SET,
                    new Expr.StaticCall("Adjoints", "put", List.of(new Expr.VarRef(row), new Expr.VarRef(at), component),
                            Type.INT), null));
        }
        body.add(new Stmt.Return(new Expr.ArrayLiteral(Type.DOUBLE_MATRIX, List.of(new Expr.VarRef(row))), null));
        List<GeneratedMethod.Param> params = new ArrayList<>();
        fn.params().forEach(p -> params.add(new GeneratedMethod.Param(p.type().javaName(), p.name())));
        return new GeneratedMethod(fn.name() + "_jacobian", "The {@code 1 x n} Jacobian of {@link " + fn.ownerClass()
                + "#" + fn.name() + "}: its gradient with respect to " + wrtList(fn)
                + " flattened in declaration order (row-major for matrices), by one reverse sweep.",
                "double[][]", params, new Stmt.Block(body));
    }
}
