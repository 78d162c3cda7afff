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

    public Attribution(Trees trees) {
        this.trees = trees;
    }

    /** Makes javac attribute the class around {@code method}; returns false if it did not. */
    public boolean attribute(TreePath method) {
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

    /** The exact type javac gave the expression at {@code path}. */
    public TypeMirror typeOf(TreePath path) {
        TypeMirror type = trees.getTypeMirror(path);
        if (type == null) {
            throw new IllegalStateException("javac left an expression without a type: " + path.getLeaf());
        }
        return type;
    }
}
