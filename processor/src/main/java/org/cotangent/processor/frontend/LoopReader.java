package org.cotangent.processor.frontend;

import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import org.cotangent.processor.diag.Message;
import org.cotangent.processor.ir.BinaryOp;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.Var;

import javax.lang.model.element.Element;
import javax.lang.model.type.TypeKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Reads loops and {@code switch} statements. A {@code switch} on an int becomes an if/else chain;
 * a case that falls through into the next one gets the next one's statements appended.
 */
final class LoopReader {
    private enum Target { LOOP, SWITCH }

    private final BodyReader reader;
    private final Deque<Target> targets = new ArrayDeque<>();

    LoopReader(BodyReader reader) {
        this.reader = reader;
    }

    Stmt loop(TreePath path, String label) {
        Tree tree = path.getLeaf();
        targets.push(Target.LOOP);
        try {
            switch (tree.getKind()) {
                case WHILE_LOOP: {
                    WhileLoopTree t = (WhileLoopTree) tree;
                    int mark = reader.effectsMark();
                    Expr cond = reader.expression(new TreePath(path, t.getCondition()));
                    List<Stmt> effects = reader.effectsSince(mark);
                    Stmt.Block body = reader.blockAt(new TreePath(path, t.getStatement()));
                    if (!effects.isEmpty()) {
                        // while (n-- > 0): the condition's effects run each time it is evaluated
                        return new Stmt.While(TRUE, testedFirst(effects, cond, body, reader.pos(tree)), label,
                                reader.pos(tree));
                    }
                    return new Stmt.While(cond, body, label, reader.pos(tree));
                }
                case DO_WHILE_LOOP: {
                    DoWhileLoopTree t = (DoWhileLoopTree) tree;
                    Stmt.Block body = reader.blockAt(new TreePath(path, t.getStatement()));
                    int mark = reader.effectsMark();
                    Expr cond = reader.expression(new TreePath(path, t.getCondition()));
                    List<Stmt> effects = reader.effectsSince(mark);
                    if (!effects.isEmpty()) {
                        if (continues(body, label, false)) {
                            reader.reporter().error(Message.CONDITIONAL_SIDE_EFFECT, t.getCondition(), reader.unit());
                            return null;
                        }
                        List<Stmt> all = new ArrayList<>(body.stmts());
                        effects.forEach(e -> all.add(BodyReader.at(e, reader.pos(tree))));
                        body = new Stmt.Block(all);
                    }
                    return new Stmt.DoWhile(body, cond, label, reader.pos(tree));
                }
                case FOR_LOOP: {
                    ForLoopTree t = (ForLoopTree) tree;
                    List<Stmt> init = new ArrayList<>();
                    for (StatementTree s : t.getInitializer()) {
                        Stmt stmt = reader.statementAt(new TreePath(path, s));
                        if (stmt != null) {
                            init.add(stmt);
                        }
                    }
                    int mark = reader.effectsMark();
                    Expr cond = t.getCondition() == null ? null
                            : reader.expression(new TreePath(path, t.getCondition()));
                    List<Stmt> effects = reader.effectsSince(mark);
                    List<Stmt> update = new ArrayList<>();
                    for (StatementTree s : t.getUpdate()) {
                        Stmt stmt = reader.statementAt(new TreePath(path, s));
                        if (stmt != null) {
                            update.add(stmt);
                        }
                    }
                    Stmt.Block body = reader.blockAt(new TreePath(path, t.getStatement()));
                    if (!effects.isEmpty()) {
                        return new Stmt.For(init, null, update, testedFirst(effects, cond, body, reader.pos(tree)), label,
                                reader.pos(tree));
                    }
                    return new Stmt.For(init, cond, update, body, label, reader.pos(tree));
                }
                default: {
                    EnhancedForLoopTree t = (EnhancedForLoopTree) tree;
                    TreePath varPath = new TreePath(path, t.getVariable());
                    Element element = reader.elementOf(varPath);
                    Optional<Type> type = TypeMapper.map(element.asType());
                    Expr array = reader.expression(new TreePath(path, t.getExpression()));
                    if (type.isEmpty() || type.get().base() == Type.Base.OTHER
                            || !(array.type().rank() > 0)) {
                        reader.reporter().error(Message.FOR_EACH_OVER, tree, reader.unit());
                        return null;
                    }
                    Var var = reader.declareLocal(element, t.getVariable().getName().toString(), type.get());
                    Stmt.Block body = reader.blockAt(new TreePath(path, t.getStatement()));
                    return new Stmt.ForEach(var, array, body, label, reader.pos(tree));
                }
            }
        } finally {
            targets.pop();
        }
    }

    /** An unlabelled break inside a switch case (not its last statement) is rejected. */
    private static final Expr TRUE = new Expr.Literal("true", Type.BOOLEAN);

    /** {@code { effects; if (!cond) break; body }}: a condition with side effects, tested at the top of each iteration. */
    private static Stmt.Block testedFirst(List<Stmt> effects, Expr cond, Stmt.Block body,
                                          org.cotangent.processor.ir.SourcePos pos) {
        List<Stmt> out = new ArrayList<>();
        effects.forEach(e -> out.add(BodyReader.at(e, pos)));
        out.add(new Stmt.If(cond, Stmt.Block.EMPTY, new Stmt.Block(List.of(new Stmt.Break(null, null))), null));
        out.addAll(body.stmts());
        return new Stmt.Block(out);
    }

    /**
     * Whether a continue in {@code body} goes to this loop's condition: an unlabelled one outside
     * nested loops, or one naming {@code label} anywhere.
     */
    private static boolean continues(Stmt body, String label, boolean nested) {
        boolean[] found = {false};
        if (body instanceof Stmt.Continue c) {
            return c.label() == null ? !nested : c.label().equals(label);
        }
        if (body instanceof Stmt.Block b) {
            b.stmts().forEach(x -> found[0] |= continues(x, label, nested));
        } else if (body instanceof Stmt.If f) {
            found[0] = continues(f.then(), label, nested) || continues(f.otherwise(), label, nested);
        } else if (body instanceof Stmt.While w) {
            found[0] = continues(w.body(), label, true);
        } else if (body instanceof Stmt.DoWhile d) {
            found[0] = continues(d.body(), label, true);
        } else if (body instanceof Stmt.For f) {
            found[0] = continues(f.body(), label, true);
        } else if (body instanceof Stmt.ForEach f) {
            found[0] = continues(f.body(), label, true);
        }
        return found[0];
    }

    boolean checkBreak(BreakTree tree) {
        if (tree.getLabel() == null && targets.peek() == Target.SWITCH) {
            reader.reporter().error(Message.BREAK_IN_SWITCH, tree, reader.unit());
            return false;
        }
        if (targets.isEmpty()) {
            return false;
        }
        return true;
    }

    Stmt switchStatement(TreePath path, SwitchTree tree) {
        TreePath selectorPath = new TreePath(path, tree.getExpression());
        if (reader.typeOf(selectorPath).getKind() != TypeKind.INT) {
            reader.reporter().error(Message.SWITCH_SELECTOR, tree, reader.unit(), reader.typeOf(selectorPath));
            return null;
        }
        Expr selector = reader.expression(selectorPath);
        // Each case's labels and statements; a case that falls through takes the next one's statements too.
        List<List<Expr>> labels = new ArrayList<>();
        List<Boolean> isDefault = new ArrayList<>();
        List<List<TreePath>> statements = new ArrayList<>();
        List<Boolean> falls = new ArrayList<>();
        List<Expr> pendingLabels = new ArrayList<>();
        boolean pendingDefault = false;
        List<? extends CaseTree> cases = tree.getCases();
        for (int c = 0; c < cases.size(); c++) {
            CaseTree k = cases.get(c);
            TreePath casePath = new TreePath(path, k);
            pendingDefault |= k.getExpressions().isEmpty();
            for (ExpressionTree label : k.getExpressions()) {
                pendingLabels.add(reader.expression(new TreePath(casePath, label)));
            }
            List<TreePath> body = new ArrayList<>();
            boolean fallsThrough = false;
            if (k.getCaseKind() == CaseTree.CaseKind.RULE) {
                Tree b = k.getBody();
                if (b instanceof StatementTree) {
                    body.add(new TreePath(casePath, b));
                } else {
                    reader.reporter().error(Message.CASE_BODY, b, reader.unit());
                }
            } else {
                List<? extends StatementTree> stmts = k.getStatements();
                if (stmts.isEmpty() && c < cases.size() - 1) {
                    continue;
                }
                int n = stmts.size();
                boolean endsInBreak = n > 0 && stmts.get(n - 1) instanceof BreakTree br && br.getLabel() == null;
                for (int i = 0; i < (endsInBreak ? n - 1 : n); i++) {
                    body.add(new TreePath(casePath, stmts.get(i)));
                }
                fallsThrough = !endsInBreak && c < cases.size() - 1 && !(n > 0 && switch (stmts.get(n - 1).getKind()) {
                    case RETURN, CONTINUE, THROW, BREAK -> true;
                    default -> false;
                });
            }
            labels.add(new ArrayList<>(pendingLabels));
            isDefault.add(pendingDefault);
            statements.add(body);
            falls.add(fallsThrough);
            pendingLabels.clear();
            pendingDefault = false;
        }
        List<Expr> conditions = new ArrayList<>();
        List<Stmt.Block> bodies = new ArrayList<>();
        Stmt.Block defaultBody = null;
        targets.push(Target.SWITCH);
        try {
            for (int c = 0; c < statements.size(); c++) {
                List<Stmt> body = new ArrayList<>();
                for (int d = c; d < statements.size(); d++) {
                    for (TreePath p : statements.get(d)) {
                        Stmt s = reader.statementAt(p);
                        if (s != null) {
                            body.add(s);
                        }
                    }
                    if (!falls.get(d)) {
                        break;
                    }
                }
                if (isDefault.get(c)) {
                    defaultBody = new Stmt.Block(body);
                } else {
                    Expr cond = null;
                    for (Expr label : labels.get(c)) {
                        Expr eq = new Expr.Binary(BinaryOp.EQ, selector, label, Type.BOOLEAN);
                        cond = cond == null ? eq : new Expr.Binary(BinaryOp.OR, cond, eq, Type.BOOLEAN);
                    }
                    conditions.add(cond);
                    bodies.add(new Stmt.Block(body));
                }
            }
        } finally {
            targets.pop();
        }
        Stmt.Block chain = defaultBody == null ? Stmt.Block.EMPTY : defaultBody;
        for (int i = conditions.size() - 1; i >= 0; i--) {
            Stmt.If f = new Stmt.If(conditions.get(i), bodies.get(i), chain, reader.pos(tree));
            chain = new Stmt.Block(List.of(f));
        }
        return chain;
    }
}
