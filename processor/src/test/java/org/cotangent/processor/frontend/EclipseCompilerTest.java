package org.cotangent.processor.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.StaticJavaParser;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cotangent.Differentiable;
import org.cotangent.processor.CotangentProcessor;
import org.eclipse.jdt.core.compiler.batch.BatchCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under Eclipse's compiler (ecj: Eclipse's builds, and Maven with plexus-compiler-eclipse) there
 * are no javac trees to read method bodies from. The processor must say so once, on the method,
 * naming javac as what to use, and must neither crash nor leave the user with a later "cannot be
 * resolved" about the class it did not generate as the only clue.
 */
class EclipseCompilerTest {
    private static final Pattern COT011 = Pattern.compile("\\[COT011]");

    @Test
    void oneClearErrorNamingJavac(@TempDir Path dir) throws IOException {
        Path source = dir.resolve("src/demo/Banana.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package demo;

                import org.cotangent.Differentiable;

                public class Banana {
                    @Differentiable
                    public static double f(double x, double y) {
                        double a = 1 - x;
                        double b = y - x * x;
                        return a * a + 100 * b * b;
                    }

                    @Differentiable
                    public static double g(double x) {
                        return x * x;
                    }
                }
                """);
        String processorPath = location(CotangentProcessor.class) + File.pathSeparator
                + location(StaticJavaParser.class);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        boolean success = BatchCompiler.compile(new String[] {
            "-17", "-encoding", "UTF-8", "-proceedOnError",
            "-cp", location(Differentiable.class),
            "-processorpath", processorPath,
            "-d", dir.resolve("classes").toString(),
            "-s", dir.resolve("generated").toString(),
            source.toString()}, new PrintWriter(out), new PrintWriter(err), null);
        String printed = out + "\n" + err;

        assertFalse(success, printed);
        Matcher matcher = COT011.matcher(printed);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        assertEquals(1, count, printed);
        assertTrue(printed.contains("1 problem (1 error)"), printed);
        assertTrue(printed.contains("compile with javac"), printed);
        assertTrue(printed.contains("at line 7"), "the error points at the first method:\n" + printed);
        assertFalse(printed.contains("Exception"), printed);
        try (Stream<Path> generated = Files.walk(dir)) {
            assertFalse(generated.anyMatch(p -> p.toString().endsWith("Derivatives.java")), "nothing generated");
        }
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
