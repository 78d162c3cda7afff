package org.cotangent.processor.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/** The harness itself, checked with plain javac and a toy processor. */
class CompilationHarnessTest {

    @Test
    void reportsJavacErrorsAtTheirLineAndColumn() {
        CompilationHarness.Result result = CompilationHarness.withProcessors(List::of).compileStrings(
                "package p;\n"
                + "class Broken {\n"
                + "    int f() { return undefinedName; }\n"
                + "}\n");
        assertFalse(result.success());
        assertEquals(1, result.errors().size(), result::describeDiagnostics);
        Diagnostic<?> error = result.errors().get(0);
        assertEquals(3, error.getLineNumber());
        assertEquals(22, error.getColumnNumber());
        assertTrue(error.getSource().toString().contains("p/Broken.java"), error.getSource().toString());
    }

    @Test
    void theTestClassPathIsVisible() {
        CompilationHarness.Result result = CompilationHarness.withProcessors(List::of).compileStrings(
                "package p;\n"
                + "import org.cotangent.Differentiable;\n"
                + "import org.cotangent.runtime.GradCheck;\n"
                + "class UsesBoth {\n"
                + "    @Differentiable static double f(double x) { return x; }\n"
                + "    double tol() { return GradCheck.DEFAULT_REL_TOL; }\n"
                + "}\n");
        assertTrue(result.success(), result::fullText);
        assertTrue(result.diagnostics().isEmpty(), result::describeDiagnostics);
    }

    @Test
    void capturesGeneratedSourcesAndPrintedText() {
        CompilationHarness.Result result = CompilationHarness.withProcessors(() -> List.of(new ToyProcessor()))
                .compileStrings("package p;\nclass Input { }\n");
        assertTrue(result.success(), result::fullText);
        String generated = result.generatedSource("p/InputGenerated.java");
        assertNotNull(generated, () -> "generated: " + result.generatedSources().keySet());
        assertTrue(generated.contains("class InputGenerated"));
        assertTrue(result.output().contains("toy processor ran"), result.output());
        assertEquals(1, result.ofKind(Diagnostic.Kind.NOTE).size(), result::describeDiagnostics);
    }

    @Test
    void aCrashingProcessorIsReportedAsTextNotThrown() {
        CompilationHarness.Result result = CompilationHarness.withProcessors(() -> List.of(new CrashingProcessor()))
                .compileStrings("package p;\nclass Input { }\n");
        assertFalse(result.success());
        assertTrue(result.fullText().contains("IllegalStateException"), result::fullText);
    }

    @Test
    void sourceNamesFollowThePackageAndTheFirstType() {
        assertEquals("a/b/Foo.java", CompilationHarness.Source.of("package a.b;\n\npublic final class Foo {}").path());
        assertEquals("Bar.java", CompilationHarness.Source.of("record Bar(int x) {}").path());
        assertEquals("a/odd_name.java", CompilationHarness.Source.named("odd_name.java", "package a; class X {}").path());
    }

    @javax.annotation.processing.SupportedAnnotationTypes("*")
    static final class ToyProcessor extends AbstractProcessor {
        private boolean done;

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (done) {
                return false;
            }
            done = true;
            System.out.println("toy processor ran");
            processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, "a note");
            try (Writer w = processingEnv.getFiler().createSourceFile("p.InputGenerated").openWriter()) {
                w.write("package p;\nfinal class InputGenerated { }\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return false;
        }
    }

    @javax.annotation.processing.SupportedAnnotationTypes("*")
    static final class CrashingProcessor extends AbstractProcessor {
        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            throw new IllegalStateException("boom");
        }
    }
}
