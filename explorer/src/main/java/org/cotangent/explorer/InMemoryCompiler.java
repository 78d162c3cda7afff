package org.cotangent.explorer;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.cotangent.processor.CotangentProcessor;

/**
 * Compiles the user's files once with javac and the Cotangent processor, in this JVM, and keeps the
 * generated sources in memory. The processor instance is handed to javac directly: JDK 23 and later
 * run no processor found only on the class path.
 */
final class InMemoryCompiler {
    /** What one compilation produced. */
    record Result(boolean success,
                  List<Diagnostic<? extends JavaFileObject>> diagnostics,
                  Map<String, String> generatedSources,
                  String compilerOutput) {
    }

    /** javac rejected an option (e.g. an unsupported {@code --release}): the user's mistake, not ours. */
    static final class OptionException extends RuntimeException {
        OptionException(String message) {
            super(message);
        }
    }

    /** No compiler in this runtime, or the compiler or processor crashed. */
    static final class CompilerException extends RuntimeException {
        CompilerException(String message) {
            super(message);
        }
    }

    private final List<String> userClassPath;
    private final String release;
    private final List<String> processorOptions;

    /**
     * @param userClassPath entries the user's code needs besides Cotangent's (from {@code -cp})
     * @param release       javac's {@code --release}
     * @param processorOptions {@code key=value} options for the processor, passed as {@code -Akey=value}
     */
    InMemoryCompiler(List<String> userClassPath, String release, List<String> processorOptions) {
        this.userClassPath = List.copyOf(userClassPath);
        this.release = release;
        this.processorOptions = List.copyOf(processorOptions);
    }

    Result compile(List<Path> files) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new CompilerException("this Java runtime has no compiler (javax.tools): run the explorer with a JDK, "
                    + "not a JRE");
        }
        List<String> classPath = new ArrayList<>(userClassPath);
        ToolClassPath.cotangentEntries().forEach(p -> classPath.add(p.toString()));
        List<String> options = new ArrayList<>(List.of(
                "-classpath", String.join(File.pathSeparator, classPath),
                "--release", release,
                "-encoding", "UTF-8",
                "-implicit:none"));
        processorOptions.forEach(o -> options.add("-A" + o));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter compilerOutput = new StringWriter();
        try (StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8);
             InMemoryFileManager fileManager = new InMemoryFileManager(standard)) {
            Iterable<? extends JavaFileObject> units = standard.getJavaFileObjectsFromPaths(files);
            JavaCompiler.CompilationTask task;
            try {
                task = javac.getTask(compilerOutput, fileManager, diagnostics, options, null, units);
            } catch (IllegalArgumentException e) {
                throw new OptionException(e.getMessage());
            }
            task.setProcessors(List.of(new CotangentProcessor()));
            task.setLocale(Locale.ROOT);
            boolean success;
            try {
                success = task.call();
            } catch (RuntimeException | Error e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new CompilerException("the compiler crashed (" + cause + "); please report it with the file");
            }
            return new Result(success, List.copyOf(diagnostics.getDiagnostics()), fileManager.generatedSources(),
                    compilerOutput.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
