package org.cotangent.processor.frontend;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;

import javax.lang.model.type.TypeMirror;

/**
 * The one class that relies on javac attributing method bodies on demand.
 *
 * <p>During annotation processing javac has not yet attributed method bodies, so
 * {@link Trees#getTypeMirror} returns null for every expression. Asking for the element of any node
 * inside a body makes javac attribute the whole enclosing class; from then on every expression has
 * its exact type and every call its resolved method. That is javac behaviour, not an API promise:
 * {@link #typeOf} fails loudly (and {@code AttributionTest} checks on each JDK) if it stops holding.
 */
public final class Attribution {
    private final Trees trees;
    private final Reporter reporter;
    private final javax.lang.model.util.Elements elements;
    private final java.util.Map<com.sun.source.tree.CompilationUnitTree, Boolean> refusedUnits =
            new java.util.IdentityHashMap<>();

    /** {@code reporter} and {@code elements} serve {@link #refuses}; without them nothing is refused. */
    public Attribution(Trees trees, Reporter reporter,
                       javax.lang.model.util.Elements elements) {
        this.trees = trees;
        this.reporter = reporter;
        this.elements = elements;
    }

    /**
     * Makes javac attribute the class around {@code method}; returns false if it did not, or if it
     * must not ({@link #refuses}, reported).
     */
    public boolean attribute(TreePath method) {
        if (refuses(method)) {
            return false;
        }
        MethodTree tree = (MethodTree) method.getLeaf();
        if (tree.getBody() == null) {
            return true;
        }
        TreePath[] first = new TreePath[1];
        new TreePathScanner<Void, Void>() {
            @Override
            public Void scan(Tree node, Void unused) {
                if (first[0] == null && node instanceof ExpressionTree) {
                    first[0] = new TreePath(getCurrentPath(), node);
                    return null;
                }
                return first[0] == null ? super.scan(node, unused) : null;
            }
        }.scan(new TreePath(method, tree.getBody()), null);
        if (first[0] == null) {
            return true;
        }
        trees.getElement(first[0]);
        return trees.getTypeMirror(first[0]) != null;
    }

    /**
     * Whether attributing the file of {@code method} now would crash javac later, which it does when
     * a local declared with {@code var} takes its type from a class not generated yet
     * ({@code var g = FooDerivatives.f_grad(x);} in the class of {@code f}): javac keeps the erroneous
     * type it inferred in the tree across rounds and fails in flow analysis. Such a declaration is
     * reported once, with the type to write instead, and the file is not attributed.
     */
    public boolean refuses(TreePath method) {
        if (reporter == null) {
            return false;
        }
        com.sun.source.tree.CompilationUnitTree unit = method.getCompilationUnit();
        return refusedUnits.computeIfAbsent(unit, this::scan);
    }

    private boolean scan(com.sun.source.tree.CompilationUnitTree unit) {
        String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
        boolean[] refused = {false};
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitVariable(com.sun.source.tree.VariableTree node, Void unused) {
                if (node.getType() == null && node.getInitializer() != null) {
                    String missing = missingDerivatives(node.getInitializer(), pkg);
                    if (missing != null) {
                        refused[0] = true;
                        if (reporter.firstTime(node)) {
                            reporter.error(org.cotangent.processor.diag.Message.VAR_OF_GENERATED, node, unit,
                                    node.getName(), missing);
                        }
                    }
                }
                return super.visitVariable(node, unused);
            }
        }.scan(new TreePath(unit), null);
        return refused[0];
    }

    /** A name {@code ...Derivatives} read in {@code e} that is not a class yet, or null. */
    private String missingDerivatives(com.sun.source.tree.ExpressionTree e, String pkg) {
        String[] found = {null};
        new com.sun.source.util.TreeScanner<Void, Void>() {
            @Override
            public Void visitIdentifier(com.sun.source.tree.IdentifierTree node, Void unused) {
                check(node.getName().toString());
                return null;
            }

            @Override
            public Void visitMemberSelect(com.sun.source.tree.MemberSelectTree node, Void unused) {
                check(node.getIdentifier().toString());
                return super.visitMemberSelect(node, unused);
            }

            private void check(String name) {
                if (found[0] == null && name.endsWith("Derivatives") && name.length() > "Derivatives".length()
                        && elements.getTypeElement(pkg.isEmpty() ? name : pkg + "." + name) == null
                        && elements.getTypeElement(name) == null) {
                    found[0] = name;
                }
            }
        }.scan(e, null);
        return found[0];
    }

    /**
     * The methods the body of {@code method} calls, resolved by javac (which this attributes), or
     * empty if the file must not be attributed ({@link #refuses}).
     */
    public java.util.Set<javax.lang.model.element.ExecutableElement> calledMethods(TreePath method) {
        java.util.Set<javax.lang.model.element.ExecutableElement> called = new java.util.LinkedHashSet<>();
        if (!attribute(method)) {
            return called;
        }
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitMethodInvocation(com.sun.source.tree.MethodInvocationTree node, Void unused) {
                if (trees.getElement(getCurrentPath()) instanceof javax.lang.model.element.ExecutableElement m) {
                    called.add(m);
                }
                return super.visitMethodInvocation(node, unused);
            }
        }.scan(method, null);
        return called;
    }

    /** The exact type javac gave the expression at {@code path}. */
    public TypeMirror typeOf(TreePath path) {
        TypeMirror type = trees.getTypeMirror(path);
        if (type == null) {
            throw new IllegalStateException("javac left an expression without a type: " + path.getLeaf());
        }
        return type;
    }
}
