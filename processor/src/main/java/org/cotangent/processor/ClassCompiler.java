package org.cotangent.processor;

import org.cotangent.processor.diag.Message;
import org.cotangent.processor.emit.ClassEmitter;
import org.cotangent.processor.emit.TangentClassEmitter;
import org.cotangent.processor.ir.ValueType;
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
import org.cotangent.processor.transform.reverse.Checkpointing;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
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
import java.util.List;
import java.util.Map;

/**
 * One class's way through the pipeline: read its {@code @Differentiable} methods (the front end),
 * compile each ({@link FunctionCompiler}), and write {@code <Class>Derivatives} (the emitter). An
 * internal failure of one method becomes an error on that method; the others are still generated.
 */
final class ClassCompiler {
    private final ProcessingEnvironment env;
    private final Sources sources;
    private final Reporter reporter;
    private final CustomRules customRules;
    private final CustomRules jvpRules;
    private final DerivativesClasses classes;

    ClassCompiler(ProcessingEnvironment env, Sources sources, CustomRules customRules, CustomRules jvpRules,
                  DerivativesClasses classes) {
        this.env = env;
        this.sources = sources;
        this.reporter = sources.reporter();
        this.customRules = customRules;
        this.jvpRules = jvpRules;
        this.classes = classes;
    }

    /** Reads, differentiates and writes the derivatives class of {@code owner}, reporting every problem. */
    void compile(TypeElement owner, List<ExecutableElement> methods, TypeElement annotation) {
        if (!checkOwner(owner, methods.get(0))) {
            return;
        }
        MethodReader reader = sources.methodReader(env.getElementUtils(), customRules, jvpRules);
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
                FunctionCompiler.Compiled compiled = FunctionCompiler.compile(read, callees,
                        !"false".equals(env.getOptions().get(CotangentProcessor.SECOND_ORDER_OPTION)),
                        checkpointing(env), checkpointMemory(env),
                        "true".equals(env.getOptions().get(CotangentProcessor.REASSOCIATE_OPTION)));
                reporter.report(compiled.findings(), read, method);
                if (!compiled.methods().isEmpty()) {
                    if (read.function().returnType().isScalarDouble()) {
                        records.add(GradWrapper.record(read.function()));
                    }
                    if (read.function().valueReturn() != null
                            && compiled.methods().stream().anyMatch(m -> m.name().equals(Names.jvp(name)))) {
                        records.add(GradWrapper.dualRecord(read.function()));
                    }
                    out.addAll(compiled.methods());
                    writeTangents(read.function(), owner);
                }
            } catch (RuntimeException | StackOverflowError t) {
                internalError(name, t, method);
            }
        }
        if (out.isEmpty()) {
            return;
        }
        String pkg = env.getElementUtils().getPackageOf(owner).getQualifiedName().toString();
        String nested = classes.nestedName(owner);
        String simpleName = Names.derivativesClass(nested);
        String qualified = classes.derivativesOf(owner);
        GeneratedClass cls = new GeneratedClass(pkg, simpleName,
                "Derivatives of the {@code @Differentiable} methods of {@link " + nested + "}, generated by "
                        + "Cotangent. Do not edit: change " + nested + " and recompile.",
                org.cotangent.processor.naming.RuntimeClasses.IMPORTED, classes.packageTypes(owner), records, out);
        write(qualified, ClassEmitter.emit(cls), owner);
    }

    /** The tangent class of each value type at {@code fn}'s boundary, and of the value types inside them. */
    private void writeTangents(Function fn, TypeElement owner) {
        java.util.ArrayDeque<ValueType> todo = new java.util.ArrayDeque<>();
        fn.valueParams().stream().filter(p -> p.type().isActive()).forEach(p -> todo.add(p.type()));
        if (fn.valueReturn() != null) {
            todo.add(fn.valueReturn());
        }
        while (!todo.isEmpty()) {
            ValueType type = todo.poll();
            type.activeComponents().stream().filter(c -> c.nested() != null).forEach(c -> todo.add(c.nested()));
            String qualified = type.packageName().isEmpty() ? type.tangentName()
                    : type.packageName() + "." + type.tangentName();
            if (classes.claimTangent(qualified)) {
                write(qualified, TangentClassEmitter.emit(type), owner);
            }
        }
    }

    private void internalError(String name, Throwable t, ExecutableElement method) {
        reporter.error(Message.INTERNAL_METHOD, method, name, t.getClass().getSimpleName() + ": " + t.getMessage());
    }

    /** {@code -Acotangent.checkpoint}; a value it does not know is reported once, by {@link #checkOptions}, and means auto. */
    static Checkpointing checkpointing(ProcessingEnvironment env) {
        try {
            return Checkpointing.of(env.getOptions().get(CotangentProcessor.CHECKPOINT_OPTION));
        } catch (IllegalArgumentException e) {
            return Checkpointing.AUTO;
        }
    }

    /** {@code -Acotangent.checkpointMemory=BYTES}: what a checkpointed loop's kept states may take (default 64 MiB). */
    static long checkpointMemory(ProcessingEnvironment env) {
        String option = env.getOptions().get(CotangentProcessor.CHECKPOINT_MEMORY_OPTION);
        try {
            long bytes = option == null || option.isBlank() ? CotangentProcessor.DEFAULT_CHECKPOINT_MEMORY
                    : Long.parseLong(option.trim());
            return bytes > 0 ? bytes : CotangentProcessor.DEFAULT_CHECKPOINT_MEMORY;
        } catch (NumberFormatException e) {
            return CotangentProcessor.DEFAULT_CHECKPOINT_MEMORY;
        }
    }

    /** Reports, as compile errors, processor options whose values the processor does not understand. */
    static void checkOptions(ProcessingEnvironment env) {
        String reassociate = env.getOptions().get(CotangentProcessor.REASSOCIATE_OPTION);
        if (reassociate != null && !reassociate.equals("true") && !reassociate.equals("false")) {
            env.getMessager().printMessage(javax.tools.Diagnostic.Kind.ERROR, "cotangent.reassociate must be true or "
                    + "false, not '" + reassociate + "': write -Acotangent.reassociate=true to let generated loops add "
                    + "sums in a different order");
        }
        try {
            Checkpointing.of(env.getOptions().get(CotangentProcessor.CHECKPOINT_OPTION));
        } catch (IllegalArgumentException e) {
            env.getMessager().printMessage(javax.tools.Diagnostic.Kind.ERROR, e.getMessage());
        }
        String memory = env.getOptions().get(CotangentProcessor.CHECKPOINT_MEMORY_OPTION);
        boolean valid;
        try {
            valid = memory == null || Long.parseLong(memory.trim()) > 0;
        } catch (NumberFormatException e) {
            valid = false;
        }
        if (!valid) {
            env.getMessager().printMessage(javax.tools.Diagnostic.Kind.ERROR, "cotangent.checkpointMemory must be a "
                    + "positive number of bytes, not '" + memory + "': write e.g. -Acotangent.checkpointMemory=67108864");
        }
    }

    /**
     * The methods of one class that callers in it may inline, by name: static, read without error,
     * small ({@link Inliner#isInlinable}), and without a rule of the user's, which must be used.
     */
    private Map<String, Function> inlinable(Map<ExecutableElement, ReadResult> reads) {
        Map<String, Function> out = new HashMap<>();
        if ("false".equals(env.getOptions().get(CotangentProcessor.INLINE_OPTION))) {
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
        if (!nestedOk || (owner.getKind() != ElementKind.CLASS && owner.getKind() != ElementKind.RECORD)) {
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
            JavaFileObject file = env.getFiler().createSourceFile(qualified, owner);
            try (Writer w = file.openWriter()) {
                w.write(source);
            }
        } catch (IOException e) {
            reporter.error(Message.WRITE_FAILED, owner, qualified, e.getMessage());
        }
    }
}
