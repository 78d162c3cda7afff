package org.cotangent.processor.frontend;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import org.cotangent.processor.diag.Message;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.ValueType;
import org.cotangent.processor.ir.Var;

import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Calls that pass, return or are made on values of value types ({@code sincos(t).sin()},
 * {@code a.plus(b)}, {@code v.dot(w)}): the callee's body is read in place, as if written at the
 * call. Its parameters become the arguments' values (their leaves, for a value), its locals fresh
 * locals, and its final {@code return} the call's value. The statements run, as pending side effects,
 * just before the statement that holds the call, in Java's order; no object is created. The callee
 * must have source in this file, return only at its end, have no labels and not call itself.
 */
final class ValueCalls {
    private final Trees trees;
    private final Attribution attribution;
    private final Reporter reporter;
    private final BodyReader body;
    private final ExprReader exprs;
    private final ValueReader values;
    private final Map<Element, Var> vars;
    /** The callees being read, innermost last: a call of one of them again would never end. */
    private final List<ExecutableElement> active;

    ValueCalls(Trees trees, Attribution attribution, Reporter reporter, BodyReader body, ExprReader exprs,
               ValueReader values, Map<Element, Var> vars, List<ExecutableElement> active) {
        this.active = active;
        this.trees = trees;
        this.attribution = attribution;
        this.reporter = reporter;
        this.body = body;
        this.exprs = exprs;
        this.values = values;
        this.vars = vars;
    }

    /** Stands for the value of an inlined {@code void} call, which has none; never emitted. */
    static final Expr INLINED = new Expr.Literal("<inlined>", org.cotangent.processor.ir.Type.VOID);

    /**
     * A call in an expression that takes, returns or is made on a value: its value read in place
     * (an {@link Expr}, {@link #INLINED} for a {@code void} one), or {@link BodyReader#ERROR} after
     * reporting why not (no source, or a value asked for as a whole).
     */
    Expr valueCall(TreePath path, MethodInvocationTree tree, ExecutableElement method) {
        if (trees.getPath(method) == null) {
            String typeName = values.types().of(method.getReturnType()).map(ValueType::javaName).orElse(null);
            for (ExpressionTree a : tree.getArguments()) {
                if (typeName == null && values.isValue(new TreePath(path, a))) {
                    typeName = values.typeOf(new TreePath(path, a)).map(ValueType::javaName).orElse(null);
                }
            }
            reporter.error(Message.VALUE_CALL, tree, body.unit(), method.getSimpleName(),
                    typeName != null ? typeName : "its receiver's type");
            return BodyReader.ERROR;
        }
        Object value = inline(path, tree, method);
        if (value instanceof ValueReader.Aggregate a) {
            reporter.error(Message.VALUE_AS_WHOLE, tree, body.unit(), tree.toString(), a.type().javaName());
            return BodyReader.ERROR;
        }
        return value == null ? BodyReader.ERROR : value instanceof Expr e ? e : INLINED;
    }

    /**
     * The value of the call at {@code path}, its callee read in place: an {@link Expr} for a callee
     * returning {@code double} (or another supported type), a {@link ValueReader.Aggregate} for one
     * returning a value type, {@link Stmt.Block#EMPTY} for a {@code void} one; null after reporting
     * why it cannot be.
     */
    Object inline(TreePath path, MethodInvocationTree tree, ExecutableElement method) {
        String name = method.getSimpleName().toString();
        TreePath calleePath = trees.getPath(method);
        MethodTree callee = calleePath == null ? null : (MethodTree) calleePath.getLeaf();
        String why = calleePath == null ? "its source is not available"
                : callee.getBody() == null ? "it has no body"
                : active.contains(method) ? "it calls itself"
                : body.callees().hasUserRule(method) ? "it has a rule of yours (@CustomVjp or @CustomJvp), which "
                + "cannot take values of value types yet"
                : !returnsOnlyAtEnd(callee) ? "it returns before its end"
                : hasLabel(callee) ? "it has a labelled statement" : null;
        if (why != null) {
            reporter.error(Message.VALUE_CALL_NOT_INLINED, tree, body.unit(), name, why);
            return null;
        }
        if (!attribution.attribute(calleePath)) {
            reporter.error(Message.VALUE_CALL_NOT_INLINED, tree, body.unit(), name, "javac did not attribute it");
            return null;
        }
        ValueReader.Aggregate receiver = null;
        if (!method.getModifiers().contains(Modifier.STATIC)) {
            if (tree.getMethodSelect() instanceof MemberSelectTree m) {
                TreePath of = new TreePath(new TreePath(path, m), m.getExpression());
                if (!values.isValue(of)) {
                    reporter.error(Message.VALUE_CALL_NOT_INLINED, tree, body.unit(), name,
                            "its receiver is not a value of a value type");
                    return null;
                }
                receiver = values.read(of);
            } else {
                receiver = values.self();
            }
            if (receiver == null) {
                return null;
            }
        }
        Set<Element> assigned = assignedParameters(calleePath, method);
        List<Stmt> bindings = new ArrayList<>();
        List<? extends ExpressionTree> args = tree.getArguments();
        List<Object> bound = new ArrayList<>();
        for (int k = 0; k < args.size(); k++) {
            VariableElement param = method.getParameters().get(k);
            TreePath arg = new TreePath(path, args.get(k));
            Optional<ValueType> type = values.types().of(param.asType());
            if (type.isPresent()) {
                ValueReader.Aggregate value = values.read(arg);
                if (value == null) {
                    return null;
                }
                bound.add(value);
            } else {
                Expr value = exprs.expression(arg);
                if (value == BodyReader.ERROR) {
                    return null;
                }
                bound.add(value);
            }
        }
        for (int k = 0; k < args.size(); k++) {
            VariableElement param = method.getParameters().get(k);
            String pname = param.getSimpleName().toString();
            if (bound.get(k) instanceof ValueReader.Aggregate value) {
                boolean alias = !assigned.contains(param)
                        && value.leaves().stream().allMatch(l -> l instanceof Expr.VarRef);
                if (alias) {
                    values.bind(param, value);
                } else {
                    ValueReader.Aggregate local = values.declare(param, pname, value.type());
                    bindings.addAll(ValueReader.declarations(local, value, null));
                }
            } else {
                Expr value = (Expr) bound.get(k);
                if (value instanceof Expr.VarRef r && !assigned.contains(param)) {
                    vars.put(param, r.var());
                } else {
                    Var local = body.declareLocal(param, pname, value.type());
                    bindings.add(new Stmt.Decl(local, value, null));
                }
            }
        }
        exprs.addPending(bindings);
        boolean here = calleePath.getCompilationUnit() == body.unit();
        BodyReader reader = here ? body : body.forFile(calleePath.getCompilationUnit());
        ValueReader.Aggregate outerSelf = reader.values().swapSelf(receiver);
        active.add(method);
        try {
            Object value = readBody(reader, calleePath, callee, method);
            if (!here) {
                // the callee's statements join this file's pending ones; what later checks find in
                // them is reported at this call
                exprs.addPending(reader.exprs().drainFrom(0));
                reader.callSites().keySet().forEach(e -> body.callSites().put(e, tree));
                reader.statementSites().keySet().forEach(st -> body.statementSites().put(st, tree));
                body.valueCarriers().putAll(reader.valueCarriers());
            }
            return value;
        } finally {
            active.remove(active.size() - 1);
            reader.values().swapSelf(outerSelf);
        }
    }

    private static Object readBody(BodyReader reader, TreePath calleePath, MethodTree callee,
                                   ExecutableElement method) {
        List<? extends StatementTree> statements = callee.getBody().getStatements();
        TreePath blockPath = new TreePath(calleePath, callee.getBody());
        int n = statements.size();
        boolean endsWithReturn = n > 0 && statements.get(n - 1) instanceof ReturnTree;
        reader.exprs().addPending(reader.statements(blockPath, endsWithReturn ? n - 1 : n));
        if (!endsWithReturn || ((ReturnTree) statements.get(n - 1)).getExpression() == null) {
            return Stmt.Block.EMPTY;
        }
        TreePath result = new TreePath(new TreePath(blockPath, statements.get(n - 1)),
                ((ReturnTree) statements.get(n - 1)).getExpression());
        if (reader.values().types().of(method.getReturnType()).isPresent()) {
            return reader.values().read(result);
        }
        Expr value = reader.exprs().expression(result);
        return value == BodyReader.ERROR ? null : value;
    }

    /** The callees being read, shared with the readers of callees in other files. */
    List<ExecutableElement> active() {
        return active;
    }

    private static boolean returnsOnlyAtEnd(MethodTree method) {
        List<? extends StatementTree> statements = method.getBody().getStatements();
        int[] returns = {0};
        new com.sun.source.util.TreeScanner<Void, Void>() {
            @Override
            public Void visitReturn(ReturnTree node, Void unused) {
                returns[0]++;
                return super.visitReturn(node, unused);
            }

            @Override
            public Void visitLambdaExpression(com.sun.source.tree.LambdaExpressionTree node, Void unused) {
                return null;
            }

            @Override
            public Void visitClass(com.sun.source.tree.ClassTree node, Void unused) {
                return null;
            }
        }.scan(method.getBody(), null);
        boolean last = !statements.isEmpty() && statements.get(statements.size() - 1) instanceof ReturnTree;
        return returns[0] == 0 || (returns[0] == 1 && last);
    }

    private static boolean hasLabel(MethodTree method) {
        boolean[] found = {false};
        new com.sun.source.util.TreeScanner<Void, Void>() {
            @Override
            public Void visitLabeledStatement(LabeledStatementTree node, Void unused) {
                found[0] = true;
                return null;
            }
        }.scan(method.getBody(), null);
        return found[0];
    }

    /** The parameters of {@code method} that its body assigns ({@code =}, compound, {@code ++}/{@code --}). */
    private Set<Element> assignedParameters(TreePath methodPath, ExecutableElement method) {
        Set<Element> params = new HashSet<>(method.getParameters());
        Set<Element> out = new HashSet<>();
        MethodTree tree = (MethodTree) methodPath.getLeaf();
        new TreePathScanner<Void, Void>() {
            private void target(Tree variable) {
                if (variable instanceof IdentifierTree) {
                    Element e = trees.getElement(new TreePath(getCurrentPath(), variable));
                    if (e != null && params.contains(e)) {
                        out.add(e);
                    }
                }
            }

            @Override
            public Void visitAssignment(AssignmentTree node, Void unused) {
                target(node.getVariable());
                return super.visitAssignment(node, unused);
            }

            @Override
            public Void visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
                target(node.getVariable());
                return super.visitCompoundAssignment(node, unused);
            }

            @Override
            public Void visitUnary(UnaryTree node, Void unused) {
                switch (node.getKind()) {
                    case PREFIX_INCREMENT, POSTFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_DECREMENT ->
                            target(node.getExpression());
                    default -> {
                    }
                }
                return super.visitUnary(node, unused);
            }
        }.scan(new TreePath(methodPath, tree.getBody()), null);
        return out;
    }
}
