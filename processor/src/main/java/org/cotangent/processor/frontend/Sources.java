package org.cotangent.processor.frontend;

import com.sun.source.util.Trees;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;
import java.util.Set;

/**
 * The front end's door to javac's Tree API for the processor: whether the compiler offers it, the
 * reporter that places errors in the source, and the readers built on it. The rest of the
 * processor never sees a tree.
 */
public final class Sources {
    private final Trees trees;
    private final Reporter reporter;

    private Sources(Trees trees, Reporter reporter) {
        this.trees = trees;
        this.reporter = reporter;
    }

    /**
     * The sources of this compilation, read through javac's trees, also where a build tool wraps
     * javac's environment ({@link JavacEnvironment}); without the Tree API (not javac) every
     * question has no answer.
     */
    public static Sources of(ProcessingEnvironment env) {
        Trees trees = JavacEnvironment.trees(env).orElse(null);
        return new Sources(trees, new Reporter(env.getMessager(), trees));
    }

    /** Whether the compiler gives access to method bodies (javac does). */
    public boolean available() {
        return trees != null;
    }

    public Reporter reporter() {
        return reporter;
    }

    /** Whether {@code element} was read from a source file of this compilation. */
    public boolean hasSource(Element element) {
        return trees != null && trees.getPath(element) != null;
    }

    /** Reports {@code @Differentiable} methods of anonymous and local classes, which javac hides from processors. */
    public void checkHiddenMethods(Set<? extends Element> roots) {
        if (trees != null) {
            new HiddenMethods(trees, reporter).check(roots);
        }
    }

    public MethodReader methodReader(Elements elements, CustomRules customRules, CustomRules jvpRules) {
        return new MethodReader(trees, elements, reporter, customRules, jvpRules);
    }
}
