package org.cotangent.processor.diagnostics;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cotangent.processor.testing.CompilationHarness;
import org.junit.jupiter.api.Test;

/** The other half of the diagnostics contract: correct code compiles silently. */
class CorrectCodeTest {
    static final String BANANA = ""
            + "package example;\n"
            + "\n"
            + "import org.cotangent.Differentiable;\n"
            + "\n"
            + "public class Banana {\n"
            + "    @Differentiable\n"
            + "    static double f(double x, double y) {\n"
            + "        double a = 1 - x;\n"
            + "        double b = y - x * x;\n"
            + "        return a * a + 100 * b * b;\n"
            + "    }\n"
            + "}\n";

    @Test
    void aCorrectClassCompilesWithoutErrorsOrWarnings() {
        CompilationHarness.Result result = CompilationHarness.cotangent().compileStrings(BANANA);
        assertTrue(result.success(), result::fullText);
        assertTrue(result.errors().isEmpty(), result::describeDiagnostics);
        assertTrue(result.warnings().isEmpty(), result::describeDiagnostics);

        String generated = result.generatedSource("example/BananaDerivatives.java");
        assertNotNull(generated, () -> "example/BananaDerivatives.java not generated; generated: "
                + result.generatedSources().keySet());
        assertTrue(generated.contains("f_vjp"), generated);
        assertTrue(generated.contains("f_grad"), generated);
    }

    @Test
    void aCorrectClassCompilesWithoutWarningsUnderXlintAll() {
        CompilationHarness.Result result = CompilationHarness.cotangent().withOptions("-Xlint:all")
                .compileStrings(BANANA);
        assertTrue(result.success(), result::fullText);
        assertTrue(result.warnings().isEmpty(),
                () -> result.describeDiagnostics() + "\n" + result.allGeneratedSources());
    }

    @Test
    void noStackTraceOrStrayOutputForCorrectCode() {
        CompilationHarness.Result result = CompilationHarness.cotangent().compileStrings(BANANA);
        assertTrue(result.output().isBlank(), () -> "unexpected output:\n" + result.output());
    }
}
