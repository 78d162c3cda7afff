package org.cotangent.processor.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.cotangent.processor.CotangentProcessor;

/**
 * Compiles Java source strings in memory with the system compiler and the Cotangent processor, the
 * way a user's build would, and keeps everything a test may want to look at: the diagnostics, the
 * outcome, the generated sources and all text the compiler or the processor printed.
 *
 * <p>The class path is the test class path, which holds {@code cotangent-annotation} and
 * {@code cotangent-runtime}. Class files and generated sources go to a fresh temporary directory,
 * deleted afterwards; generated sources are read back from the {@code -s} directory.
 */
public final class CompilationHarness {
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    private static final Pattern TYPE = Pattern.compile(
            "(?m)^\\s*(?:(?:public|final|abstract|sealed|non-sealed|strictfp)\\s+)*(?:class|interface|enum|record)\\s+(\\w+)");

    private final Supplier<List<Processor>> processors;
    private final List<String> extraOptions;

    private CompilationHarness(Supplier<List<Processor>> processors, List<String> extraOptions) {
        this.processors = processors;
        this.extraOptions = List.copyOf(extraOptions);
    }

    /** A harness running a fresh {@link CotangentProcessor} on every compilation. */
    public static CompilationHarness cotangent() {
        return new CompilationHarness(() -> List.of(new CotangentProcessor()), List.of());
    }

    /** A harness running the given processors (none: plain javac). */
    public static CompilationHarness withProcessors(Supplier<List<Processor>> processors) {
        return new CompilationHarness(processors, List.of());
    }

    /** The same harness with more javac options, e.g. {@code -Xlint:all}. */
    public CompilationHarness withOptions(String... options) {
        List<String> all = new ArrayList<>(extraOptions);
        all.addAll(List.of(options));
        return new CompilationHarness(processors, all);
    }

    /** One compilation unit: its path relative to the source root ({@code p/Foo.java}) and its text. */
    public record Source(String path, String code) {
        /** A source whose path is derived from its package and first top-level type. */
        public static Source of(String code) {
            Matcher type = TYPE.matcher(code);
            if (!type.find()) {
                throw new IllegalArgumentException("no top-level type declaration in:\n" + code);
            }
            Matcher pkg = PACKAGE.matcher(code);
            String dir = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
            return new Source(dir + type.group(1) + ".java", code);
        }

        /** A source with an explicit file name, placed in the directory of its package. */
        public static Source named(String fileName, String code) {
            Matcher pkg = PACKAGE.matcher(code);
            String dir = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
            return new Source(dir + fileName, code);
        }
    }

    /** Everything one compilation produced. */
    public record Result(boolean success,
                         List<Diagnostic<? extends JavaFileObject>> diagnostics,
                         Map<String, String> generatedSources,
                         String output) {

        /** Diagnostics of kind ERROR. */
        public List<Diagnostic<? extends JavaFileObject>> errors() {
            return ofKind(Diagnostic.Kind.ERROR);
        }

        /** Diagnostics of kind WARNING or MANDATORY_WARNING. */
        public List<Diagnostic<? extends JavaFileObject>> warnings() {
            List<Diagnostic<? extends JavaFileObject>> out = new ArrayList<>(ofKind(Diagnostic.Kind.WARNING));
            out.addAll(ofKind(Diagnostic.Kind.MANDATORY_WARNING));
            return out;
        }

        public List<Diagnostic<? extends JavaFileObject>> ofKind(Diagnostic.Kind kind) {
            return diagnostics.stream().filter(d -> d.getKind() == kind).collect(Collectors.toList());
        }

        /** The generated source whose path ends with {@code suffix} (e.g. {@code FooDerivatives.java}), or null. */
        public String generatedSource(String suffix) {
            return generatedSources.entrySet().stream()
                    .filter(e -> e.getKey().endsWith(suffix))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }

        /** All generated sources, one after another, each headed by its path. */
        public String allGeneratedSources() {
            StringBuilder sb = new StringBuilder();
            generatedSources.forEach((path, code) -> sb.append("// ---- ").append(path).append('\n').append(code));
            return sb.toString();
        }

        /** Every diagnostic, one per line, as {@code file:line:col: kind: message}. */
        public String describeDiagnostics() {
            return diagnostics.stream().map(CompilationHarness::describe).collect(Collectors.joining("\n"));
        }

        /**
         * Everything a user could see: the diagnostics as javac would print them, then whatever the
         * compiler, the processor or the JVM wrote to its output and to {@code System.out/err}.
         */
        public String fullText() {
            return describeDiagnostics() + "\n" + output;
        }
    }

    /** Compiles the sources (at least one). */
    public Result compile(Source... sources) {
        return compile(List.of(sources));
    }

    /** Compiles source strings, deriving each file name from its package and first type. */
    public Result compileStrings(String... codes) {
        return compile(Stream.of(codes).map(Source::of).collect(Collectors.toList()));
    }

    public Result compile(List<Source> sources) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("no system Java compiler: run the tests on a JDK, not a JRE");
        }
        Path root;
        try {
            root = Files.createTempDirectory("cotangent-harness");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Path classes = Files.createDirectories(root.resolve("classes"));
            Path generated = Files.createDirectories(root.resolve("generated"));
            List<String> options = new ArrayList<>(List.of(
                    "-d", classes.toString(),
                    "-s", generated.toString(),
                    "-classpath", System.getProperty("java.class.path"),
                    "--release", "17",
                    "-encoding", "UTF-8"));
            options.addAll(extraOptions);

            DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
            StringWriter compilerOut = new StringWriter();
            ByteArrayOutputStream stray = new ByteArrayOutputStream();
            List<JavaFileObject> units = sources.stream().map(InMemorySource::new).collect(Collectors.toList());
            boolean success;
            PrintStream oldOut = System.out;
            PrintStream oldErr = System.err;
            try (StandardJavaFileManager files = compiler.getStandardFileManager(collector, Locale.ROOT,
                    StandardCharsets.UTF_8)) {
                JavaCompiler.CompilationTask task = compiler.getTask(
                        new PrintWriter(compilerOut, true), files, collector, options, null, units);
                task.setProcessors(processors.get());
                task.setLocale(Locale.ROOT);
                System.setOut(new PrintStream(new Tee(oldOut, stray), true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(new Tee(oldErr, stray), true, StandardCharsets.UTF_8));
                try {
                    success = task.call();
                } catch (RuntimeException | Error crash) {
                    // javac wraps an exception escaping a processor; keep it as text for the test to see
                    StringWriter trace = new StringWriter();
                    crash.printStackTrace(new PrintWriter(trace));
                    compilerOut.write("COMPILER CRASHED:\n" + trace);
                    success = false;
                }
            } finally {
                System.setOut(oldOut);
                System.setErr(oldErr);
            }
            String output = compilerOut + stray.toString(StandardCharsets.UTF_8);
            return new Result(success, List.copyOf(collector.getDiagnostics()), readTree(generated), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(root);
        }
    }

    /** {@code file:line:col: kind: message}, with the file's name only. */
    public static String describe(Diagnostic<? extends JavaFileObject> d) {
        String file = d.getSource() == null ? "<no file>" : d.getSource().getName();
        return file + ":" + d.getLineNumber() + ":" + d.getColumnNumber() + ": "
                + d.getKind().toString().toLowerCase(Locale.ROOT) + ": " + d.getMessage(Locale.ROOT);
    }

    private static Map<String, String> readTree(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).collect(Collectors.toList())) {
                out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        }
        return out;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    private static final class InMemorySource extends SimpleJavaFileObject {
        private final String code;

        InMemorySource(Source source) {
            super(URI.create("string:///" + source.path()), Kind.SOURCE);
            this.code = source.code();
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }

    /** Copies to the original stream and to a buffer. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }
    }
}
