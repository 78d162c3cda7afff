package org.cotangent.processor.frontend;

import org.cotangent.processor.ir.Stmt;
import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import org.cotangent.processor.diag.Message;
import org.cotangent.processor.ir.BinaryOp;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.MathFn;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.UnaryOp;
import org.cotangent.processor.ir.Var;
import org.cotangent.processor.naming.Names;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Translates expressions from javac's trees into the IR: arithmetic, Math calls, names, fields,
 * arrays and calls, each checked for a type Cotangent differentiates. A construct outside the
 * subset is reported at its own tree and read as {@link BodyReader#ERROR}, so that reading goes on.
 */
final class ExprReader {
    private static final Expr ERROR = BodyReader.ERROR;

    private final Trees trees;
    private final Attribution attribution;
    private final Reporter reporter;
    private final Elements elements;
    private final CompilationUnitTree unit;
    private final PackageElement userPackage;
    private final Var self;
    private final Map<Element, Var> vars;
    private final java.util.Set<Element> rejected;
    private final CalleeResolver callees;
    private final CallScreen screen;
    private final Map<Expr, Tree> callSites;
    private final Map<Expr, String> valueCarriers;
    private CharSequence source;
    private final SideEffects effects;
    private ValueReader values;
    private ValueCalls calls;
    private final java.util.Set<Tree> inlined = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /**
     * @param vars the variable of each parameter and local read so far (shared with the statement reader)
     * @param rejected locals whose declaration was rejected: their uses report nothing more
     * @param callSites where each call read was written, filled in here
     * @param valueCarriers int/long calls that may carry a value, filled in here
     */
    ExprReader(Trees trees, Attribution attribution, Reporter reporter, Elements elements, CompilationUnitTree unit,
               PackageElement userPackage, Var self, Map<Element, Var> vars, java.util.Set<Element> rejected,
               CalleeResolver callees, CallScreen screen, Map<Expr, Tree> callSites,
               Map<Expr, String> valueCarriers, org.cotangent.processor.naming.Names names) {
        this.trees = trees;
        this.attribution = attribution;
        this.reporter = reporter;
        this.elements = elements;
        this.unit = unit;
        this.userPackage = userPackage;
        this.self = self;
        this.vars = vars;
        this.rejected = rejected;
        this.callees = callees;
        this.screen = screen;
        this.callSites = callSites;
        this.valueCarriers = valueCarriers;
        this.effects = new SideEffects(this, names, reporter, unit);
    }

    /** The reader of value-type expressions, whose leaves this reader returns where a component is read. */
    void useValues(ValueReader values, ValueCalls calls) {
        this.values = values;
        this.calls = calls;
    }

    /**
     * The leaf that the call at {@code path} reads when it is an accessor or getter of a value
     * ({@code p.first()}), {@link #ERROR} after reporting, or null for any other call.
     */
    Expr componentCall(TreePath path) {
        Element element = trees.getElement(path);
        if (!(element instanceof ExecutableElement m) || m.getModifiers().contains(Modifier.STATIC)
                || !m.getParameters().isEmpty()) {
            return null;
        }
        return values.componentLeaf(path, element);
    }

    /** Adds statements to the pending side effects: an inlined callee's body. */
    void addPending(List<Stmt> statements) {
        effects.add(statements);
    }

    /** Whether the call {@code tree} was read by inlining its callee (its statements are pending). */
    boolean isInlined(Tree tree) {
        return inlined.contains(tree);
    }

    /** How many side-effect statements are pending: a mark for {@link #drainFrom}. */
    int pendingMark() {
        return effects.mark();
    }

    /** The side-effect statements added since {@code mark}, removed from the pending ones. */
    List<Stmt> drainFrom(int mark) {
        return effects.drainFrom(mark);
    }

    /** An assignment, compound assignment, ++ or -- written as a statement: its effects pending, the assignment returned. */
    Stmt effectStatement(TreePath path) {
        return effects.statement(path);
    }

    Expr expression(TreePath path) {
        Tree tree = path.getLeaf();
        switch (tree.getKind()) {
            case PARENTHESIZED:
                return expression(new TreePath(path, ((ParenthesizedTree) tree).getExpression()));
            case INT_LITERAL, LONG_LITERAL, DOUBLE_LITERAL, BOOLEAN_LITERAL:
                return new Expr.Literal(sourceText(tree), literalType(tree));
            case FLOAT_LITERAL:
                reporter.error(Message.FLOAT_LITERAL, tree, unit);
                return ERROR;
            case IDENTIFIER, MEMBER_SELECT:
                return name(path);
            case UNARY_MINUS, UNARY_PLUS, LOGICAL_COMPLEMENT, BITWISE_COMPLEMENT: {
                UnaryTree t = (UnaryTree) tree;
                UnaryOp op = switch (tree.getKind()) {
                    case UNARY_MINUS -> UnaryOp.NEG;
                    case UNARY_PLUS -> UnaryOp.PLUS;
                    case LOGICAL_COMPLEMENT -> UnaryOp.NOT;
                    default -> UnaryOp.BIT_NOT;
                };
                Expr operand = expression(new TreePath(path, t.getExpression()));
                return typed(path, type -> new Expr.Unary(op, operand, type), operand);
            }
            case PREFIX_INCREMENT, POSTFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_DECREMENT,
                 ASSIGNMENT, PLUS_ASSIGNMENT, MINUS_ASSIGNMENT, MULTIPLY_ASSIGNMENT, DIVIDE_ASSIGNMENT,
                 REMAINDER_ASSIGNMENT:
                return effects.inExpression(path);
            case AND_ASSIGNMENT, OR_ASSIGNMENT, XOR_ASSIGNMENT, LEFT_SHIFT_ASSIGNMENT,
                 RIGHT_SHIFT_ASSIGNMENT, UNSIGNED_RIGHT_SHIFT_ASSIGNMENT:
                reporter.error(Message.SIDE_EFFECT, tree, unit);
                return ERROR;
            case CONDITIONAL_EXPRESSION: {
                ConditionalExpressionTree t = (ConditionalExpressionTree) tree;
                Expr cond = expression(new TreePath(path, t.getCondition()));
                Expr a = effects.unconditional(new TreePath(path, t.getTrueExpression()));
                Expr b = effects.unconditional(new TreePath(path, t.getFalseExpression()));
                return typed(path, type -> new Expr.Conditional(cond, a, b, type), cond, a, b);
            }
            case TYPE_CAST: {
                TypeCastTree t = (TypeCastTree) tree;
                Expr operand = expression(new TreePath(path, t.getExpression()));
                return typed(path, type -> new Expr.Cast(type, operand), operand);
            }
            case METHOD_INVOCATION:
                return call(path, (MethodInvocationTree) tree);
            case ARRAY_ACCESS: {
                ArrayAccessTree t = (ArrayAccessTree) tree;
                List<Expr> parts = effects.inOrder(List.of(new TreePath(path, t.getExpression()),
                        new TreePath(path, t.getIndex())));
                Expr array = parts.get(0);
                Expr index = parts.get(1);
                return typed(path, type -> new Expr.ArrayAccess(array, index, type), array, index);
            }
            case NEW_ARRAY:
                return newArray(path, (NewArrayTree) tree);
            case LAMBDA_EXPRESSION:
                return unsupported(tree, Message.LAMBDA);
            case MEMBER_REFERENCE:
                return unsupported(tree, Message.METHOD_REFERENCE);
            case NEW_CLASS:
                return unsupported(tree, Message.NEW_OBJECT);
            case INSTANCE_OF:
                return unsupported(tree, Message.INSTANCE_OF);
            case STRING_LITERAL, CHAR_LITERAL, NULL_LITERAL:
                return unsupported(tree, Message.LITERAL);
            case SWITCH_EXPRESSION:
                return unsupported(tree, Message.SWITCH_EXPRESSION);
            default:
                if (tree instanceof BinaryTree b) {
                    return binary(path, b);
                }
                return unsupported(tree, Message.EXPRESSION);
        }
    }

    private Expr unsupported(Tree tree, Message message, Object... args) {
        reporter.error(message, tree, unit, args);
        return ERROR;
    }

    private interface TypedBuilder {
        Expr build(Type type);
    }

    private Expr typed(TreePath path, TypedBuilder builder, Expr... operands) {
        for (Expr operand : operands) {
            if (operand == ERROR) {
                return ERROR;
            }
        }
        TypeMirror mirror = attribution.typeOf(path);
        if (TypeMapper.isFloat(mirror)) {
            reporter.error(Message.FLOAT_EXPRESSION, path.getLeaf(), unit);
            return ERROR;
        }
        Optional<Type> type = TypeMapper.map(mirror);
        if (type.isEmpty() || type.get().base() == Type.Base.OTHER || type.get().base() == Type.Base.VOID) {
            reporter.error(Message.EXPRESSION_TYPE, path.getLeaf(), unit, mirror);
            return ERROR;
        }
        return builder.build(type.get());
    }

    private Expr binary(TreePath path, BinaryTree tree) {
        BinaryOp op = switch (tree.getKind()) {
            case PLUS -> BinaryOp.ADD;
            case MINUS -> BinaryOp.SUB;
            case MULTIPLY -> BinaryOp.MUL;
            case DIVIDE -> BinaryOp.DIV;
            case REMAINDER -> BinaryOp.REM;
            case LESS_THAN -> BinaryOp.LT;
            case LESS_THAN_EQUAL -> BinaryOp.LE;
            case GREATER_THAN -> BinaryOp.GT;
            case GREATER_THAN_EQUAL -> BinaryOp.GE;
            case EQUAL_TO -> BinaryOp.EQ;
            case NOT_EQUAL_TO -> BinaryOp.NE;
            case CONDITIONAL_AND -> BinaryOp.AND;
            case CONDITIONAL_OR -> BinaryOp.OR;
            case AND -> BinaryOp.BIT_AND;
            case OR -> BinaryOp.BIT_OR;
            case XOR -> BinaryOp.XOR;
            case LEFT_SHIFT -> BinaryOp.SHL;
            case RIGHT_SHIFT -> BinaryOp.SHR;
            default -> BinaryOp.USHR;
        };
        TypeMirror mirror = attribution.typeOf(path);
        if (mirror.getKind() == TypeKind.DECLARED) {
            return unsupported(tree, Message.STRING_CONCATENATION);
        }
        Expr left;
        Expr right;
        if (op == BinaryOp.AND || op == BinaryOp.OR) {
            left = expression(new TreePath(path, tree.getLeftOperand()));
            right = effects.unconditional(new TreePath(path, tree.getRightOperand()));
        } else {
            List<Expr> parts = effects.inOrder(List.of(new TreePath(path, tree.getLeftOperand()),
                    new TreePath(path, tree.getRightOperand())));
            left = parts.get(0);
            right = parts.get(1);
        }
        return typed(path, type -> new Expr.Binary(op, left, right, type), left, right);
    }

    private Expr name(TreePath path) {
        Tree tree = path.getLeaf();
        if (tree instanceof MemberSelectTree m && m.getIdentifier().contentEquals("length")) {
            TreePath of = new TreePath(path, m.getExpression());
            if (attribution.typeOf(of).getKind() == TypeKind.ARRAY) {
                Expr array = expression(of);
                return array == ERROR ? ERROR : new Expr.Length(array);
            }
        }
        if (tree instanceof com.sun.source.tree.IdentifierTree id && id.getName().contentEquals("this")) {
            if (values.hasSelf()) {
                return unsupported(tree, Message.VALUE_AS_WHOLE, "this", values.self().type().javaName());
            }
            if (self == null) {
                return unsupported(tree, Message.THIS_IN_STATIC);
            }
            return new Expr.VarRef(self);
        }
        Element element = trees.getElement(path);
        if (element == null) {
            return unsupported(tree, Message.UNRESOLVED_NAME);
        }
        if (element.getKind() == ElementKind.FIELD && !element.getModifiers().contains(Modifier.STATIC)) {
            Expr leaf = values.componentLeaf(path, element);
            if (leaf != null) {
                return leaf;
            }
        }
        if (element.getKind() == ElementKind.FIELD) {
            return field(path, (VariableElement) element);
        }
        if (element.getKind() == ElementKind.ENUM_CONSTANT) {
            // compared with an enum component of a value type: inactive
            String owner = ownerName((TypeElement) element.getEnclosingElement());
            return new Expr.FieldRef(owner, element.getSimpleName().toString(), Type.named(owner));
        }
        if (values.isVariable(element)) {
            return unsupported(tree, Message.VALUE_AS_WHOLE, element.getSimpleName(), element.asType());
        }
        Var var = vars.get(element);
        if (var != null) {
            return new Expr.VarRef(var);
        }
        if (rejected.contains(element)) {
            return ERROR;
        }
        return unsupported(tree, Message.NAME, element.getSimpleName(),
                element.getKind().toString().toLowerCase().replace('_', ' '));
    }

    private Expr field(TreePath path, VariableElement field) {
        return field(path, field, null);
    }

    /**
     * The read of a field that holds a value of a value type, as an object: {@code self.params}, a
     * constant whose leaves {@link ValueReader} reads through it; {@link #ERROR} after reporting.
     */
    Expr objectField(TreePath path, VariableElement field, org.cotangent.processor.ir.ValueType type) {
        return field(path, field, Type.named(type.javaName()));
    }

    private Expr field(TreePath path, VariableElement field, Type objectType) {
        Tree tree = path.getLeaf();
        Optional<Type> type = objectType != null ? Optional.of(objectType) : TypeMapper.map(field.asType());
        if (TypeMapper.isFloat(field.asType())) {
            reporter.error(Message.FLOAT_FIELD, tree, unit, field.getSimpleName());
            return ERROR;
        }
        if (type.isEmpty() || (type.get().base() == Type.Base.OTHER && objectType == null)) {
            return unsupported(tree, Message.FIELD_TYPE, field.getSimpleName(), field.asType());
        }
        TypeElement fieldOwner = (TypeElement) field.getEnclosingElement();
        boolean unnameable = fieldOwner.getNestingKind() == javax.lang.model.element.NestingKind.LOCAL
                || fieldOwner.getNestingKind() == javax.lang.model.element.NestingKind.ANONYMOUS;
        Object constant = field.getConstantValue();
        if (constant != null && (unnameable || field.getModifiers().contains(Modifier.PRIVATE))) {
            // a compile-time constant the generated class cannot name is inlined, as javac does
            return new Expr.Literal(elements.getConstantExpression(constant), type.get());
        }
        if (unnameable) {
            return unsupported(tree, Message.FIELD_OF_LOCAL_CLASS, field.getSimpleName());
        }
        boolean isPrivate = field.getModifiers().contains(Modifier.PRIVATE);
        if (!field.getModifiers().contains(Modifier.STATIC)) {
            Expr receiver;
            if (tree instanceof MemberSelectTree m) {
                receiver = expression(new TreePath(path, m.getExpression()));
            } else if (self != null) {
                receiver = new Expr.VarRef(self);
            } else {
                return unsupported(tree, Message.FIELD_WITHOUT_RECEIVER, field.getSimpleName());
            }
            if (receiver == ERROR) {
                return ERROR;
            }
            if (isPrivate) {
                return privateField(field, type.get(), receiver);
            }
            return new Expr.InstanceField(receiver, field.getSimpleName().toString(), type.get());
        }
        if (isPrivate) {
            return privateField(field, type.get(), null);
        }
        return new Expr.FieldRef(ownerName((TypeElement) field.getEnclosingElement()),
                field.getSimpleName().toString(), type.get());
    }

    private Expr privateField(VariableElement field, Type type, Expr receiver) {
        String owner = ownerName((TypeElement) field.getEnclosingElement());
        String handle = Names.fieldHandle(owner, field.getSimpleName().toString());
        return new Expr.PrivateField(owner, field.getSimpleName().toString(), type, receiver, handle);
    }

    private Expr newArray(TreePath path, NewArrayTree tree) {
        TypeMirror mirror = attribution.typeOf(path);
        Optional<Type> type = TypeMapper.map(mirror);
        if (TypeMapper.isFloat(mirror)) {
            reporter.error(Message.FLOAT_ARRAY, tree, unit);
            return ERROR;
        }
        if (type.isEmpty() || type.get().base() == Type.Base.OTHER) {
            reporter.error(Message.ARRAY_TYPE, tree, unit, mirror);
            return ERROR;
        }
        if (tree.getInitializers() != null) {
            List<Expr> elements = new ArrayList<>();
            for (ExpressionTree e : tree.getInitializers()) {
                Expr element = expression(new TreePath(path, e));
                if (element == ERROR) {
                    return ERROR;
                }
                elements.add(element);
            }
            return new Expr.ArrayLiteral(type.get(), elements);
        }
        List<Expr> dims = new ArrayList<>();
        for (ExpressionTree d : tree.getDimensions()) {
            Expr dim = expression(new TreePath(path, d));
            if (dim == ERROR) {
                return ERROR;
            }
            dims.add(dim);
        }
        return new Expr.NewArray(type.get(), dims);
    }

    private Expr call(TreePath path, MethodInvocationTree tree) {
        if (tree.getMethodSelect() instanceof MemberSelectTree m && m.getIdentifier().contentEquals("clone")
                && tree.getArguments().isEmpty()) {
            TreePath of = new TreePath(new TreePath(path, m), m.getExpression());
            if (attribution.typeOf(of).getKind() == TypeKind.ARRAY) {
                Expr array = expression(of);
                return array == ERROR ? ERROR : new Expr.Clone(array);
            }
        }
        Element element = trees.getElement(path);
        if (!(element instanceof ExecutableElement method)) {
            return unsupported(tree, Message.UNRESOLVED_CALL);
        }
        if (tree.getArguments().isEmpty() && !method.getModifiers().contains(Modifier.STATIC)) {
            Expr leaf = values.componentLeaf(path, method);
            if (leaf != null && (leaf == ERROR || values.typeOf(path).isEmpty())) {
                return leaf;
            }
        }
        if (values.involvesValue(path, tree, method)) {
            inlined.add(tree);
            return calls.valueCall(path, tree, method);
        }
        List<Expr> args = new ArrayList<>();
        List<TreePath> argPaths = new ArrayList<>();
        for (ExpressionTree a : tree.getArguments()) {
            argPaths.add(new TreePath(path, a));
        }
        args.addAll(effects.inOrder(argPaths));
        if (args.stream().anyMatch(a -> a == ERROR)) {
            return ERROR;
        }
        String name = method.getSimpleName().toString();
        Optional<org.cotangent.processor.ir.Callee> callee = callees.resolve(method);
        if (callee.isPresent() && callee.get().returnType().rank() > 0) {
            return unsupported(tree, Message.ARRAY_RETURNING_CALL, name);
        }
        if (callee.isPresent()) {
            Expr receiver = null;
            if (!callee.get().isStatic()) {
                if (tree.getMethodSelect() instanceof MemberSelectTree m) {
                    receiver = expression(new TreePath(new TreePath(path, m), m.getExpression()));
                } else if (self != null) {
                    receiver = new Expr.VarRef(self);
                } else {
                    return unsupported(tree, Message.METHOD_WITHOUT_RECEIVER, name);
                }
                if (receiver == ERROR) {
                    return ERROR;
                }
            }
            Expr call = new Expr.Call(callee.get(), receiver, args, callee.get().returnType());
            callSites.put(call, tree);
            return call;
        }
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        String ownerQualified = owner.getQualifiedName().toString();
        if (!method.getModifiers().contains(Modifier.STATIC)) {
            return unsupported(tree, Message.INSTANCE_CALL, name);
        }
        boolean allDouble = method.getParameters().stream().allMatch(p -> p.asType().getKind() == TypeKind.DOUBLE);
        if ((ownerQualified.equals("java.lang.Math") || ownerQualified.equals("java.lang.StrictMath"))
                && allDouble && method.getReturnType().getKind() == TypeKind.DOUBLE) {
            Optional<MathFn> fn = MathFn.lookup(name, args.size());
            if (fn.isPresent()) {
                return new Expr.MathCall(owner.getSimpleName().toString(), fn.get(), args);
            }
            if (!args.isEmpty()) {
                return unsupported(tree, Message.MATH_WITHOUT_DERIVATIVE, name);
            }
        }
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            return unsupported(tree, Message.PRIVATE_CALL, name);
        }
        if (method.isVarArgs()) {
            return unsupported(tree, Message.VARARGS_CALL, name);
        }
        for (int i = 0; i < args.size(); i++) {
            TypeMirror p = method.getParameters().get(i).asType();
            if (TypeMapper.map(p).isEmpty() || TypeMapper.isFloat(p)) {
                return unsupported(tree, Message.CALL_PARAMETER_TYPE, name, p);
            }
        }
        Type result = TypeMapper.map(method.getReturnType()).orElse(null);
        if (result == null || TypeMapper.isFloat(method.getReturnType()) || result.rank() > 0
                || result.base() == Type.Base.OTHER) {
            return unsupported(tree, Message.CALL_RETURN_TYPE, name, method.getReturnType());
        }
        Optional<String> random = screen.nonDeterminism(method);
        if (random.isPresent()) {
            String via = random.get().equals(CallScreen.qualifiedName(method)) ? ""
                    : " (it calls " + random.get() + ")";
            reporter.error(Message.NON_DETERMINISTIC, tree, unit, name, via);
            return ERROR;
        }
        java.util.Set<String> written = callees.writtenParameters(method, true);
        List<Boolean> writes = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            writes.add(args.get(i).type().rank() > 0
                    && written.contains(method.getParameters().get(i).getSimpleName().toString()));
        }
        Expr call = new Expr.StaticCall(ownerName(owner), name, args, result, writes);
        callSites.put(call, tree);
        if (result.base() == Type.Base.INT || result.base() == Type.Base.LONG) {
            screen.valueCarrier(method).ifPresent(carrier -> valueCarriers.put(call, carrier));
        }
        return call;
    }

    /** The target of an assignment: a local or an element of a local array; null after reporting why not. */
    Expr assignTarget(TreePath path) {
        Tree tree = path.getLeaf();
        if (tree.getKind() == Tree.Kind.IDENTIFIER || tree.getKind() == Tree.Kind.MEMBER_SELECT) {
            Element element = trees.getElement(path);
            if (element != null && element.getKind() == ElementKind.FIELD) {
                reporter.error(Message.FIELD_WRITE, tree, unit, element.getSimpleName());
                return null;
            }
            Var var = vars.get(element);
            if (var != null) {
                return new Expr.VarRef(var);
            }
            if (rejected.contains(element)) {
                return null;
            }
        }
        if (tree.getKind() == Tree.Kind.ARRAY_ACCESS) {
            Expr target = expression(path);
            if (target != ERROR && org.cotangent.processor.ir.IrWalk.rootVar(target) == null) {
                reporter.error(Message.FIELD_ARRAY_WRITE, tree, unit);
                return null;
            }
            return target == ERROR ? null : target;
        }
        reporter.error(Message.ASSIGN_TARGET, tree, unit);
        return null;
    }

    /** How generated code in the user's package names {@code type}. */
    private String ownerName(TypeElement type) {
        return TypeMapper.ownerName(elements, userPackage, type);
    }

    private Type literalType(Tree tree) {
        return switch (tree.getKind()) {
            case INT_LITERAL -> Type.INT;
            case LONG_LITERAL -> Type.LONG;
            case BOOLEAN_LITERAL -> Type.BOOLEAN;
            default -> Type.DOUBLE;
        };
    }

    private String sourceText(Tree tree) {
        try {
            if (source == null) {
                source = unit.getSourceFile().getCharContent(true);
            }
            long start = trees.getSourcePositions().getStartPosition(unit, tree);
            long end = trees.getSourcePositions().getEndPosition(unit, tree);
            if (start >= 0 && end > start && end <= source.length()) {
                return source.subSequence((int) start, (int) end).toString();
            }
        } catch (IOException e) {
            // fall back to javac's rendering of the literal below
        }
        return tree.toString();
    }
}
