package org.cotangent.processor.frontend;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import org.cotangent.processor.diag.Message;

import javax.lang.model.element.Element;
import java.util.Set;

/**
 * javac does not show annotation processors the methods of anonymous and local classes, so a
 * {@code @Differentiable} there would be silently ignored: this scan of the sources finds them and
 * reports each one.
 */
public final class HiddenMethods {
    private final Trees trees;
    private final Reporter reporter;

    public HiddenMethods(Trees trees, Reporter reporter) {
        this.trees = trees;
        this.reporter = reporter;
    }

    public void check(Set<? extends Element> roots) {
        for (Element root : roots) {
            TreePath path = trees.getPath(root);
            if (path == null) {
                continue;
            }
            new TreePathScanner<Void, Integer>() {
                @Override
                public Void visitNewClass(com.sun.source.tree.NewClassTree node, Integer depthInMethods) {
                    return super.visitNewClass(node, depthInMethods + (node.getClassBody() != null ? 1 : 0));
                }

                @Override
                public Void visitMethod(MethodTree node, Integer depthInMethods) {
                    if (depthInMethods > 0 && isDifferentiable(node)) {
                        reporter.error(Message.HIDDEN_METHOD, node, getCurrentPath().getCompilationUnit(),
                                node.getName());
                    }
                    return super.visitMethod(node, depthInMethods + 1);
                }
            }.scan(path, 0);
        }
    }

    private static boolean isDifferentiable(MethodTree method) {
        for (AnnotationTree a : method.getModifiers().getAnnotations()) {
            Tree type = a.getAnnotationType();
            String name = type.toString();
            if (name.equals("Differentiable") || name.equals("org.cotangent.Differentiable")) {
                return true;
            }
        }
        return false;
    }
}
