package org.cotangent.processor.diagnostics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.cotangent.processor.diagnostics.Markers.Finding;
import org.cotangent.processor.testing.CompilationHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every snippet under {@code src/test/resources/diagnostics} must fail to compile with exactly the
 * errors its markers announce, at exactly those lines and columns, with helpful messages and no
 * stack traces. The position conventions are written down in that folder's README.md.
 */
class DiagnosticsTest {
    private static final String FOLDER = "diagnostics";
    private static final Pattern ID = Pattern.compile("^\\[(COT\\d{3})\\] ");
    private static final Pattern ADVICE = Pattern.compile(
            "\\b(use|move|write|add|rename|remove|replace|make|mark|declare|call|see)\\b", Pattern.CASE_INSENSITIVE);
    private static final List<String> STACK_TRACE_SIGNS = List.of("Exception", "at org.", "at com.sun");
    private static final int MIN_MESSAGE_LENGTH = 40;

    static Stream<String> snippets() throws IOException {
        return listSnippets().stream();
    }

    private static List<String> listSnippets() throws IOException {
        Path dir = folder();
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".java"))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    private static Path folder() {
        URL url = DiagnosticsTest.class.getClassLoader().getResource(FOLDER);
        if (url == null) {
            throw new IllegalStateException("test resource folder '" + FOLDER + "' not found");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theCorpusIsLargeEnough() throws IOException {
        List<String> all = listSnippets();
        assertTrue(all.size() >= 16, "at least 16 snippets expected, found " + all);
    }

    @Test
    void everySnippetHasWellFormedMarkers() throws IOException {
        for (String name : listSnippets()) {
            String code = Files.readString(folder().resolve(name), StandardCharsets.UTF_8);
            assertFalse(Markers.parse(name, code).isEmpty(), name + " has no '// ERROR:' marker");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("snippets")
    void reportsExactlyTheMarkedErrors(String fileName) throws IOException {
        String code = Files.readString(folder().resolve(fileName), StandardCharsets.UTF_8);
        Set<Finding> expected = new TreeSet<>(Markers.parse(fileName, code));
        CompilationHarness.Source source = CompilationHarness.Source.named(fileName, code);

        CompilationHarness.Result result = CompilationHarness.cotangent().compile(source);

        List<String> problems = new ArrayList<>();
        if (result.success()) {
            problems.add("compilation succeeded, but it must fail");
        }

        Set<Finding> actual = new TreeSet<>();
        List<String> unexpected = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : result.errors()) {
            String message = d.getMessage(Locale.ROOT);
            Finding f = new Finding(d.getLineNumber(), d.getColumnNumber(), idOf(message));
            boolean inSnippet = d.getSource() != null && d.getSource().getName().endsWith("/" + fileName);
            if (!inSnippet) {
                unexpected.add("error outside the snippet: " + CompilationHarness.describe(d));
                continue;
            }
            actual.add(f);
            if (!expected.contains(f)) {
                unexpected.add(f + "  reported but not marked: " + message);
            }
            if (message.length() <= MIN_MESSAGE_LENGTH) {
                problems.add(f + ": message too short (" + message.length() + " chars, need more than "
                        + MIN_MESSAGE_LENGTH + "): " + message);
            }
            if (!ADVICE.matcher(message).find()) {
                problems.add(f + ": message gives no advice (none of use/move/write/add/rename/remove/replace/"
                        + "make/mark/declare/call/see): " + message);
            }
        }
        for (Finding e : expected) {
            if (!actual.contains(e)) {
                problems.add(e + "  marked but not reported" + nearby(result, e));
            }
        }
        problems.addAll(unexpected);

        String everything = result.fullText();
        for (String sign : STACK_TRACE_SIGNS) {
            if (everything.contains(sign)) {
                problems.add("compiler output contains '" + sign + "' (a stack trace?): "
                        + excerpt(everything, sign));
            }
        }

        if (!problems.isEmpty()) {
            fail(fileName + ": " + problems.size() + " problem(s)\n  - " + String.join("\n  - ", problems)
                    + "\nexpected: " + expected + "\nactual:   " + actual
                    + "\nall diagnostics:\n" + indent(result.describeDiagnostics())
                    + (result.output().isBlank() ? "" : "\ncompiler output:\n" + indent(result.output())));
        }
    }

    private static String idOf(String message) {
        Matcher m = ID.matcher(message);
        return m.find() ? m.group(1) : "<no COT id>";
    }

    /** Errors on the same line as a missing expectation, to make a column mismatch obvious. */
    private static String nearby(CompilationHarness.Result result, Finding missing) {
        List<String> same = result.errors().stream()
                .filter(d -> d.getLineNumber() == missing.line())
                .map(d -> "col " + d.getColumnNumber() + " " + idOf(d.getMessage(Locale.ROOT)))
                .collect(Collectors.toList());
        return same.isEmpty() ? " (no error on that line)" : " (on that line instead: " + same + ")";
    }

    private static String excerpt(String text, String sign) {
        int at = text.indexOf(sign);
        int from = Math.max(0, at - 120);
        int to = Math.min(text.length(), at + 120);
        return "..." + text.substring(from, to).replace('\n', ' ') + "...";
    }

    private static String indent(String text) {
        return text.lines().map(l -> "    " + l).collect(Collectors.joining("\n"));
    }
}
