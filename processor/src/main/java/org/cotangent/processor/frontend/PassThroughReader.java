package org.cotangent.processor.frontend;

import com.sun.source.tree.AssertTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import org.cotangent.processor.diag.Message;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.SourcePos;
import org.cotangent.processor.ir.Stmt;
import org.cotangent.processor.ir.Var;

import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code throw} and {@code assert}, which pass through every generated method that runs the
 * primal code: the exception (or the assertion's message) is kept as the user's source text, with
 * each local or parameter it reads made a hole filled from the IR (renamed as the IR is), and each
 * type, static field and static method it names qualified so that the generated class, in the same
 * package but without the user's imports, reaches the same one.
 */
final class PassThroughReader {
    private final Trees trees;
    private final CompilationUnitTree unit;
    private final Reporter reporter;
    private final ValueReader values;
    private final Elements elements;
    private final PackageElement userPackage;
    private final Map<Element, Var> vars;
    private final ExprReader exprs;
    private CharSequence source;

    PassThroughReader(Trees trees, CompilationUnitTree unit, Reporter reporter, Elements elements,
                      PackageElement userPackage, Map<Element, Var> vars, ExprReader exprs, ValueReader values) {
        this.values = values;
        this.trees = trees;
        this.unit = unit;
        this.reporter = reporter;
        this.elements = elements;
        this.userPackage = userPackage;
        this.vars = vars;
        this.exprs = exprs;
    }

    Stmt throwStatement(TreePath path, SourcePos pos) {
        ThrowTree tree = (ThrowTree) path.getLeaf();
        Template t = template(new TreePath(path, tree.getExpression()));
        return t == null ? null : new Stmt.Throw(t.text, t.holes, pos);
    }

    Stmt assertStatement(TreePath path, Expr condition, SourcePos pos) {
        AssertTree tree = (AssertTree) path.getLeaf();
        if (tree.getDetail() == null) {
            return new Stmt.Assert(condition, null, List.of(), pos);
        }
        Template t = template(new TreePath(path, tree.getDetail()));
        return t == null ? null : new Stmt.Assert(condition, t.text, t.holes, pos);
    }

    private record Template(String text, List<Expr> holes) {
    }

    private record Replacement(long start, long end, String text) {
    }

    private Template template(TreePath expression) {
        SourcePositions positions = trees.getSourcePositions();
        ExpressionTree root = (ExpressionTree) expression.getLeaf();
        long start = positions.getStartPosition(unit, root);
        long end = positions.getEndPosition(unit, root);
        String text = text(start, end);
        if (text == null) {
            return null;
        }
        List<Replacement> replacements = new ArrayList<>();
        List<Expr> holes = new ArrayList<>();
        boolean[] ok = {true};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitMemberSelect(com.sun.source.tree.MemberSelectTree node, Void unused) {
                Element element = trees.getElement(getCurrentPath());
                boolean arrayLength = node.getIdentifier().contentEquals("length") && trees.getTypeMirror(
                        new TreePath(getCurrentPath(), node.getExpression())) instanceof javax.lang.model.type.ArrayType;
                if (element == null || element.getKind() != javax.lang.model.element.ElementKind.FIELD || arrayLength) {
                    return super.visitMemberSelect(node, unused);
                }
                replace(node, field(getCurrentPath(), node, element, holes));
                return null;
            }

            @Override
            public Void visitMethodInvocation(com.sun.source.tree.MethodInvocationTree node, Void unused) {
                Expr leaf = exprs.componentCall(getCurrentPath());
                if (leaf == null) {
                    return super.visitMethodInvocation(node, unused);
                }
                if (leaf != BodyReader.ERROR) {
                    holes.add(leaf);
                }
                replace(node, leaf == BodyReader.ERROR ? null : Stmt.hole(holes.size() - 1));
                return null;
            }

            @Override
            public Void visitIdentifier(IdentifierTree node, Void unused) {
                replace(node, replacement(getCurrentPath(), node, holes));
                return null;
            }

            /** Replaces {@code node}'s text, or (for null, already reported) marks the template as failed. */
            private void replace(Tree node, String replacement) {
                if (replacement == null) {
                    ok[0] = false;
                } else {
                    replacements.add(new Replacement(positions.getStartPosition(unit, node),
                            positions.getEndPosition(unit, node), replacement));
                }
            }
        }.scan(expression, null);
        if (!ok[0]) {
            return null;
        }
        StringBuilder out = new StringBuilder(text);
        for (int k = replacements.size() - 1; k >= 0; k--) {
            Replacement r = replacements.get(k);
            out.replace((int) (r.start - start), (int) (r.end - start), r.text);
        }
        return new Template(out.toString(), holes);
    }

    /** What generated code writes for an identifier of the user's; null after reporting why it cannot. */
    private String replacement(TreePath path, IdentifierTree node, List<Expr> holes) {
        Element element = trees.getElement(path);
        String name = node.getName().toString();
        Expr value = values.rebuilt(path);
        if (value != null) {
            // a value printed whole: rebuilt from its leaves, so its toString is the original's
            if (value == BodyReader.ERROR) {
                return null;
            }
            holes.add(value);
            return Stmt.hole(holes.size() - 1);
        }
        if (name.equals("this") || element != null && element.getKind() == javax.lang.model.element.ElementKind.FIELD) {
            return field(path, node, element, holes);
        }
        if (element == null || name.equals("super")) {
            return unreachable(node, name, "this object");
        }
        switch (element.getKind()) {
            case LOCAL_VARIABLE, PARAMETER, RESOURCE_VARIABLE, BINDING_VARIABLE, EXCEPTION_PARAMETER -> {
                Var var = vars.get(element);
                if (var == null) {
                    return unreachable(node, name, "a variable of the message itself");
                }
                holes.add(new Expr.VarRef(var));
                return Stmt.hole(holes.size() - 1);
            }
            case CLASS, INTERFACE, ENUM, RECORD, ANNOTATION_TYPE -> {
                return TypeMapper.ownerName(elements, userPackage, (TypeElement) element);
            }
            case PACKAGE -> {
                return name;
            }
            case ENUM_CONSTANT, METHOD -> {
                boolean isStatic = element.getModifiers().contains(Modifier.STATIC);
                boolean isPrivate = element.getModifiers().contains(Modifier.PRIVATE);
                if (!isStatic || isPrivate) {
                    return unreachable(node, name, isPrivate ? "a private member" : "an instance member");
                }
                return TypeMapper.ownerName(elements, userPackage, (TypeElement) element.getEnclosingElement())
                        + "." + name;
            }
            default -> {
                return unreachable(node, name, element.getKind().toString().toLowerCase().replace('_', ' '));
            }
        }
    }

    /**
     * A field read (or {@code this}) in a message: a constant as javac inlines it, anything else
     * read as the IR reads it (so that a private field is reached through its handle) into a hole;
     * null after the expression reader reported why it cannot.
     */
    private String field(TreePath path, Tree node, Element element, List<Expr> holes) {
        if (element instanceof javax.lang.model.element.VariableElement v) {
            if (v.getConstantValue() != null) {
                return elements.getConstantExpression(v.getConstantValue());
            }
            java.util.Optional<org.cotangent.processor.ir.Type> type = TypeMapper.map(v.asType());
            if (type.isEmpty() || type.get().base() == org.cotangent.processor.ir.Type.Base.OTHER) {
                // a String or an object: named where the generated class can name it, else refused
                boolean isStatic = v.getModifiers().contains(Modifier.STATIC);
                boolean isPrivate = v.getModifiers().contains(Modifier.PRIVATE);
                if (!isStatic || isPrivate) {
                    return unreachable(node, v.getSimpleName().toString(),
                            isPrivate ? "a private member" : "an instance member");
                }
                return TypeMapper.ownerName(elements, userPackage, (TypeElement) v.getEnclosingElement()) + "."
                        + v.getSimpleName();
            }
        }
        Expr read = exprs.expression(path);
        if (read == BodyReader.ERROR) {
            return null;
        }
        holes.add(read);
        return Stmt.hole(holes.size() - 1);
    }

    private String unreachable(Tree node, String name, String kind) {
        reporter.error(Message.PASS_THROUGH_READS, node, unit, name, kind);
        return null;
    }

    private String text(long start, long end) {
        try {
            if (source == null) {
                source = unit.getSourceFile().getCharContent(true);
            }
        } catch (IOException e) {
            return null;
        }
        if (start < 0 || end <= start || end > source.length()) {
            return null;
        }
        return source.subSequence((int) start, (int) end).toString();
    }
}
