package org.cotangent.processor.frontend;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import org.cotangent.processor.diag.Message;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.SourcePos;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.Var;
import org.cotangent.processor.naming.Names;

import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Translates a method body from javac's trees into the IR, reporting every construct outside the
 * differentiable subset at its own tree. Reading goes on after an error so that one compilation
 * shows every problem of the method.
 */
final class BodyReader {
    /** Stands for an expression already reported as an error; compared by identity, never emitted. */
    static final Expr ERROR = new Expr.Literal("<error>", Type.INT);

    private final Trees trees;
    private final Attribution attribution;
    private final Reporter reporter;
    private final Elements elements;
    private final CompilationUnitTree unit;
    private final String fileName;
    private final PackageElement userPackage;
    private final Map<Element, Var> vars;
    /** Locals whose declaration was rejected: their uses report nothing more. */
    private final java.util.Set<Element> rejected;
    private final Map<Expr, Tree> callSites = new IdentityHashMap<>();
    private final Map<Expr, String> valueCarriers = new IdentityHashMap<>();
    private final CallScreen screen;
    private final Map<Stmt, Tree> statementSites = new IdentityHashMap<>();
    private final Names names;
    private final Var self;
    private final CalleeResolver callees;
    private final LoopReader loops = new LoopReader(this);
    private final ExprReader exprs;
    private final PassThroughReader passThrough;
    private final ValueReader values;
    private final ValueCalls calls;
    /** The value type the method returns, or null. */
    private final org.cotangent.processor.ir.ValueType valueReturn;
    private final List<Var> returnLengths = new ArrayList<>();

    private static ValueReader.Aggregate aggregate(org.cotangent.processor.ir.ValueParam p) {
        return new ValueReader.Aggregate(p.type(), p.leaves().stream().map(v -> (Expr) new Expr.VarRef(v)).toList());
    }

    BodyReader(Trees trees, Attribution attribution, Reporter reporter, Elements elements,
               CompilationUnitTree unit, PackageElement userPackage, Signature signature,
               CustomRules customRules, CustomRules jvpRules, ValueTypes valueTypes) {
        this.trees = trees;
        this.attribution = attribution;
        this.reporter = reporter;
        this.elements = elements;
        this.unit = unit;
        this.userPackage = userPackage;
        this.fileName = fileName(unit);
        this.vars = new HashMap<>(signature.byElement());
        this.rejected = new java.util.HashSet<>();
        this.self = signature.self();
        this.valueReturn = signature.valueReturn();
        this.callees = new CalleeResolver(elements, userPackage, trees, attribution, customRules, jvpRules);
        this.screen = new CallScreen(trees, attribution);
        List<String> paramNames = new ArrayList<>();
        signature.params().forEach(p -> paramNames.add(p.name()));
        this.names = new Names(paramNames);
        if (valueReturn != null) {
            for (org.cotangent.processor.ir.ValueType.Leaf leaf : valueReturn.leaves()) {
                if (leaf.type().rank() > 0) {
                    returnLengths.add(new Var(names.fresh("result_" + leaf.stem() + "_length"), Type.INT));
                }
            }
        }
        Map<Element, ValueReader.Aggregate> valueVars = new HashMap<>();
        signature.valueByElement().forEach((e, p) -> valueVars.put(e, aggregate(p)));
        ValueReader.Aggregate valueSelf = signature.valueSelf() == null ? null : aggregate(signature.valueSelf());
        this.exprs = new ExprReader(trees, attribution, reporter, elements, unit, userPackage, self, vars, rejected,
                callees, screen, callSites, valueCarriers, names);
        this.values = new ValueReader(trees, attribution, reporter, unit, valueTypes, exprs, names, valueVars,
                valueSelf);
        this.calls = new ValueCalls(trees, attribution, reporter, this, exprs, values, vars, new ArrayList<>());
        values.useCalls(calls);
        exprs.useValues(values, calls);
        this.passThrough = new PassThroughReader(trees, unit, reporter, elements, userPackage, vars, exprs, values);
    }

    /**
     * A reader of an inlined callee's body in another file: the same variables, names and checks
     * as {@code parent}, but trees, positions and messages of {@code unit}.
     */
    private BodyReader(BodyReader parent, CompilationUnitTree unit) {
        this.trees = parent.trees;
        this.attribution = parent.attribution;
        this.reporter = parent.reporter;
        this.elements = parent.elements;
        this.unit = unit;
        this.userPackage = parent.userPackage;
        this.fileName = fileName(unit);
        this.vars = parent.vars;
        this.rejected = parent.rejected;
        this.self = null;
        this.valueReturn = null;
        this.callees = parent.callees;
        this.screen = parent.screen;
        this.names = parent.names;
        this.exprs = new ExprReader(trees, attribution, reporter, elements, unit, userPackage, null, vars, rejected,
                callees, screen, callSites, valueCarriers, names);
        this.values = new ValueReader(trees, attribution, reporter, unit, parent.values.types(), exprs, names,
                parent.values.variables(), null);
        this.calls = new ValueCalls(trees, attribution, reporter, this, exprs, values, vars, parent.calls.active());
        values.useCalls(calls);
        exprs.useValues(values, calls);
        this.passThrough = new PassThroughReader(trees, unit, reporter, elements, userPackage, vars, exprs, values);
    }

    /** A reader for a callee's body in {@code other}, sharing this one's state. */
    BodyReader forFile(CompilationUnitTree other) {
        return new BodyReader(this, other);
    }

    ExprReader exprs() {
        return exprs;
    }

    CalleeResolver callees() {
        return callees;
    }

    ValueReader values() {
        return values;
    }

    private static String fileName(CompilationUnitTree unit) {
        String path = unit.getSourceFile().getName();
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }

    String fileName() {
        return fileName;
    }

    Map<Expr, Tree> callSites() {
        return callSites;
    }

    Map<Expr, String> valueCarriers() {
        return valueCarriers;
    }

    Map<Stmt, Tree> statementSites() {
        return statementSites;
    }

    Stmt.Block block(TreePath path) {
        BlockTree tree = (BlockTree) path.getLeaf();
        List<Stmt> out = new ArrayList<>();
        for (StatementTree s : tree.getStatements()) {
            Stmt stmt = statement(new TreePath(path, s));
            if (stmt != null) {
                out.add(stmt);
            }
        }
        return new Stmt.Block(out);
    }

    /** For each array leaf of the returned value type, the local holding its length at the return. */
    List<Var> returnLengths() {
        return returnLengths;
    }

    /**
     * {@code return} of a value: its leaves in one {@code double[]} (a literal when all are doubles;
     * else filled element by element, with each array's length kept for the boundary).
     */
    private Stmt packed(ValueReader.Aggregate value, SourcePos pos) {
        if (returnLengths.isEmpty()) {
            return new Stmt.Return(new Expr.ArrayLiteral(Type.DOUBLE_ARRAY, value.leaves()), pos);
        }
        List<Stmt> out = new ArrayList<>();
        List<Expr> leaves = new ArrayList<>();
        Expr size = null;
        int array = 0;
        for (Expr leaf : value.leaves()) {
            Expr n;
            if (leaf.type().rank() > 0) {
                if (!(leaf instanceof Expr.VarRef)) {
                    Var kept = new Var(names.fresh("part"), leaf.type());
                    out.add(new Stmt.Decl(kept, leaf, pos));
                    leaf = new Expr.VarRef(kept);
                }
                Var length = returnLengths.get(array++);
                out.add(new Stmt.Assign(new Expr.VarRef(length), org.cotangent.processor.ir.AssignOp.SET,
                        new Expr.Length(leaf), pos));
                n = new Expr.VarRef(length);
            } else {
                n = Expr.Literal.ofInt(1);
            }
            leaves.add(leaf);
            size = size == null ? n : new Expr.Binary(org.cotangent.processor.ir.BinaryOp.ADD, size, n, Type.INT);
        }
        Var flat = new Var(names.fresh("packed"), Type.DOUBLE_ARRAY);
        out.add(new Stmt.Decl(flat, new Expr.NewArray(Type.DOUBLE_ARRAY, List.of(size)), pos));
        Var at = new Var(names.fresh("at"), Type.INT);
        out.add(new Stmt.Decl(at, Expr.Literal.ofInt(0), pos));
        for (Expr leaf : leaves) {
            Expr slot = new Expr.ArrayAccess(new Expr.VarRef(flat), new Expr.VarRef(at), Type.DOUBLE);
            if (leaf.type().rank() == 0) {
                out.add(new Stmt.Assign(slot, org.cotangent.processor.ir.AssignOp.SET, leaf, pos));
                out.add(new Stmt.Assign(new Expr.VarRef(at), org.cotangent.processor.ir.AssignOp.ADD,
                        Expr.Literal.ofInt(1), pos));
                continue;
            }
            Var i = new Var(names.fresh("i"), Type.INT);
            Stmt copy = new Stmt.Assign(new Expr.ArrayAccess(new Expr.VarRef(flat), new Expr.Binary(
                    org.cotangent.processor.ir.BinaryOp.ADD, new Expr.VarRef(at), new Expr.VarRef(i), Type.INT),
                    Type.DOUBLE), org.cotangent.processor.ir.AssignOp.SET,
                    new Expr.ArrayAccess(leaf, new Expr.VarRef(i), Type.DOUBLE), pos);
            out.add(new Stmt.For(List.of(new Stmt.Decl(i, Expr.Literal.ofInt(0), pos)),
                    new Expr.Binary(org.cotangent.processor.ir.BinaryOp.LT, new Expr.VarRef(i), new Expr.Length(leaf),
                            Type.BOOLEAN),
                    List.of(new Stmt.Assign(new Expr.VarRef(i), org.cotangent.processor.ir.AssignOp.ADD,
                            Expr.Literal.ofInt(1), pos)), new Stmt.Block(List.of(copy)), null, pos));
            out.add(new Stmt.Assign(new Expr.VarRef(at), org.cotangent.processor.ir.AssignOp.ADD,
                    new Expr.Length(leaf), pos));
        }
        out.add(new Stmt.Return(new Expr.VarRef(flat), pos));
        return new Stmt.Block(out);
    }

    /** The first {@code count} statements of the block at {@code path}, read as statements of this method. */
    List<Stmt> statements(TreePath path, int count) {
        BlockTree tree = (BlockTree) path.getLeaf();
        List<Stmt> out = new ArrayList<>();
        for (StatementTree s : tree.getStatements().subList(0, count)) {
            Stmt stmt = statement(new TreePath(path, s));
            if (stmt != null) {
                out.add(stmt);
            }
        }
        return out;
    }

    SourcePos pos(Tree tree) {
        long start = trees.getSourcePositions().getStartPosition(unit, tree);
        long line = start < 0 ? 0 : unit.getLineMap().getLineNumber(start);
        return new SourcePos(fileName, line);
    }

    /** A statement, preceded (in a block) by the side effects its expressions contain. */
    private Stmt statement(TreePath path) {
        int mark = exprs.pendingMark();
        Stmt s = statementOnly(path);
        List<Stmt> effects = exprs.drainFrom(mark);
        if (effects.isEmpty() || s == null) {
            return s;
        }
        List<Stmt> out = new ArrayList<>();
        SourcePos pos = firstPos(s);
        for (Stmt e : effects) {
            out.add(at(e, pos));
        }
        out.add(s);
        return new Stmt.Block(out);
    }

    /** The position of {@code s}, or for a block (a value-type declaration) of its first statement. */
    private static SourcePos firstPos(Stmt s) {
        if (s instanceof Stmt.Block b) {
            for (Stmt inner : b.stmts()) {
                SourcePos pos = firstPos(inner);
                if (pos != null) {
                    return pos;
                }
            }
            return null;
        }
        return s.pos();
    }

    /** A side-effect statement, placed at the line of the statement it came from. */
    static Stmt at(Stmt s, SourcePos pos) {
        if (s instanceof Stmt.Decl d && d.pos() == null) {
            return new Stmt.Decl(d.var(), d.init(), pos);
        }
        if (s instanceof Stmt.Assign a && a.pos() == null) {
            return new Stmt.Assign(a.target(), a.op(), a.value(), pos);
        }
        return s;
    }

    /** The side effects pending since {@code mark}: for a loop condition, which runs them each time. */
    List<Stmt> effectsSince(int mark) {
        return exprs.drainFrom(mark);
    }

    int effectsMark() {
        return exprs.pendingMark();
    }

    private Stmt statementOnly(TreePath path) {
        Tree tree = path.getLeaf();
        switch (tree.getKind()) {
            case BLOCK:
                return block(path);
            case EMPTY_STATEMENT:
                return null;
            case VARIABLE:
                return declaration(path, (VariableTree) tree);
            case EXPRESSION_STATEMENT: {
                Stmt s = expressionStatement(new TreePath(path, ((ExpressionStatementTree) tree).getExpression()),
                        pos(tree));
                if (s != null) {
                    Tree e = ((ExpressionStatementTree) tree).getExpression();
                    Tree target = e instanceof AssignmentTree a ? a.getVariable()
                            : e instanceof CompoundAssignmentTree c ? c.getVariable()
                            : e instanceof UnaryTree u ? u.getExpression() : e;
                    statementSites.put(s, target);
                }
                return s;
            }
            case IF: {
                IfTree t = (IfTree) tree;
                Expr cond = expression(new TreePath(path, t.getCondition()));
                Stmt.Block then = asBlock(new TreePath(path, t.getThenStatement()));
                Stmt.Block otherwise = t.getElseStatement() == null ? null
                        : asBlock(new TreePath(path, t.getElseStatement()));
                return new Stmt.If(cond, then, otherwise, pos(tree));
            }
            case RETURN: {
                ReturnTree t = (ReturnTree) tree;
                if (valueReturn != null && t.getExpression() != null) {
                    // a value leaves as the double[] of its leaves; the boundary builds the object
                    ValueReader.Aggregate value = values.read(new TreePath(path, t.getExpression()));
                    return value == null ? null : packed(value, pos(tree));
                }
                Expr value = t.getExpression() == null ? null : expression(new TreePath(path, t.getExpression()));
                return new Stmt.Return(value, pos(tree));
            }
            case FOR_LOOP, ENHANCED_FOR_LOOP, WHILE_LOOP, DO_WHILE_LOOP:
                return loops.loop(path, null);
            case LABELED_STATEMENT: {
                LabeledStatementTree t = (LabeledStatementTree) tree;
                Tree inner = t.getStatement();
                if (inner instanceof ForLoopTree || inner instanceof EnhancedForLoopTree
                        || inner instanceof WhileLoopTree || inner instanceof DoWhileLoopTree) {
                    return loops.loop(new TreePath(path, inner), t.getLabel().toString());
                }
                reporter.error(Message.LABEL_NOT_ON_LOOP, tree, unit);
                return null;
            }
            case BREAK: {
                BreakTree t = (BreakTree) tree;
                if (!loops.checkBreak(t)) {
                    return null;
                }
                return new Stmt.Break(t.getLabel() == null ? null : t.getLabel().toString(), pos(tree));
            }
            case CONTINUE: {
                ContinueTree t = (ContinueTree) tree;
                return new Stmt.Continue(t.getLabel() == null ? null : t.getLabel().toString(), pos(tree));
            }
            case SWITCH:
                return loops.switchStatement(path, (SwitchTree) tree);
            case THROW:
                return passThrough.throwStatement(path, pos(tree));
            case ASSERT: {
                TreePath conditionPath = new TreePath(path, ((com.sun.source.tree.AssertTree) tree).getCondition());
                int mark = exprs.pendingMark();
                Expr condition = expression(conditionPath);
                if (exprs.pendingMark() > mark) {
                    // an assert's condition runs only when assertions are enabled
                    exprs.drainFrom(mark);
                    reporter.error(Message.CONDITIONAL_SIDE_EFFECT, conditionPath.getLeaf(), unit);
                    return null;
                }
                return condition == ERROR ? null : passThrough.assertStatement(path, condition, pos(tree));
            }
            default:
                unsupportedStatement(tree);
                return null;
        }
    }

    Stmt statementAt(TreePath path) {
        return statement(path);
    }

    Stmt.Block blockAt(TreePath path) {
        return asBlock(path);
    }

    Reporter reporter() {
        return reporter;
    }

    CompilationUnitTree unit() {
        return unit;
    }

    Var declareLocal(Element element, String name, Type type) {
        Var var = new Var(names.fresh(name), type);
        vars.put(element, var);
        return var;
    }

    Element elementOf(TreePath path) {
        return trees.getElement(path);
    }

    TypeMirror typeOf(TreePath path) {
        return attribution.typeOf(path);
    }

    private Stmt.Block asBlock(TreePath path) {
        Stmt s = statement(path);
        if (s == null) {
            return Stmt.Block.EMPTY;
        }
        return s instanceof Stmt.Block b ? b : new Stmt.Block(List.of(s));
    }

    private void unsupportedStatement(Tree tree) {
        switch (tree.getKind()) {
            case TRY -> reporter.error(Message.TRY, tree, unit);
            case SYNCHRONIZED -> reporter.error(Message.SYNCHRONIZED, tree, unit);
            case CLASS, INTERFACE, ENUM, RECORD -> reporter.error(Message.LOCAL_CLASS, tree, unit);
            default -> reporter.error(Message.STATEMENT, tree, unit,
                    tree.getKind().toString().toLowerCase().replace('_', ' '));
        }
    }

    private Stmt declaration(TreePath path, VariableTree tree) {
        Element element = trees.getElement(path);
        TypeMirror mirror = element.asType();
        String name = tree.getName().toString();
        Optional<org.cotangent.processor.ir.ValueType> valueType = values.types().of(mirror);
        if (valueType.isPresent()) {
            ValueReader.Aggregate init = tree.getInitializer() == null ? null
                    : values.read(new TreePath(path, tree.getInitializer()));
            if (init == null && tree.getInitializer() != null) {
                rejected.add(element);
                return null;
            }
            ValueReader.Aggregate var = values.declare(element, name, valueType.get());
            return new Stmt.Block(ValueReader.declarations(var, init, pos(tree)));
        }
        if (ValueTypes.isCandidate(mirror)) {
            rejected.add(element);
            reporter.error(Message.NOT_VALUE_TYPE, tree, unit, "local '" + name + "'", mirror,
                    values.types().whyNot(mirror));
            return null;
        }
        Optional<Type> type = TypeMapper.map(mirror);
        if (TypeMapper.isFloat(mirror)) {
            rejected.add(element);
            reporter.error(Message.FLOAT_LOCAL, tree, unit, name);
            return null;
        }
        if (type.isEmpty() || type.get().base() == Type.Base.OTHER || type.get().base() == Type.Base.VOID) {
            rejected.add(element);
            reporter.error(Message.LOCAL_TYPE, tree, unit, name, mirror);
            return null;
        }
        Var var = declareLocal(element, name, type.get());
        Expr init = tree.getInitializer() == null ? null : expression(new TreePath(path, tree.getInitializer()));
        return new Stmt.Decl(var, init, pos(tree));
    }

    private Stmt expressionStatement(TreePath path, SourcePos pos) {
        Tree tree = path.getLeaf();
        switch (tree.getKind()) {
            case ASSIGNMENT, PLUS_ASSIGNMENT, MINUS_ASSIGNMENT, MULTIPLY_ASSIGNMENT, DIVIDE_ASSIGNMENT,
                 REMAINDER_ASSIGNMENT, PREFIX_INCREMENT, POSTFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_DECREMENT: {
                if (tree instanceof AssignmentTree a && values.typeOf(new TreePath(path, a.getVariable())).isPresent()) {
                    List<Stmt> assigns = values.assignment(path, a, pos);
                    return assigns == null ? null : new Stmt.Block(assigns);
                }
                // the assignment itself; side effects inside it run before (the wrapper puts them there)
                Stmt assign = exprs.effectStatement(path);
                return assign == null ? null : at(assign, pos);
            }
            case METHOD_INVOCATION: {
                Expr call = expression(path);
                if (exprs.isInlined(tree)) {
                    return call == ERROR ? null : Stmt.Block.EMPTY; // the callee's statements are pending
                }
                if (call instanceof Expr.StaticCall || call instanceof Expr.Call) {
                    return new Stmt.ExprStmt(call, pos);
                }
                if (call != ERROR) {
                    reporter.error(Message.DISCARDED_CALL, tree, unit);
                }
                return null;
            }
            default:
                reporter.error(Message.EXPRESSION_STATEMENT, tree, unit);
                return null;
        }
    }

    Expr expression(TreePath path) {
        return exprs.expression(path);
    }
}
