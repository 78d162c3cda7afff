package org.cotangent.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded jar as a user does, {@code java -jar cotangent-explorer.jar ...}, in a separate
 * JVM. Failsafe runs it after {@code package}; the jar's path comes from the POM.
 */
class ExplorerJarIT {
    private static Path jar;

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void findJar() {
        String property = System.getProperty("cotangent.explorer.jar");
        assertTrue(property != null, "system property cotangent.explorer.jar not set: run this test with failsafe");
        jar = Path.of(property);
        assertTrue(Files.isRegularFile(jar), "no shaded jar at " + jar + ": run 'mvn verify'");
    }

    private Run runJar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the explorer did not finish in 2 minutes");
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private void sample(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/samples/" + name)) {
            Files.copy(in, dir.resolve(name));
        }
    }

    @Test
    void printsTheGeneratedSource() throws Exception {
        sample("Banana.java");
        Run run = runJar("Banana.java");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("public final class BananaDerivatives"), run.out());
        assertTrue(run.out().contains("public static double f_vjp(double x, double y, double seed"), run.out());
    }

    @Test
    void printsDiagnosticsAndExitsWithOne() throws Exception {
        sample("SafeLog.java");
        Run run = runJar("SafeLog.java");

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("SafeLog.java:9:13: error: [COT001] "), run.err());
        assertTrue(run.err().contains("\n            ^\n"), run.err());
    }

    @Test
    void aMissingFileExitsWithTwo() throws Exception {
        Run run = runJar("Nope.java");

        assertEquals(2, run.exitCode(), run.err());
        assertEquals("cotangent-explorer: Nope.java: no such file", run.err().strip());
    }
}
