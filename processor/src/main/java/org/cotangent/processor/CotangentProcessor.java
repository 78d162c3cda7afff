package org.cotangent.processor;

import org.cotangent.processor.diag.Message;
import org.cotangent.processor.emit.ClassEmitter;
import org.cotangent.processor.frontend.CustomRules;
import org.cotangent.processor.frontend.MethodReader;
import org.cotangent.processor.frontend.ReadResult;
import org.cotangent.processor.frontend.Reporter;
import org.cotangent.processor.frontend.Sources;
import org.cotangent.processor.ir.Function;
import org.cotangent.processor.ir.GeneratedClass;
import org.cotangent.processor.ir.GeneratedMethod;
import org.cotangent.processor.lower.Inliner;
import org.cotangent.processor.naming.Names;
import org.cotangent.processor.transform.GradWrapper;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 *   <li>{@code lower}: rewrite to a single exit;</li>
 *   <li>{@code analysis}: activity (what carries derivatives);</li>
 *   <li>{@code transform}: generate the derivative methods as IR, with the rules of {@code rules};</li>
 *   <li>{@code emit}: print them as Java source with JavaParser.</li>
 * </ol>
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

    private final CustomRules customRules = new CustomRules();
    private final CustomRules jvpRules = new CustomRules(CustomRules.CUSTOM_JVP);
    /** Each derivatives class generated (or about to be) in this compilation, with the class it is for. */
    private final Map<String, TypeElement> generatedFor = new HashMap<>();
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
     */
    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(INLINE_OPTION);
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
                reporter.error(Message.NO_TREE_API, byClass.values().iterator().next().get(0));
            }
            return claimed;
        }
        Set<TypeElement> clashing = clashingOwners(byClass.keySet());
        for (Map.Entry<TypeElement, List<ExecutableElement>> e : byClass.entrySet()) {
            if (clashing.contains(e.getKey())) {
                continue;
            }
            try {
                processClass(e.getKey(), e.getValue(), annotation);
            } catch (RuntimeException | LinkageError | StackOverflowError t) {
                reporter.error(Message.INTERNAL_CLASS, e.getKey(), e.getKey().getSimpleName(),
                        t.getClass().getSimpleName() + ": " + t.getMessage());
            }
        }
        return claimed;
    }

    private void processClass(TypeElement owner, List<ExecutableElement> methods, TypeElement annotation) {
        if (!checkOwner(owner, methods.get(0))) {
            return;
        }
        MethodReader reader = sources.methodReader(processingEnv.getElementUtils(), customRules, jvpRules);
        List<GeneratedClass.RecordDecl> records = new ArrayList<>();
        List<GeneratedMethod> out = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        methods.forEach(m -> counts.merge(m.getSimpleName().toString(), 1, Integer::sum));
        Map<ExecutableElement, ReadResult> reads = new java.util.LinkedHashMap<>();
        for (ExecutableElement method : methods) {
            String name = method.getSimpleName().toString();
            if (counts.get(name) > 1) {
                reporter.error(Message.OVERLOADED, method, name, Names.grad(name), Names.vjp(name));
                continue;
            }
            try {
                reader.read(method, annotationOf(method, annotation)).ifPresent(read -> reads.put(method, read));
            } catch (RuntimeException | StackOverflowError t) {
                internalError(name, t, method);
            }
        }
        Map<String, Function> inlinable = inlinable(reads);
        for (Map.Entry<ExecutableElement, ReadResult> entry : reads.entrySet()) {
            ExecutableElement method = entry.getKey();
            ReadResult read = entry.getValue();
            String name = method.getSimpleName().toString();
            try {
                Map<String, Function> callees = new HashMap<>(inlinable);
                callees.remove(name);
                FunctionCompiler.Compiled compiled = FunctionCompiler.compile(read, callees);
                reporter.report(compiled.findings(), read, method);
                if (!compiled.methods().isEmpty()) {
                    if (read.function().returnType().isScalarDouble()) {
                        records.add(GradWrapper.record(read.function()));
                    }
                    out.addAll(compiled.methods());
                }
            } catch (RuntimeException | StackOverflowError t) {
                internalError(name, t, method);
            }
        }
        if (out.isEmpty()) {
            return;
        }
        String pkg = processingEnv.getElementUtils().getPackageOf(owner).getQualifiedName().toString();
        String nested = nestedName(owner);
        String simpleName = Names.derivativesClass(nested);
        String qualified = derivativesOf(owner);
        GeneratedClass cls = new GeneratedClass(pkg, simpleName,
                "Derivatives of the {@code @Differentiable} methods of {@link " + nested + "}, generated by "
                        + "Cotangent. Do not edit: change " + nested + " and recompile.",
                org.cotangent.processor.naming.RuntimeClasses.IMPORTED, packageTypes(owner), records, out);
        write(qualified, ClassEmitter.emit(cls), owner);
    }

    /** The simple names of the top-level types of {@code owner}'s package that this compilation sees. */
    private Set<String> packageTypes(TypeElement owner) {
        Set<String> out = new HashSet<>();
        for (Element e : processingEnv.getElementUtils().getPackageOf(owner).getEnclosedElements()) {
            out.add(e.getSimpleName().toString());
        }
        return out;
    }

    private String nestedName(TypeElement owner) {
        String pkg = processingEnv.getElementUtils().getPackageOf(owner).getQualifiedName().toString();
        return owner.getQualifiedName().toString().substring(pkg.isEmpty() ? 0 : pkg.length() + 1);
    }

    /** The qualified name of the derivatives class of {@code owner}. */
    private String derivativesOf(TypeElement owner) {
        String pkg = processingEnv.getElementUtils().getPackageOf(owner).getQualifiedName().toString();
        String simpleName = Names.derivativesClass(nestedName(owner));
        return pkg.isEmpty() ? simpleName : pkg + "." + simpleName;
    }

    /**
     * The classes whose derivatives class would have the name of another's ({@code Foo.A} and
     * {@code Foo_A} both give {@code Foo_ADerivatives}) or of a class of the user's: each is
     * reported, and none of them generated, since callers of either would reach the wrong one.
     */
    private Set<TypeElement> clashingOwners(Set<TypeElement> owners) {
        Map<String, List<TypeElement>> byName = new LinkedHashMap<>();
        for (TypeElement owner : owners) {
            byName.computeIfAbsent(derivativesOf(owner), k -> new ArrayList<>()).add(owner);
        }
        Set<TypeElement> clashing = new HashSet<>();
        for (Map.Entry<String, List<TypeElement>> e : byName.entrySet()) {
            List<TypeElement> all = new ArrayList<>(e.getValue());
            TypeElement earlier = generatedFor.get(e.getKey());
            if (earlier != null && !all.contains(earlier)) {
                all.add(0, earlier);
            }
            TypeElement user = processingEnv.getElementUtils().getTypeElement(e.getKey());
            boolean userClass = user != null && sources.hasSource(user) && !isGenerated(user);
            if (all.size() == 1 && !userClass) {
                generatedFor.put(e.getKey(), all.get(0));
                continue;
            }
            String simple = e.getKey().substring(e.getKey().lastIndexOf('.') + 1);
            for (TypeElement owner : e.getValue()) {
                clashing.add(owner);
                if (userClass) {
                    reporter.error(Message.DERIVATIVES_CLASS_TAKEN, owner, nestedName(owner), simple);
                } else {
                    String others = all.stream().filter(o -> o != owner).map(o -> "'" + nestedName(o) + "'")
                            .collect(java.util.stream.Collectors.joining(" and "));
                    reporter.error(Message.DERIVATIVES_CLASS_SHARED, owner, nestedName(owner), simple, others);
                }
            }
        }
        return clashing;
    }

    private static boolean isGenerated(TypeElement type) {
        for (AnnotationMirror m : type.getAnnotationMirrors()) {
            if (m.getAnnotationType().toString().equals("javax.annotation.processing.Generated")) {
                return m.getElementValues().values().stream()
                        .anyMatch(v -> String.valueOf(v.getValue()).equals(ClassEmitter.GENERATOR));
            }
        }
        return false;
    }

    private void internalError(String name, Throwable t, ExecutableElement method) {
        reporter.error(Message.INTERNAL_METHOD, method, name, t.getClass().getSimpleName() + ": " + t.getMessage());
    }

    /**
     * The methods of one class that callers in it may inline, by name: static, read without error,
     * small ({@link Inliner#isInlinable}), and without a rule of the user's, which must be used.
     */
    private Map<String, Function> inlinable(Map<ExecutableElement, ReadResult> reads) {
        Map<String, Function> out = new HashMap<>();
        if ("false".equals(processingEnv.getOptions().get(INLINE_OPTION))) {
            return out;
        }
        for (Map.Entry<ExecutableElement, ReadResult> e : reads.entrySet()) {
            ExecutableElement method = e.getKey();
            Function fn = e.getValue().function();
            if (e.getValue().complete() && method.getModifiers().contains(Modifier.STATIC)
                    && customRules.ruleFor(method).isEmpty() && jvpRules.ruleFor(method).isEmpty()
                    && Inliner.isInlinable(fn)) {
                out.put(fn.name(), fn);
            }
        }
        return out;
    }

    private boolean checkOwner(TypeElement owner, ExecutableElement first) {
        boolean nestedOk = owner.getNestingKind() == NestingKind.TOP_LEVEL
                || (owner.getNestingKind() == NestingKind.MEMBER && owner.getModifiers().contains(Modifier.STATIC));
        if (!nestedOk || (owner.getKind() != ElementKind.CLASS)) {
            String where = owner.getKind() == ElementKind.CLASS ? "an inner (non-static) class"
                    : "a" + (owner.getKind() == ElementKind.INTERFACE || owner.getKind() == ElementKind.ENUM ? "n " : " ")
                    + owner.getKind().toString().toLowerCase().replace('_', ' ');
            reporter.error(Message.OWNER_KIND, first, where, first.getSimpleName());
            return false;
        }
        return true;
    }

    private static AnnotationMirror annotationOf(ExecutableElement method, TypeElement annotation) {
        for (AnnotationMirror m : method.getAnnotationMirrors()) {
            if (m.getAnnotationType().asElement().equals(annotation)) {
                return m;
            }
        }
        throw new IllegalStateException("annotation not found on " + method);
    }

    private void write(String qualified, String source, TypeElement owner) {
        try {
            JavaFileObject file = processingEnv.getFiler().createSourceFile(qualified, owner);
            try (Writer w = file.openWriter()) {
                w.write(source);
            }
        } catch (IOException e) {
            reporter.error(Message.WRITE_FAILED, owner, qualified, e.getMessage());
        }
    }
}
