package org.cotangent.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs the explorer's entry point in process on files copied into a fresh folder. */
class ExplorerCommandTest {
    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
        /** The lines of standard error. */
        List<String> errLines() {
            return err.lines().collect(Collectors.toList());
        }
    }

    private Run run(String... args) {
        CommandLine cli = ExplorerCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Copies test resource {@code samples/name} into the temporary folder; returns its path as a string. */
    private String sample(String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/samples/" + name)) {
            Files.copy(in, target);
        }
        return target.toString();
    }

    private static ParseResult<CompilationUnit> parse(String source) {
        return new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17))
                .parse(source);
    }

    private List<String> filesInDir() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted()
                    .collect(Collectors.toList());
        }
    }

    @Test
    void printsTheDerivativesOfTheReadmeExample() throws IOException {
        Run run = run(sample("Banana.java"));

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        for (String expected : List.of("package demo;", "public final class BananaDerivatives",
                "public record FGradient(double value, double x, double y)",
                "public static FGradient f_grad(double x, double y)",
                "public static double f_vjp(double x, double y, double seed, double[] x_adj, double[] y_adj)",
                "public static Dual f_jvp(double x, double y, double x_dot, double y_dot)",
                "public static double[][] f_jacobian(double x, double y)",
                "public static FGradient f_hvp(", "public static double[][] f_hessian(double x, double y)",
                "// forward sweep: Banana.java:8")) {
            assertTrue(run.out().contains(expected), () -> "missing '" + expected + "' in:\n" + run.out());
        }
        ParseResult<CompilationUnit> parsed = parse(run.out());
        assertTrue(parsed.isSuccessful(), parsed.getProblems()::toString);
        assertEquals("BananaDerivatives", parsed.getResult().orElseThrow().getType(0).getNameAsString());
        assertEquals(List.of("Banana.java"), filesInDir(), "nothing may be written next to the user's file");
    }

    @Test
    void methodOptionPrintsOnlyWhatIsDerivedFromThatMethod() throws IOException {
        Run run = run("-m", "f", sample("TwoMethods.java"));

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("// demo/TwoMethodsDerivatives.java: the members derived from f\n"),
                run.out());
        for (String expected : List.of("record FGradient(", "f_grad(", "f_vjp(", "f_jvp(", "f_jacobian(", "f_hvp(",
                "f_hessian(", "f_vjpTangent(")) {
            assertTrue(run.out().contains(expected), () -> "missing '" + expected + "' in:\n" + run.out());
        }
        // f_2 and g are other methods, although f_2's derivatives start with "f_"
        for (String unexpected : List.of("f_2_", "F_2Gradient", "g_", "GGradient", "class TwoMethodsDerivatives")) {
            assertFalse(run.out().contains(unexpected), () -> "unexpected '" + unexpected + "' in:\n" + run.out());
        }
        assertTrue(run.out().contains("\n/**\n * The value of {@link TwoMethods#f}"), "javadoc kept, indent removed");
        ParseResult<CompilationUnit> parsed = parse("class Wrapper {\n" + run.out() + "}\n");
        assertTrue(parsed.isSuccessful(), parsed.getProblems()::toString);
        assertEquals(8, parsed.getResult().orElseThrow().getType(0).getMembers().size());
    }

    @Test
    void methodOptionWithAnUnknownNameListsTheDifferentiatedMethods() throws IOException {
        Run run = run("--method", "h", sample("TwoMethods.java"));

        assertEquals(ExplorerCommand.NOTHING_GENERATED, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().contains("nothing derived from a method 'h'; the differentiated methods are: f, f_2, g"),
                run.err());
    }

    @Test
    void aTryInADifferentiableMethodIsReportedWithPositionSourceLineAndCaret() throws IOException {
        String file = sample("SafeLog.java");
        Run run = run(file);

        assertEquals(ExplorerCommand.COMPILE_ERRORS, run.exitCode());
        assertEquals("", run.out());
        List<String> lines = run.errLines();
        assertEquals(file + ":9:13: error: [COT001] try/catch/finally cannot be differentiated: move the guarded "
                + "code out of the @Differentiable method", lines.get(0));
        assertEquals("            try {", lines.get(1));
        assertEquals("            ^", lines.get(2));
        assertEquals("1 error", lines.get(3));
        assertEquals(4, lines.size(), run.err());
    }

    @Test
    void aFieldWriteIsReportedAtTheAssignment() throws IOException {
        String file = sample("Counter.java");
        Run run = run(file);

        assertEquals(ExplorerCommand.COMPILE_ERRORS, run.exitCode());
        List<String> lines = run.errLines();
        assertTrue(lines.get(0).startsWith(file + ":10:9: error: [COT005] "), run.err());
        assertEquals("        calls = x;", lines.get(1));
        assertEquals("        ^", lines.get(2));
    }

    @Test
    void aSyntaxErrorIsReportedAsJavacReportsIt() throws IOException {
        String file = sample("Broken.java");
        Run run = run(file);

        assertEquals(ExplorerCommand.COMPILE_ERRORS, run.exitCode());
        assertEquals("", run.out());
        assertEquals(List.of(file + ":8:25: error: ';' expected",
                "        double y = x * x",
                "                        ^",
                "1 error"), run.errLines());
    }

    @Test
    void aMissingSymbolIsReportedAsJavacReportsItWithTheMessagesFurtherLines() throws IOException {
        Path file = dir.resolve("Missing.java");
        Files.writeString(file, "class Missing {\n    static double g(double x) {\n        return nope(x);\n    }\n}\n");
        Run run = run(file.toString());

        assertEquals(ExplorerCommand.COMPILE_ERRORS, run.exitCode());
        assertEquals(List.of(file + ":3:16: error: cannot find symbol",
                "        return nope(x);",
                "               ^",
                "  symbol:   method nope(double)",
                "  location: class Missing",
                "1 error"), run.errLines());
    }

    @Test
    void theCaretFollowsTabsInTheSourceLine() throws IOException {
        Path file = dir.resolve("Tabs.java");
        Files.writeString(file, "class Tabs {\n\tstatic double f(double x) {\n\t\treturn x +* 2;\n\t}\n}\n");
        Run run = run(file.toString());

        assertEquals(ExplorerCommand.COMPILE_ERRORS, run.exitCode());
        List<String> lines = run.errLines();
        // javac counts a tab to the next multiple of 8 in the column; the caret copies the tabs instead
        assertEquals(file + ":3:27: error: illegal start of expression", lines.get(0));
        assertEquals("\t\treturn x +* 2;", lines.get(1));
        assertEquals("\t\t          ^", lines.get(2), run.err());
    }

    @Test
    void aMissingFileIsAUsageError() {
        Path missing = dir.resolve("Nope.java");
        Run run = run(missing.toString());

        assertEquals(ExplorerCommand.USAGE, run.exitCode());
        assertEquals("", run.out());
        assertEquals("cotangent-explorer: " + missing + ": no such file\n", run.err());
    }

    @Test
    void aFileThatIsNotJavaSourceIsAUsageError() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        Run run = run(text.toString(), dir.toString());

        assertEquals(ExplorerCommand.USAGE, run.exitCode());
        assertTrue(run.err().contains(text + ": not a .java file"), run.err());
        assertTrue(run.err().contains(dir + ": is a directory, not a .java file"), run.err());
    }

    @Test
    void badOptionsAreUsageErrorsWithoutStackTraces() throws IOException {
        String file = sample("Banana.java");
        for (String[] args : List.of(new String[] {"--bogus", file}, new String[] {"--release", "x", file},
                new String[] {"--release", "99", file}, new String[0])) {
            Run run = run(args);
            assertEquals(ExplorerCommand.USAGE, run.exitCode(), run.err());
            assertTrue(run.err().startsWith("cotangent-explorer: "), run.err());
            assertFalse(run.err().contains("\tat "), run.err());
        }
    }

    @Test
    void aFileWithoutDifferentiableMethodsSaysSo() throws IOException {
        Run run = run(sample("Plain.java"));

        assertEquals(ExplorerCommand.NOTHING_GENERATED, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().contains("no @Differentiable method in"), run.err());
    }

    @Test
    void outputOptionWritesTheCompleteFilesInTheirPackageFolders() throws IOException {
        Path out = dir.resolve("out");
        Run run = run("-o", out.toString(), "-m", "g", sample("TwoMethods.java"), sample("Banana.java"));

        assertEquals(0, run.exitCode(), run.err());
        String written = Files.readString(out.resolve("demo/TwoMethodsDerivatives.java"));
        assertTrue(written.contains("f_2_vjp(") && written.contains("g_vjp("), written);
        assertTrue(Files.readString(out.resolve("demo/BananaDerivatives.java")).contains("f_vjp("));
    }

    @Test
    void severalFilesAreCompiledTogetherAndEachOutputIsHeaded() throws IOException {
        Run run = run(sample("TwoMethods.java"), sample("Banana.java"));

        assertEquals(0, run.exitCode(), run.err());
        int banana = run.out().indexOf("// ---- demo/BananaDerivatives.java\npackage demo;");
        int two = run.out().indexOf("// ---- demo/TwoMethodsDerivatives.java\npackage demo;");
        assertTrue(banana >= 0 && two > banana, run.out());
    }

    @Test
    void versionNamesTheProjectVersion() {
        Run run = run("--version");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("cotangent-explorer 0."), run.out());
        assertFalse(run.out().contains("${"), run.out());
    }
}
