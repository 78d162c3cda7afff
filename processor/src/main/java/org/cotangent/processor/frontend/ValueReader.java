package org.cotangent.processor.frontend;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import org.cotangent.processor.diag.Message;
import org.cotangent.processor.ir.AssignOp;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.SourcePos;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.ValueType;
import org.cotangent.processor.ir.Var;
import org.cotangent.processor.naming.Names;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads values of the user's value types (records, final classes with final fields) by splitting
 * them into their leaves: a local {@code SinCos sc} becomes {@code sc_sin} and {@code sc_cos}, a
 * constructor call the list of its arguments, {@code sc.sin()} the leaf {@code sc_sin}. No object of a
 * value type exists in differentiated code, so the transforms see only doubles, arrays and integers.
 */
final class ValueReader {
    /** A value of a value type, as its leaves' expressions in {@link ValueType#leaves()} order. */
    record Aggregate(ValueType type, List<Expr> leaves) {
        Aggregate {
            leaves = List.copyOf(leaves);
        }

        /** Component {@code i}: an {@link Expr} for a leaf, an {@link Aggregate} for a nested value type. */
        Object component(int i) {
            int at = 0;
            for (int k = 0; k < i; k++) {
                at += size(type.components().get(k));
            }
            ValueType.Component c = type.components().get(i);
            if (c.nested() == null) {
                return leaves.get(at);
            }
            return new Aggregate(c.nested(), leaves.subList(at, at + size(c)));
        }

        private static int size(ValueType.Component c) {
            return c.nested() == null ? 1 : c.nested().leaves().size();
        }
    }

    private final Trees trees;
    private final Attribution attribution;
    private final Reporter reporter;
    private final CompilationUnitTree unit;
    private final ValueTypes types;
    private final ExprReader exprs;
    private final Names names;
    private final Map<Element, Aggregate> variables;
    private Aggregate self;
    private ValueCalls calls;

    /**
     * @param variables the leaves of each value-type parameter read so far; locals are added here
     * @param self the receiver's leaves in an instance method of a value type, else null
     */
    ValueReader(Trees trees, Attribution attribution, Reporter reporter, CompilationUnitTree unit, ValueTypes types,
                ExprReader exprs, Names names, Map<Element, Aggregate> variables, Aggregate self) {
        this.trees = trees;
        this.attribution = attribution;
        this.reporter = reporter;
        this.unit = unit;
        this.types = types;
        this.exprs = exprs;
        this.names = names;
        this.variables = variables;
        this.self = self;
    }

    ValueTypes types() {
        return types;
    }

    /** The leaves of every value-type variable read so far, shared with readers of inlined callees. */
    Map<Element, Aggregate> variables() {
        return variables;
    }

    void useCalls(ValueCalls calls) {
        this.calls = calls;
    }

    /** Makes {@code element} (an inlined callee's parameter) name {@code value}. */
    void bind(Element element, Aggregate value) {
        variables.put(element, value);
    }

    /** Makes {@code receiver} the value {@code this} names (reading an inlined callee); returns the one before. */
    Aggregate swapSelf(Aggregate receiver) {
        Aggregate before = self;
        self = receiver;
        return before;
    }

    /** The value type of the expression at {@code path}, or empty. */
    Optional<ValueType> typeOf(TreePath path) {
        TypeMirror mirror = attribution.typeOf(path);
        return mirror == null ? Optional.empty() : types.of(mirror);
    }

    /**
     * Whether the expression at {@code path} is an object read as constants, as before value types:
     * a parameter of a final class outside {@code wrt}, or {@code this} of such a class.
     */
    boolean isConstantObject(TreePath path) {
        Tree tree = path.getLeaf();
        while (tree instanceof ParenthesizedTree p) {
            path = new TreePath(path, p.getExpression());
            tree = path.getLeaf();
        }
        if (tree instanceof IdentifierTree id) {
            if (id.getName().contentEquals("this")) {
                return self == null;
            }
            Element element = trees.getElement(path);
            return element != null && element.getKind() == ElementKind.PARAMETER && !variables.containsKey(element);
        }
        return false;
    }

    /** Whether the expression at {@code path} is a value of a value type that this reader splits into leaves. */
    boolean isValue(TreePath path) {
        return typeOf(path).isPresent() && !isConstantObject(path);
    }

    /** Whether {@code element} is a local or parameter of a value type. */
    boolean isVariable(Element element) {
        return variables.containsKey(element);
    }

    boolean hasSelf() {
        return self != null;
    }

    /**
     * The value at {@code path} rebuilt as an object, for a throw or assert message that prints it
     * ({@code "bad " + p}): {@code new Params(p_w, p_b)}, whose {@code toString} is the original's
     * (a record's, or a final class's own); {@link BodyReader#ERROR} after reporting why not; null if
     * {@code path} is not a value.
     */
    Expr rebuilt(TreePath path) {
        if (!isValue(path)) {
            return null;
        }
        ValueType type = typeOf(path).orElseThrow();
        TypeElement element = (TypeElement) ((javax.lang.model.type.DeclaredType) attribution.typeOf(path)).asElement();
        boolean ownToString = element.getKind() == ElementKind.RECORD || javax.lang.model.util.ElementFilter
                .methodsIn(element.getEnclosedElements()).stream()
                .anyMatch(m -> m.getSimpleName().contentEquals("toString") && m.getParameters().isEmpty());
        if (!ownToString || !constructible(type)) {
            reporter.error(Message.VALUE_AS_WHOLE, path.getLeaf(), unit, path.getLeaf().toString(), type.javaName());
            return BodyReader.ERROR;
        }
        Aggregate value = read(path);
        return value == null ? BodyReader.ERROR : type.construct(value.leaves(), false);
    }

    private static boolean constructible(ValueType type) {
        return !type.construction().isEmpty() && type.components().stream()
                .allMatch(c -> c.nested() == null || constructible(c.nested()));
    }

    /** The value at {@code path}, or null after reporting why it cannot be read. */
    Aggregate read(TreePath path) {
        Tree tree = path.getLeaf();
        ValueType type = typeOf(path).orElse(null);
        if (type == null) {
            TypeMirror mirror = attribution.typeOf(path);
            reporter.error(Message.NOT_VALUE_TYPE, tree, unit, "this expression", mirror,
                    ValueTypes.isCandidate(mirror) ? types.whyNot(mirror) : "use a record or a final class");
            return null;
        }
        switch (tree.getKind()) {
            case PARENTHESIZED:
                return read(new TreePath(path, ((ParenthesizedTree) tree).getExpression()));
            case IDENTIFIER: {
                if (((IdentifierTree) tree).getName().contentEquals("this") && self != null) {
                    return self;
                }
                Element element = trees.getElement(path);
                Aggregate var = variables.get(element);
                if (var != null) {
                    return var;
                }
                if (element != null && element.getKind() == ElementKind.PARAMETER) {
                    reporter.error(Message.CONSTANT_OBJECT, tree, unit, element.getSimpleName(), type.javaName());
                    return null;
                }
                if (element != null && element.getKind() == ElementKind.LOCAL_VARIABLE) {
                    return null; // its declaration was rejected, and reported
                }
                if (element != null && element.getKind() == ElementKind.FIELD && self != null
                        && !element.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)
                        && types.component(self.type(), element) >= 0) {
                    return nested(self, element, tree, type);
                }
                if (element != null && element.getKind() == ElementKind.FIELD) {
                    return constant(path, (javax.lang.model.element.VariableElement) element, type);
                }
                break;
            }
            case MEMBER_SELECT: {
                Element element = trees.getElement(path);
                if (element != null && element.getKind() == ElementKind.FIELD) {
                    TreePath of = new TreePath(path, ((MemberSelectTree) tree).getExpression());
                    if (isValue(of)) {
                        Aggregate owner = read(of);
                        return owner == null ? null : nested(owner, element, tree, type);
                    }
                    return constant(path, (javax.lang.model.element.VariableElement) element, type);
                }
                break;
            }
            case METHOD_INVOCATION: {
                MethodInvocationTree call = (MethodInvocationTree) tree;
                if (call.getMethodSelect() instanceof MemberSelectTree m && call.getArguments().isEmpty()) {
                    TreePath of = new TreePath(new TreePath(path, m), m.getExpression());
                    Optional<ValueType> ownerType = typeOf(of);
                    Element method = trees.getElement(path);
                    if (ownerType.isPresent() && method != null
                            && types.component(ownerType.get(), method) >= 0) {
                        Aggregate owner = read(of);
                        return owner == null ? null : nested(owner, method, tree, type);
                    }
                }
                Element method = trees.getElement(path);
                if (method instanceof ExecutableElement callee && trees.getPath(callee) != null) {
                    Object value = calls.inline(path, call, callee);
                    if (value == null || value instanceof Aggregate) {
                        return (Aggregate) value;
                    }
                }
                reporter.error(Message.VALUE_CALL, tree, unit,
                        method == null ? tree.toString() : method.getSimpleName(), type.javaName());
                return null;
            }
            case NEW_CLASS:
                return construct(path, (NewClassTree) tree, type);
            case CONDITIONAL_EXPRESSION:
                return conditional(path, (ConditionalExpressionTree) tree, type);
            default:
                break;
        }
        reporter.error(Message.VALUE_SOURCE, tree, unit, type.javaName(), "");
        return null;
    }

    /**
     * A value held by a field of an object read as constants ({@code this.params} of a model, a
     * {@code static final} default): its leaves are reads through the field, constants too.
     */
    private Aggregate constant(TreePath path, javax.lang.model.element.VariableElement field, ValueType type) {
        Expr object = exprs.objectField(path, field, type);
        if (object == BodyReader.ERROR) {
            return null;
        }
        List<Expr> leaves = new ArrayList<>();
        for (ValueType.Leaf leaf : type.leaves()) {
            leaves.add(leaf.readFrom(object, false));
        }
        return new Aggregate(type, leaves);
    }

    /** A leaf read through a component ({@code v.x}, {@code v.x()}, {@code x} in the type's own method), or null. */
    Expr leaf(Aggregate owner, Element component, Tree tree) {
        int i = types.component(owner.type(), component);
        Object c = i < 0 ? null : owner.component(i);
        if (c instanceof Expr e) {
            return e;
        }
        reporter.error(Message.VALUE_AS_WHOLE, tree, unit, tree.toString(),
                c == null ? "?" : ((Aggregate) c).type().javaName());
        return null;
    }

    /** The self aggregate of an instance method of a value type. */
    Aggregate self() {
        return self;
    }

    private Aggregate nested(Aggregate owner, Element component, Tree tree, ValueType expected) {
        int i = types.component(owner.type(), component);
        if (i >= 0 && owner.component(i) instanceof Aggregate a) {
            return a;
        }
        reporter.error(Message.VALUE_SOURCE, tree, unit, expected.javaName(), "");
        return null;
    }

    private Aggregate construct(TreePath path, NewClassTree tree, ValueType type) {
        Element element = trees.getElement(path);
        if (!(element instanceof ExecutableElement constructor) || tree.getClassBody() != null) {
            reporter.error(Message.VALUE_SOURCE, tree, unit, type.javaName(), "");
            return null;
        }
        Optional<int[]> map = types.componentOfParameter(constructor, type);
        if (map.isEmpty()) {
            reporter.error(Message.VALUE_CONSTRUCTOR, tree, unit, type.javaName());
            return null;
        }
        int mark = exprs.pendingMark();
        Object[] components = new Object[type.components().size()];
        List<? extends ExpressionTree> args = tree.getArguments();
        for (int k = 0; k < args.size(); k++) {
            TreePath arg = new TreePath(path, args.get(k));
            ValueType.Component c = type.components().get(map.get()[k]);
            Object value;
            if (c.nested() != null) {
                value = read(arg);
            } else {
                Expr e = exprs.expression(arg);
                value = e == BodyReader.ERROR ? null : converted(e, c.type());
            }
            if (value == null) {
                return null;
            }
            if (k > 0 && exprs.pendingMark() > mark) {
                exprs.drainFrom(mark);
                reporter.error(Message.VALUE_SIDE_EFFECT, tree, unit);
                return null;
            }
            components[map.get()[k]] = value;
        }
        List<Expr> leaves = new ArrayList<>();
        for (Object c : components) {
            if (c instanceof Aggregate a) {
                leaves.addAll(a.leaves());
            } else {
                leaves.add((Expr) c);
            }
        }
        return new Aggregate(type, leaves);
    }

    /** {@code e} as the component's type: Java widens an int argument to a double component. */
    private static Expr converted(Expr e, Type to) {
        if (to.isScalarDouble() && !e.type().isScalarDouble() && e.type().rank() == 0
                && e.type().base() != Type.Base.OTHER) {
            if (e instanceof Expr.Literal l && l.text().matches("[0-9]+")) {
                return new Expr.Literal(l.text() + ".0", Type.DOUBLE);
            }
            return new Expr.Cast(Type.DOUBLE, e);
        }
        return e;
    }

    private Aggregate conditional(TreePath path, ConditionalExpressionTree tree, ValueType type) {
        Expr condition = exprs.expression(new TreePath(path, tree.getCondition()));
        int mark = exprs.pendingMark();
        Aggregate a = read(new TreePath(path, tree.getTrueExpression()));
        Aggregate b = a == null ? null : read(new TreePath(path, tree.getFalseExpression()));
        if (exprs.pendingMark() > mark) {
            exprs.drainFrom(mark);
            reporter.error(Message.CONDITIONAL_SIDE_EFFECT, tree, unit);
            return null;
        }
        if (condition == BodyReader.ERROR || a == null || b == null) {
            return null;
        }
        List<Expr> leaves = new ArrayList<>();
        for (int k = 0; k < a.leaves().size(); k++) {
            Expr x = a.leaves().get(k);
            leaves.add(new Expr.Conditional(condition, x, b.leaves().get(k), x.type()));
        }
        return new Aggregate(type, leaves);
    }

    /** The local variables of a new value-type local {@code name}: one per leaf, named after it. */
    Aggregate declare(Element element, String name, ValueType type) {
        List<Expr> leaves = new ArrayList<>();
        for (ValueType.Leaf leaf : type.leaves()) {
            leaves.add(new Expr.VarRef(new Var(names.fresh(name + "_" + leaf.stem()), leaf.type())));
        }
        Aggregate var = new Aggregate(type, leaves);
        variables.put(element, var);
        return var;
    }

    /** The declarations of a value-type local's leaves, with their initial values where {@code init} is given. */
    static List<Stmt> declarations(Aggregate var, Aggregate init, SourcePos pos) {
        List<Stmt> out = new ArrayList<>();
        for (int k = 0; k < var.leaves().size(); k++) {
            Var leaf = ((Expr.VarRef) var.leaves().get(k)).var();
            out.add(new Stmt.Decl(leaf, init == null ? null : init.leaves().get(k), pos));
        }
        return out;
    }

    /**
     * {@code target = value} for a value-type local: each leaf assigned. Where the new value reads a
     * leaf that an earlier assignment would already have changed ({@code v = new V(v.y, v.x)}), the
     * new leaves go through fresh locals first.
     */
    List<Stmt> assignment(TreePath path, AssignmentTree tree, SourcePos pos) {
        Element element = trees.getElement(new TreePath(path, tree.getVariable()));
        Aggregate target = variables.get(element);
        if (target == null) {
            if (element == null || element.getKind() != ElementKind.LOCAL_VARIABLE) {
                reporter.error(Message.ASSIGN_TARGET, tree.getVariable(), unit);
            }
            return null; // else its declaration was rejected, and reported
        }
        Aggregate value = read(new TreePath(path, tree.getExpression()));
        if (value == null) {
            return null;
        }
        Set<Var> targets = new HashSet<>();
        target.leaves().forEach(l -> targets.add(((Expr.VarRef) l).var()));
        boolean overlaps = false;
        for (int k = 0; k < value.leaves().size(); k++) {
            Set<Var> read = new HashSet<>(IrWalk.varsRead(value.leaves().get(k)));
            read.retainAll(targets);
            read.remove(((Expr.VarRef) target.leaves().get(k)).var());
            overlaps |= !read.isEmpty();
        }
        List<Stmt> out = new ArrayList<>();
        List<Expr> values = new ArrayList<>(value.leaves());
        if (overlaps) {
            for (int k = 0; k < values.size(); k++) {
                Var kept = new Var(names.fresh(((Expr.VarRef) target.leaves().get(k)).var().name() + "_new"),
                        values.get(k).type());
                out.add(new Stmt.Decl(kept, values.get(k), pos));
                values.set(k, new Expr.VarRef(kept));
            }
        }
        for (int k = 0; k < values.size(); k++) {
            out.add(new Stmt.Assign(target.leaves().get(k), AssignOp.SET, values.get(k), pos));
        }
        return out;
    }

    /**
     * The leaf that a read of a component gives ({@code v.x}, {@code v.x()}, {@code x} in the value
     * type's own method), {@link BodyReader#ERROR} after reporting, or null if {@code path} reads no component.
     */
    Expr componentLeaf(TreePath path, Element component) {
        Tree tree = path.getLeaf();
        ValueReader.Aggregate owner = null;
        if (tree instanceof MemberSelectTree m) {
            TreePath of = new TreePath(path, m.getExpression());
            if (!isValue(of)) {
                return null;
            }
            owner = read(of);
        } else if (tree instanceof MethodInvocationTree call && call.getMethodSelect() instanceof MemberSelectTree m) {
            TreePath of = new TreePath(new TreePath(path, m), m.getExpression());
            Optional<ValueType> type = typeOf(of);
            int index = type.isEmpty() ? -1 : types.component(type.get(), component);
            if (index < 0) {
                return null;
            }
            if (isConstantObject(of)) {
                // an accessor or getter of an object read as constants: a constant too
                ValueType.Component c = type.get().components().get(index);
                Expr object = c.nested() == null ? exprs.expression(of) : null;
                return object == null ? null : object == BodyReader.ERROR ? object
                        : new Expr.InstanceField(object, c.read(), c.type());
            }
            owner = read(of);
        } else if (self != null && component.getEnclosingElement() instanceof TypeElement t
                && types.of(t).filter(self.type()::equals).isPresent() && types.component(self.type(), component) >= 0) {
            owner = self;
        } else {
            return null;
        }
        if (owner == null) {
            return BodyReader.ERROR;
        }
        Expr leaf = leaf(owner, component, tree);
        return leaf == null ? BodyReader.ERROR : leaf;
    }

    /** Whether the call at {@code path} takes, returns or is made on a value of a value type. */
    boolean involvesValue(TreePath path, MethodInvocationTree tree, ExecutableElement method) {
        if (types.of(method.getReturnType()).isPresent()) {
            return true;
        }
        for (ExpressionTree a : tree.getArguments()) {
            if (isValue(new TreePath(path, a))) {
                return true;
            }
        }
        if (method.getModifiers().contains(Modifier.STATIC)) {
            return false;
        }
        if (tree.getMethodSelect() instanceof MemberSelectTree m) {
            return isValue(new TreePath(new TreePath(path, m), m.getExpression()));
        }
        return hasSelf();
    }
}
