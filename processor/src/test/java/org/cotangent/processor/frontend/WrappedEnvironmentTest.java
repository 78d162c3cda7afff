package org.cotangent.processor.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import org.cotangent.processor.CotangentProcessor;
import org.cotangent.processor.testing.CompilationHarness;
import org.junit.jupiter.api.Test;

/**
 * The processor behind the wrappers that build tools put around javac's processing environment:
 * Gradle's incremental processing (a class that keeps javac's environment in a field, with its own
 * {@code Filer} that records each generated file's originating elements) and IntelliJ's build (a
 * {@link Proxy} whose handler keeps it). Both must compile the README's example to exactly the
 * source javac's own environment gives, and write it through the wrapper's {@code Filer}, naming
 * one originating element, as Gradle's isolating category requires.
 */
class WrappedEnvironmentTest {
    private static final String BANANA = """
            package demo;

            import org.cotangent.Differentiable;

            public class Banana {
                @Differentiable
                public static double f(double x, double y) {
                    double a = 1 - x;
                    double b = y - x * x;
                    return a * a + 100 * b * b;
                }
            }
            """;

    @Test
    void gradleStyleWrapperGivesTheSameSourceThroughItsFiler() {
        List<String> created = new ArrayList<>();
        CompilationHarness.Result wrapped = compile(env -> new FieldWrapper(env, created));
        String expected = plain();
        assertTrue(wrapped.success(), wrapped::fullText);
        assertEquals(expected, wrapped.generatedSource("BananaDerivatives.java"));
        assertEquals(List.of("demo.BananaDerivatives <- [demo.Banana]"), created);
    }

    @Test
    void intellijStyleProxyGivesTheSameSource() {
        CompilationHarness.Result wrapped = compile(WrappedEnvironmentTest::proxy);
        assertTrue(wrapped.success(), wrapped::fullText);
        assertEquals(plain(), wrapped.generatedSource("BananaDerivatives.java"));
    }

    @Test
    void wrapperAroundAProxyAroundJavac() {
        CompilationHarness.Result wrapped = compile(env -> new FieldWrapper(proxy(env), new ArrayList<>()));
        assertTrue(wrapped.success(), wrapped::fullText);
        assertEquals(plain(), wrapped.generatedSource("BananaDerivatives.java"));
    }

    @Test
    void environmentWithNoJavacBehindItIsOneClearError() {
        // a wrapper that hides javac (no field leads to it): the Tree API is out of reach
        CompilationHarness.Result result = compile(Opaque::new);
        assertEquals(1, result.errors().size(), result::fullText);
        String message = result.errors().get(0).getMessage(Locale.ROOT);
        assertTrue(message.contains("[COT011]") && message.contains("javac"), message);
        assertTrue(!result.fullText().contains("Exception"), result::fullText);
    }

    private static String plain() {
        CompilationHarness.Result result = CompilationHarness.cotangent().compileStrings(BANANA);
        assertTrue(result.success(), result::fullText);
        String source = result.generatedSource("BananaDerivatives.java");
        assertNotNull(source);
        return source;
    }

    private static CompilationHarness.Result compile(UnaryOperator<ProcessingEnvironment> wrap) {
        return CompilationHarness.withProcessors(() -> List.of(new Wrapping(wrap))).compileStrings(BANANA);
    }

    /** IntelliJ's shape: a proxy whose handler, an inner class, holds the environment it forwards to. */
    private static ProcessingEnvironment proxy(ProcessingEnvironment env) {
        InvocationHandler handler = new InvocationHandler() {
            @Override
            public Object invoke(Object self, Method method, Object[] args) throws Throwable {
                try {
                    return method.invoke(env, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        };
        return (ProcessingEnvironment) Proxy.newProxyInstance(WrappedEnvironmentTest.class.getClassLoader(),
                new Class<?>[] {ProcessingEnvironment.class}, handler);
    }

    /** Runs Cotangent's processor with a wrapped environment, as a build tool does. */
    private static final class Wrapping extends AbstractProcessor {
        private final Processor cotangent = new CotangentProcessor();
        private final UnaryOperator<ProcessingEnvironment> wrap;

        Wrapping(UnaryOperator<ProcessingEnvironment> wrap) {
            this.wrap = wrap;
        }

        @Override
        public synchronized void init(ProcessingEnvironment env) {
            super.init(env);
            cotangent.init(wrap.apply(env));
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return cotangent.getSupportedAnnotationTypes();
        }

        @Override
        public Set<String> getSupportedOptions() {
            return cotangent.getSupportedOptions();
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return cotangent.getSupportedSourceVersion();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            return cotangent.process(annotations, round);
        }
    }

    /** Forwards every question to another environment; subclasses replace some answers. */
    private abstract static class Forwarding implements ProcessingEnvironment {
        abstract ProcessingEnvironment target();

        @Override
        public Map<String, String> getOptions() {
            return target().getOptions();
        }

        @Override
        public Messager getMessager() {
            return target().getMessager();
        }

        @Override
        public Filer getFiler() {
            return target().getFiler();
        }

        @Override
        public Elements getElementUtils() {
            return target().getElementUtils();
        }

        @Override
        public Types getTypeUtils() {
            return target().getTypeUtils();
        }

        @Override
        public SourceVersion getSourceVersion() {
            return target().getSourceVersion();
        }

        @Override
        public Locale getLocale() {
            return target().getLocale();
        }
    }

    /** Gradle's shape: javac's environment in a private field, and a Filer that records what it creates. */
    private static final class FieldWrapper extends Forwarding {
        private final ProcessingEnvironment delegate;
        private final Filer filer;

        FieldWrapper(ProcessingEnvironment delegate, List<String> created) {
            this.delegate = delegate;
            this.filer = new RecordingFiler(delegate.getFiler(), created);
        }

        @Override
        ProcessingEnvironment target() {
            return delegate;
        }

        @Override
        public Filer getFiler() {
            return filer;
        }
    }

    /** Forwards through a lookup no field holds: what a compiler other than javac looks like from here. */
    private static final class Opaque extends Forwarding {
        private static final ThreadLocal<ProcessingEnvironment> HIDDEN = new ThreadLocal<>();

        Opaque(ProcessingEnvironment env) {
            HIDDEN.set(env);
        }

        @Override
        ProcessingEnvironment target() {
            return HIDDEN.get();
        }
    }

    private record RecordingFiler(Filer filer, List<String> created) implements Filer {
        @Override
        public JavaFileObject createSourceFile(CharSequence name, Element... originating) throws IOException {
            List<String> origins = new ArrayList<>();
            for (Element e : originating) {
                origins.add(((TypeElement) e).getQualifiedName().toString());
            }
            created.add(name + " <- " + origins);
            return filer.createSourceFile(name, originating);
        }

        @Override
        public JavaFileObject createClassFile(CharSequence name, Element... originating) throws IOException {
            return filer.createClassFile(name, originating);
        }

        @Override
        public FileObject createResource(JavaFileManager.Location location, CharSequence pkg, CharSequence name,
                                         Element... originating) throws IOException {
            return filer.createResource(location, pkg, name, originating);
        }

        @Override
        public FileObject getResource(JavaFileManager.Location location, CharSequence pkg, CharSequence name)
                throws IOException {
            return filer.getResource(location, pkg, name);
        }
    }
}
