package org.cotangent.processor.golden;

import org.cotangent.processor.testing.CompilationHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pins the generated source of representative methods, so that every change to generated code is
 * deliberate and reviewed as a diff of the golden file. To accept a change, run
 * {@code mvn -pl processor test -Dtest=GoldenSourceTest -Dcotangent.golden.update=true} and review
 * the diff of {@code src/test/resources/golden}.
 */
class GoldenSourceTest {
    @ParameterizedTest
    @ValueSource(strings = {"Banana", "Piecewise", "BlackScholes", "Rosenbrock", "CumulativeProduct", "NewtonSqrt", "Layers", "Orbit", "Pendulum",
        "LinearModel", "Heun"})
    void generatedSourceMatchesGoldenFile(String name) throws IOException {
        String input = resource("golden/input/" + name + ".java");
        CompilationHarness.Result result = CompilationHarness.cotangent()
                .compile(CompilationHarness.Source.of(input));
        assertTrue(result.success(), result::fullText);
        String generated = result.generatedSource(name + "Derivatives.java");
        assertNotNull(generated, result::fullText);
        Path golden = Path.of(System.getProperty("cotangent.golden.dir", "src/test/resources/golden"),
                name + "Derivatives.java.txt");
        if (Boolean.getBoolean("cotangent.golden.update")) {
            Files.writeString(golden, generated, StandardCharsets.UTF_8);
            return;
        }
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        assertEquals(expected, generated, "generated source of " + name + " changed; if intended, regenerate "
                + "the golden file with -Dcotangent.golden.update=true and review its diff");
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = GoldenSourceTest.class.getClassLoader().getResourceAsStream(path)) {
            assertNotNull(in, "missing test resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
