package org.cotangent.processor;

import org.cotangent.processor.diag.Message;
import org.cotangent.processor.frontend.CustomRules;
import org.cotangent.processor.frontend.Reporter;
import org.cotangent.processor.frontend.Sources;
import org.cotangent.processor.lower.Inliner;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cotangent's annotation processor. For every class with {@code @Differentiable} methods it writes
 * {@code <Class>Derivatives}, through this pipeline (one package per stage):
 *
 * <ol>
 *   <li>{@code frontend}: read each method from javac's trees into the IR, reporting what is
 *       outside the differentiable subset;</li>
 *   <li>{@code lower}: calls into statements, small callees inlined, a single exit;</li>
 *   <li>{@code analysis}: activity, what reverse mode must record, whether every derivative exists;</li>
 *   <li>{@code transform}: the derivative methods as IR, by the chain rule of {@code rules};</li>
 *   <li>{@code cleanup}: dead stores and needless zero initialisations removed;</li>
 *   <li>{@code emit}: print them as Java source with JavaParser.</li>
 * </ol>
 * This class only finds the classes to differentiate and hands each to {@link ClassCompiler}.
 *
 * <p>It never lets an exception reach javac: an internal failure becomes an error on the method.
 */
public final class CotangentProcessor extends AbstractProcessor {
    static final String DIFFERENTIABLE = "org.cotangent.Differentiable";
    private static final Set<String> OWN = Set.of(DIFFERENTIABLE, CustomRules.CUSTOM_VJP, CustomRules.CUSTOM_JVP,
            "javax.annotation.processing.Generated");

    private Sources sources;
    private Reporter reporter;
    static final String INLINE_OPTION = "cotangent.inline";
    static final String SECOND_ORDER_OPTION = "cotangent.secondOrder";
    static final String CHECKPOINT_OPTION = "cotangent.checkpoint";
    static final String CHECKPOINT_MEMORY_OPTION = "cotangent.checkpointMemory";
    static final String REASSOCIATE_OPTION = "cotangent.reassociate";
    static final long DEFAULT_CHECKPOINT_MEMORY = 64L << 20;

    private final CustomRules customRules = new CustomRules();
    private final CustomRules jvpRules = new CustomRules(CustomRules.CUSTOM_JVP);
    private DerivativesClasses classes;
    private boolean reportedNoTrees;

    /**
     * Every annotation: javac does not report {@code @Differentiable} on methods of anonymous and
     * local classes, which this processor must find in the sources to reject them. It claims a
     * round's annotations only when all of them are its own, so other processors see theirs.
     */
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    /**
     * {@code -Acotangent.inline=false} turns off the inlining of small callees of the caller's own
     * class ({@link Inliner}): every call then runs the callee's pullback, as calls across classes do.
     * {@code -Acotangent.secondOrder=false} leaves out second order ({@code _vjpTangent},
     * {@code _hvp}, {@code _hessian}) in this compilation: about 40% of the generated code.
     * {@code -Acotangent.checkpoint=always|never} checkpoints every loop reverse mode can checkpoint,
     * or none, instead of choosing per loop by cost ({@code auto}, the default).
     * {@code -Acotangent.checkpointMemory=BYTES} bounds the states a checkpointed loop keeps (default
     * 64 MiB): above it, binomial checkpointing keeps as many as fit.
     * {@code -Acotangent.reassociate=true} lets generated loops add pure sums in four partial sums
     * ({@link org.cotangent.processor.cleanup.SplitSums}): faster, and no longer bit-identical to the
     * user's method (default false).
     */
    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(INLINE_OPTION, SECOND_ORDER_OPTION, CHECKPOINT_OPTION, CHECKPOINT_MEMORY_OPTION,
                REASSOCIATE_OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        sources = Sources.of(env);
        reporter = sources.reporter();
        classes = new DerivativesClasses(env.getElementUtils(), sources, reporter);
        ClassCompiler.checkOptions(env);
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        TypeElement annotation = processingEnv.getElementUtils().getTypeElement(DIFFERENTIABLE);
        if (annotation == null || round.processingOver()) {
            return false;
        }
        // claimed only when every annotation of the round is ours: others' stay visible to their processors
        boolean claimed = !annotations.isEmpty() && annotations.stream().allMatch(a -> OWN.contains(
                a.getQualifiedName().toString()));
        TypeElement customVjp = processingEnv.getElementUtils().getTypeElement(CustomRules.CUSTOM_VJP);
        if (customVjp != null) {
            for (Element e : round.getElementsAnnotatedWith(customVjp)) {
                if (e instanceof ExecutableElement rule) {
                    customRules.register(rule);
                    new RuleChecker(reporter, processingEnv.getElementUtils(), CustomRules.CUSTOM_VJP).check(rule);
                }
            }
        }
        TypeElement customJvp = processingEnv.getElementUtils().getTypeElement(CustomRules.CUSTOM_JVP);
        if (customJvp != null) {
            for (Element e : round.getElementsAnnotatedWith(customJvp)) {
                if (e instanceof ExecutableElement rule) {
                    jvpRules.register(rule);
                    new RuleChecker(reporter, processingEnv.getElementUtils(), CustomRules.CUSTOM_JVP).check(rule);
                }
            }
        }
        sources.checkHiddenMethods(round.getRootElements());
        Map<TypeElement, List<ExecutableElement>> byClass = new LinkedHashMap<>();
        for (Element e : round.getElementsAnnotatedWith(annotation)) {
            if (e instanceof ExecutableElement m && e.getKind() == ElementKind.METHOD) {
                byClass.computeIfAbsent((TypeElement) m.getEnclosingElement(), k -> new ArrayList<>()).add(m);
            }
        }
        if (byClass.isEmpty()) {
            return claimed;
        }
        if (!sources.available()) {
            if (!reportedNoTrees) {
                reportedNoTrees = true;
                reporter.error(Message.NO_TREE_API, firstInDeclarationOrder(byClass));
            }
            return claimed;
        }
        Set<TypeElement> clashing = classes.clashingOwners(byClass.keySet());
        ClassCompiler compiler = new ClassCompiler(processingEnv, sources, customRules, jvpRules, classes);
        for (Map.Entry<TypeElement, List<ExecutableElement>> e : byClass.entrySet()) {
            if (clashing.contains(e.getKey())) {
                continue;
            }
            try {
                compiler.compile(e.getKey(), e.getValue(), annotation);
            } catch (RuntimeException | LinkageError | StackOverflowError t) {
                reporter.error(Message.INTERNAL_CLASS, e.getKey(), e.getKey().getSimpleName(),
                        t.getClass().getSimpleName() + ": " + t.getMessage());
            }
        }
        return claimed;
    }

    /**
     * The method to put a compilation-wide error on, the same under every compiler: the first
     * annotated method, in declaration order, of the first class by name (a compiler without trees
     * need not give the round's elements in source order).
     */
    private static ExecutableElement firstInDeclarationOrder(Map<TypeElement, List<ExecutableElement>> byClass) {
        TypeElement owner = byClass.keySet().stream()
                .min(Comparator.comparing(t -> t.getQualifiedName().toString()))
                .orElseThrow();
        List<ExecutableElement> methods = byClass.get(owner);
        return owner.getEnclosedElements().stream()
                .filter(methods::contains)
                .map(ExecutableElement.class::cast)
                .findFirst()
                .orElse(methods.get(0));
    }
}
