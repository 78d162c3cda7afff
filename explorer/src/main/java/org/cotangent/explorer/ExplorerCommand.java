package org.cotangent.explorer;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The explorer: compiles the given files in memory with the Cotangent processor and prints the
 * generated derivative source, or the diagnostics as javac prints them.
 */
@Command(name = "cotangent-explorer",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Compiles the given .java files in memory with javac and the Cotangent annotation processor, and "
                    + "prints the generated *Derivatives.java source to standard output, or the compile errors "
                    + "(with their COT ids) to standard error. Nothing is written next to your files."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the generated source was printed",
            "1:the files do not compile: errors printed on standard error",
            "2:usage error: bad option, or a file that does not exist or is not a .java file",
            "3:nothing to print: no @Differentiable method (or none matching --method)",
            "4:the explorer cannot run: no Java compiler (a JRE, not a JDK), or an internal error"})
public final class ExplorerCommand implements Callable<Integer> {
    public static final int OK = 0;
    public static final int COMPILE_ERRORS = 1;
    public static final int USAGE = 2;
    public static final int NOTHING_GENERATED = 3;
    public static final int INTERNAL = 4;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The .java files to compile together.")
    private List<String> files = new ArrayList<>();

    @Option(names = {"-m", "--method"}, paramLabel = "NAME",
            description = "Print only what is derived from method NAME (NAME_grad, NAME_vjp, ..., its gradient record).")
    private String method;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR",
            description = "Also write the complete generated files into DIR (in their package folders).")
    private Path output;

    @Option(names = {"-cp", "--classpath"}, paramLabel = "PATH", split = "${sys:path.separator}",
            description = "Class path of your own dependencies (Cotangent's annotations and runtime are always on it).")
    private List<String> classPath = new ArrayList<>();

    @Option(names = "--release", paramLabel = "N", defaultValue = "17",
            description = "Java release to compile for, as javac's --release (default: ${DEFAULT-VALUE}).")
    private int release;

    @Option(names = {"-A", "--processor-option"}, paramLabel = "KEY=VALUE",
            description = "An option for the Cotangent processor, as javac's -A (repeatable), e.g. "
                    + "-A cotangent.checkpoint=always.")
    private List<String> processorOptions = new ArrayList<>();

    /** The command line to run the explorer with: picocli's, with errors reported without stack traces. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ExplorerCommand());
        cli.setParameterExceptionHandler((e, args) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("cotangent-explorer: " + e.getMessage());
            err.println("Try 'cotangent-explorer --help' for the options.");
            err.flush();
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("cotangent-explorer: internal error: " + e
                    + " (please report it with the file that caused it)");
            commandLine.getErr().flush();
            return INTERNAL;
        });
        return cli;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int run(PrintWriter out, PrintWriter err) {
        List<Path> paths = checkedFiles(err);
        if (paths == null) {
            return USAGE;
        }
        InMemoryCompiler.Result result;
        try {
            result = new InMemoryCompiler(classPath, Integer.toString(release), processorOptions).compile(paths);
        } catch (InMemoryCompiler.OptionException e) {
            err.println("cotangent-explorer: javac rejected an option: " + e.getMessage().replaceFirst("^error: ", ""));
            return USAGE;
        } catch (InMemoryCompiler.CompilerException e) {
            err.println("cotangent-explorer: " + e.getMessage());
            return INTERNAL;
        }
        printDiagnostics(result, err);
        if (!result.success()) {
            return COMPILE_ERRORS;
        }
        Map<String, String> generated = result.generatedSources();
        if (generated.isEmpty()) {
            err.println("cotangent-explorer: no @Differentiable method in " + String.join(", ", files)
                    + ": nothing to generate");
            return NOTHING_GENERATED;
        }
        if (output != null && !write(generated, err)) {
            return USAGE;
        }
        return method == null ? printAll(generated, out) : printMethod(generated, out, err);
    }

    /** The files as paths, or null after saying which ones are missing or not Java sources. */
    private List<Path> checkedFiles(PrintWriter err) {
        List<Path> paths = new ArrayList<>();
        boolean ok = true;
        for (String file : files) {
            String problem = null;
            Path path = null;
            try {
                path = Path.of(file);
            } catch (InvalidPathException e) {
                problem = "not a valid path";
            }
            if (problem == null) {
                if (!Files.exists(path)) {
                    problem = "no such file";
                } else if (Files.isDirectory(path)) {
                    problem = "is a directory, not a .java file";
                } else if (!file.endsWith(".java")) {
                    problem = "not a .java file";
                } else if (!Files.isReadable(path)) {
                    problem = "cannot be read";
                }
            }
            if (problem != null) {
                err.println("cotangent-explorer: " + file + ": " + problem);
                ok = false;
            }
            paths.add(path);
        }
        return ok ? paths : null;
    }

    private static void printDiagnostics(InMemoryCompiler.Result result, PrintWriter err) {
        DiagnosticFormatter formatter = new DiagnosticFormatter(ExplorerCommand::displayName);
        int errors = 0;
        int warnings = 0;
        for (Diagnostic<? extends JavaFileObject> d : result.diagnostics()) {
            err.print(formatter.format(d));
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors++;
            } else if (d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
                warnings++;
            }
        }
        if (!result.compilerOutput().isBlank()) {
            err.print(result.compilerOutput());
        }
        if (errors > 0) {
            err.println(errors + (errors == 1 ? " error" : " errors"));
        }
        if (warnings > 0) {
            err.println(warnings + (warnings == 1 ? " warning" : " warnings"));
        }
    }

    /** The user's file as named on the command line; a generated file by its package path. */
    private static String displayName(JavaFileObject file) {
        if (file instanceof InMemoryFileManager.Output generated) {
            return generated.path() + " (generated)";
        }
        return file.getName();
    }

    private boolean write(Map<String, String> generated, PrintWriter err) {
        for (Map.Entry<String, String> e : generated.entrySet()) {
            Path target = output.resolve(e.getKey());
            try {
                Files.createDirectories(target.getParent());
                Files.writeString(target, e.getValue());
            } catch (IOException | RuntimeException ex) {
                err.println("cotangent-explorer: cannot write " + target + ": " + ex);
                return false;
            }
        }
        return true;
    }

    /** Every generated file; several are each headed by a comment naming the file. */
    private static int printAll(Map<String, String> generated, PrintWriter out) {
        boolean several = generated.size() > 1;
        for (Map.Entry<String, String> e : generated.entrySet()) {
            if (several) {
                out.println("// ---- " + e.getKey());
            }
            out.print(e.getValue());
        }
        return OK;
    }

    private int printMethod(Map<String, String> generated, PrintWriter out, PrintWriter err) {
        MethodFilter filter = new MethodFilter();
        Set<String> available = new TreeSet<>();
        boolean printed = false;
        for (Map.Entry<String, String> e : generated.entrySet()) {
            List<String> members = filter.membersOf(e.getValue(), method);
            available.addAll(filter.differentiatedMethods(e.getValue()));
            if (members.isEmpty()) {
                continue;
            }
            out.println("// " + e.getKey() + ": the members derived from " + method);
            for (String member : members) {
                out.println();
                out.print(member);
            }
            printed = true;
        }
        if (!printed) {
            err.println("cotangent-explorer: nothing derived from a method '" + method + "'; the differentiated "
                    + "methods are: " + String.join(", ", available));
            return NOTHING_GENERATED;
        }
        return OK;
    }
}
