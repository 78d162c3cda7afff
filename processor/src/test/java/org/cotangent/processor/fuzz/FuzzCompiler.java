package org.cotangent.processor.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.cotangent.processor.CotangentProcessor;

/**
 * Compiles many programs in one javac invocation with the Cotangent processor into a temporary
 * directory and loads them with a class loader whose parent is the test class loader (which has
 * {@code cotangent-runtime}). {@link org.cotangent.processor.testing.CompilationHarness} deletes
 * its class output, so the fuzzer keeps its own.
 *
 * <p>A program the compilation rejects (an error located in its source or in its generated
 * {@code Derivatives} source) is reported and left out; the rest are compiled again, so one bad
 * program does not hide the others.
 */
final class FuzzCompiler {
    /** Source of one compilation unit: a fully qualified class name and its code. */
    record Unit(String qualifiedName, String code) {
    }

    /** The outcome of compiling a batch: loaded classes for the units that compiled, errors for the others. */
    static final class Batch implements AutoCloseable {
        final Map<String, String> errors = new LinkedHashMap<>();
        final Map<String, String> generatedSources = new LinkedHashMap<>();
        URLClassLoader loader;
        Path root;

        Class<?> load(String name) throws ClassNotFoundException {
            return Class.forName(name, true, loader);
        }

        @Override
        public void close() {
            if (loader != null) {
                try {
                    loader.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
            if (root != null) {
                deleteTree(root);
            }
        }
    }

    private FuzzCompiler() {
    }

    static Batch compile(List<Unit> units) {
        return compile(units, true);
    }

    /** Compiles {@code units} together; with {@code inline} false, no callee is inlined into its caller. */
    static Batch compile(List<Unit> units, boolean inline) {
        Batch batch = new Batch();
        List<Unit> remaining = new ArrayList<>(units);
        try {
            for (int attempt = 0; attempt < 4 && !remaining.isEmpty(); attempt++) {
                if (batch.root != null) {
                    deleteTree(batch.root);
                }
                batch.root = Files.createTempDirectory("cotangent-fuzz");
                Attempt a = compileOnce(remaining, batch.root, inline);
                if (a.success) {
                    batch.generatedSources.putAll(a.generated);
                    batch.loader = new URLClassLoader(new URL[] {batch.root.resolve("classes").toUri().toURL()},
                            FuzzCompiler.class.getClassLoader());
                    return batch;
                }
                List<Unit> next = new ArrayList<>();
                boolean attributed = false;
                for (Unit u : remaining) {
                    String err = a.errorsByClass.get(u.qualifiedName);
                    if (err != null) {
                        batch.errors.put(u.qualifiedName, err + "\n---- generated derivative source:\n"
                                + a.generated.getOrDefault(u.qualifiedName, "<none>"));
                        attributed = true;
                    } else {
                        next.add(u);
                    }
                }
                if (!attributed) {
                    // an error we cannot pin on one program (a crash): compile one by one
                    if (remaining.size() == 1) {
                        batch.errors.put(remaining.get(0).qualifiedName, a.allText);
                        remaining = List.of();
                        break;
                    }
                    Batch rest = new Batch();
                    rest.errors.putAll(batch.errors);
                    List<Unit> ok = new ArrayList<>();
                    for (Unit u : remaining) {
                        Path dir = Files.createTempDirectory("cotangent-fuzz-one");
                        try {
                            Attempt one = compileOnce(List.of(u), dir, inline);
                            if (one.success) {
                                ok.add(u);
                            } else {
                                rest.errors.put(u.qualifiedName, one.allText + "\n---- generated derivative source:\n"
                                        + one.generated.getOrDefault(u.qualifiedName, "<none>"));
                            }
                        } finally {
                            deleteTree(dir);
                        }
                    }
                    batch.errors.putAll(rest.errors);
                    next = ok;
                }
                remaining = next;
            }
            if (!remaining.isEmpty()) {
                for (Unit u : remaining) {
                    batch.errors.putIfAbsent(u.qualifiedName, "could not compile the batch it was in");
                }
            }
            batch.loader = new URLClassLoader(new URL[0], FuzzCompiler.class.getClassLoader());
            return batch;
        } catch (IOException e) {
            batch.close();
            throw new UncheckedIOException(e);
        }
    }

    private record Attempt(boolean success, Map<String, String> errorsByClass, Map<String, String> generated,
                           String allText) {
    }

    private static Attempt compileOnce(List<Unit> units, Path root, boolean inline) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        Path classes = Files.createDirectories(root.resolve("classes"));
        Path generated = Files.createDirectories(root.resolve("generated"));
        List<String> options = List.of(
                "-d", classes.toString(),
                "-s", generated.toString(),
                "-classpath", System.getProperty("java.class.path"),
                "--release", "17",
                "-encoding", "UTF-8",
                "-parameters",
                "-Acotangent.inline=" + inline,
                // -Dcotangent.fuzz.checkpoint=always|never: every loop reverse mode can checkpoint is, or none
                "-Acotangent.checkpoint=" + System.getProperty("cotangent.fuzz.checkpoint", "auto"),
                // -Dcotangent.fuzz.reassociate=true: sums in loops split into partial sums (SplitSums)
                "-Acotangent.reassociate=" + System.getProperty("cotangent.fuzz.reassociate", "false"),
                "-Xmaxerrs", "10000");
        DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        StringWriter compilerOut = new StringWriter();
        List<JavaFileObject> files = new ArrayList<>();
        for (Unit u : units) {
            files.add(new InMemorySource(u));
        }
        boolean success;
        try (StandardJavaFileManager fm = compiler.getStandardFileManager(collector, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            JavaCompiler.CompilationTask task = compiler.getTask(new PrintWriter(compilerOut, true), fm, collector,
                    options, null, files);
            task.setProcessors(List.of(new CotangentProcessor()));
            task.setLocale(Locale.ROOT);
            try {
                success = task.call();
            } catch (RuntimeException | Error crash) {
                StringWriter trace = new StringWriter();
                crash.printStackTrace(new PrintWriter(trace));
                compilerOut.write("COMPILER CRASHED:\n" + trace);
                success = false;
            }
        }
        Map<String, String> gen = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(generated)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = generated.relativize(p).toString().replace('\\', '/');
                String cls = rel.replace('/', '.').replaceFirst("\\.java$", "").replaceFirst("Derivatives$", "");
                gen.put(cls, Files.readString(p));
            }
        }
        Map<String, String> errors = new LinkedHashMap<>();
        StringBuilder all = new StringBuilder();
        for (Diagnostic<? extends JavaFileObject> d : collector.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                if (d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
                    String text = describe(d);
                    all.append(text).append('\n');
                }
                continue;
            }
            String text = describe(d);
            all.append(text).append('\n');
            String cls = classOf(d);
            if (cls != null) {
                errors.merge(cls, text, (x, y) -> x + "\n" + y);
            }
        }
        all.append(compilerOut);
        return new Attempt(success && errors.isEmpty(), errors, gen, all.toString());
    }

    /** The program a diagnostic belongs to: its source file, or the program of a generated Derivatives file. */
    private static String classOf(Diagnostic<? extends JavaFileObject> d) {
        if (d.getSource() == null) {
            return null;
        }
        String name = d.getSource().toUri().getPath();
        int i = name.lastIndexOf("/" + ProgramGenerator.PACKAGE + "/");
        if (i < 0) {
            return null;
        }
        String file = name.substring(i + 1).replace('/', '.').replaceFirst("\\.java$", "");
        return file.replaceFirst("Derivatives$", "");
    }

    static String describe(Diagnostic<? extends JavaFileObject> d) {
        String file = d.getSource() == null ? "<no file>" : d.getSource().getName();
        return file + ":" + d.getLineNumber() + ":" + d.getColumnNumber() + ": "
                + d.getKind().toString().toLowerCase(Locale.ROOT) + ": " + d.getMessage(Locale.ROOT);
    }

    static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    private static final class InMemorySource extends SimpleJavaFileObject {
        private final String code;

        InMemorySource(Unit u) {
            super(URI.create("string:///" + u.qualifiedName().replace('.', '/') + ".java"), Kind.SOURCE);
            this.code = u.code();
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }

    @SuppressWarnings("unused")
    private static URL url(Path p) {
        try {
            return p.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
