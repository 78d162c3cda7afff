package org.cotangent.processor.diag;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The one way the processor reports problems. It never throws; it counts errors so that callers can
 * stop before generating code for a method that had one.
 */
public final class Reporter {
    private final Messager messager;
    private final Trees trees;
    private int errors;
    private final java.util.Set<Object> reported = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    public Reporter(Messager messager, Trees trees) {
        this.messager = messager;
        this.trees = trees;
    }

    /** An error placed on {@code tree}: its line and column are what the user sees. */
    public void error(Problem problem, String text, Tree tree, CompilationUnitTree unit) {
        errors++;
        if (trees != null && tree != null && unit != null) {
            trees.printMessage(Diagnostic.Kind.ERROR, problem.format(text), tree, unit);
        } else {
            messager.printMessage(Diagnostic.Kind.ERROR, problem.format(text));
        }
    }

    /** An error placed on a declaration. */
    public void error(Problem problem, String text, Element element) {
        errors++;
        messager.printMessage(Diagnostic.Kind.ERROR, problem.format(text), element);
    }

    /** An error placed on an annotation of a declaration. */
    public void error(Problem problem, String text, Element element, AnnotationMirror annotation) {
        errors++;
        messager.printMessage(Diagnostic.Kind.ERROR, problem.format(text), element, annotation);
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
