package org.cotangent.processor.frontend;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import org.cotangent.processor.diag.Finding;
import org.cotangent.processor.diag.Message;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.tools.Diagnostic;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The one way the processor reports problems, each a {@link Message} of the catalogue placed at a
 * tree or a declaration. It never throws; it counts errors so that callers can stop before
 * generating code for a method that had one.
 */
public final class Reporter {
    private final Messager messager;
    private final Trees trees;
    private int errors;
    private final Set<Object> reported = Collections.newSetFromMap(new IdentityHashMap<>());

    public Reporter(Messager messager, Trees trees) {
        this.messager = messager;
        this.trees = trees;
    }

    /** An error placed on {@code tree}: its line and column are what the user sees. */
    public void error(Message message, Tree tree, CompilationUnitTree unit, Object... args) {
        errors++;
        if (trees != null && tree != null && unit != null) {
            trees.printMessage(Diagnostic.Kind.ERROR, message.format(args), tree, unit);
        } else {
            messager.printMessage(Diagnostic.Kind.ERROR, message.format(args));
        }
    }

    /** An error placed on a declaration. */
    public void error(Message message, Element element, Object... args) {
        errors++;
        messager.printMessage(Diagnostic.Kind.ERROR, message.format(args), element);
    }

    /** An error placed on an annotation of a declaration. */
    public void errorOnAnnotation(Message message, Element element, AnnotationMirror annotation, Object... args) {
        errors++;
        messager.printMessage(Diagnostic.Kind.ERROR, message.format(args), element, annotation);
    }

    /**
     * Reports what an analysis of {@code method} found, each at the tree its IR node was read from
     * (a call or a statement), at the parameter a variable stands for, or else at the method.
     */
    public void report(List<Finding> findings, ReadResult read, ExecutableElement method) {
        CompilationUnitTree unit = trees == null || trees.getPath(method) == null ? null
                : trees.getPath(method).getCompilationUnit();
        for (Finding f : findings) {
            Tree tree = read.callSites().get(f.at());
            if (tree == null && f.at() instanceof org.cotangent.processor.ir.Stmt s) {
                tree = read.statementSites().get(s);
            }
            if (tree != null) {
                error(f.message(), tree, unit, f.args().toArray());
                continue;
            }
            Element at = method;
            if (f.at() instanceof org.cotangent.processor.ir.Var v) {
                for (VariableElement param : method.getParameters()) {
                    if (param.getSimpleName().contentEquals(v.name())) {
                        at = param;
                    }
                }
            }
            error(f.message(), at, f.args().toArray());
        }
    }

    /** True the first time it is asked about {@code key} (by identity): for problems found from several places. */
    public boolean firstTime(Object key) {
        return reported.add(key);
    }

    /** How many errors have been reported so far. */
    public int errorCount() {
        return errors;
    }
}
