package org.cotangent.processor.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.cotangent.processor.fuzz.ProgramGenerator.Program;
import org.junit.jupiter.api.Test;

/**
 * Differential fuzzing of the transformation: random well-typed {@code @Differentiable} programs
 * ({@link ProgramGenerator}), compiled in batches in process with the processor
 * ({@link FuzzCompiler}), each checked against independent oracles ({@link DifferentialChecker}).
 *
 * <p>{@code -Dcotangent.fuzz.count=N} sets the number of programs (default 300, the CI budget);
 * {@code -Dcotangent.fuzz.seed=S} the first seed (program {@code i} uses seed {@code S + i}, so
 * a failure reproduces from its seed alone); {@code -Dcotangent.fuzz.seeds=a,b,c} runs just those
 * seeds. A failing program is printed with its seed and source, and written with its generated
 * derivatives to {@code target/fuzz-failures/}.
 */
class DifferentialFuzzTest {
    private static final int BATCH = 25;
    private static final int COMPILER_THREADS = 2;
    private static final int POINTS = 2;
    private static final long TIMEOUT_SECONDS = 30;

    @Test
    void generatedProgramsHaveCorrectDerivatives() throws Exception {
        List<Long> seeds = seeds();
        FuzzCompiler.deleteTree(Path.of("target", "fuzz-failures"));
        CheckerBase.Stats total = new CheckerBase.Stats();
        Map<Long, String> failures = new LinkedHashMap<>();
        Map<Long, Program> failed = new LinkedHashMap<>();
        long start = System.nanoTime();
        ExecutorService[] executor = {daemonExecutor()};
        // compile batches on two threads (javac dominates the cost), check them in order on this one
        ExecutorService compilers = Executors.newFixedThreadPool(COMPILER_THREADS, r -> {
            Thread t = new Thread(r, "fuzz-compile");
            t.setDaemon(true);
            return t;
        });
        // programs of even seeds compile with small same-class callees inlined (the default), those
        // of odd seeds without, so both ways of differentiating a call are checked
        List<List<Program>> batches = new ArrayList<>();
        for (int parity = 0; parity < 2; parity++) {
            int p = parity;
            List<Long> part = seeds.stream().filter(seed -> Math.floorMod(seed, 2) == p).toList();
            for (int from = 0; from < part.size(); from += BATCH) {
                batches.add(part.subList(from, Math.min(part.size(), from + BATCH)).stream()
                        .map(ProgramGenerator::generate).toList());
            }
        }
        java.util.ArrayDeque<Future<FuzzCompiler.Batch>> pending = new java.util.ArrayDeque<>();
        int submitted = 0;
        for (List<Program> programs : batches) {
            while (submitted < batches.size() && pending.size() < COMPILER_THREADS + 1) {
                List<Program> next = batches.get(submitted++);
                boolean inline = Math.floorMod(next.get(0).seed(), 2) == 0;
                List<FuzzCompiler.Unit> units = next.stream()
                        .map(p -> new FuzzCompiler.Unit(p.qualifiedName(), p.source())).toList();
                pending.add(compilers.submit(() -> FuzzCompiler.compile(units, inline)));
            }
            try (FuzzCompiler.Batch batch = pending.poll().get()) {
                for (Program p : programs) {
                    total.programs++;
                    String error = batch.errors.get(p.qualifiedName());
                    if (error != null) {
                        failures.put(p.seed(), "the program does not compile with the processor:\n" + error);
                        failed.put(p.seed(), p);
                        save(p, null, List.of(error));
                        continue;
                    }
                    List<String> problems = checkWithTimeout(executor, batch, p, total);
                    if (!problems.isEmpty()) {
                        failures.put(p.seed(), String.join("\n", problems));
                        failed.put(p.seed(), p);
                        save(p, batch.generatedSources.get(p.qualifiedName()), problems);
                    }
                }
            }
        }
        compilers.shutdownNow();
        executor[0].shutdownNow();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("fuzz: %d programs, %d checks, %d skipped points%n", total.programs, total.checks,
                total.skipped);
        System.out.printf("fuzz: %d points, %d Hessians, %.1f s, %d failing programs%s%n",
                total.points, total.hessians, seconds, failures.size(), failures.isEmpty() ? "" : " (seeds " + failures.keySet() + ")");
        if (!failures.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            sb.append(failures.size()).append(" of ").append(total.programs)
                    .append(" generated programs have wrong derivatives; seeds ").append(failures.keySet())
                    .append(" (rerun with -Dcotangent.fuzz.seeds=...). The first ones:\n");
            int shown = 0;
            for (Map.Entry<Long, String> e : failures.entrySet()) {
                if (shown++ == 3) {
                    break;
                }
                sb.append("\n==== ").append(failed.get(e.getKey()).describe()).append("---- failures:\n")
                        .append(truncate(e.getValue(), 4000)).append('\n');
            }
            fail(sb.toString());
        }
        if (total.skipped * 20 > total.checks) {
            fail("too many skipped finite-difference points: " + total.skipped + " of " + total.checks + " checks");
        }
    }

    private static List<String> checkWithTimeout(ExecutorService[] executor, FuzzCompiler.Batch batch, Program p,
                                                 CheckerBase.Stats total) throws Exception {
        Future<List<String>> future = executor[0].submit(() -> check(batch, p, total));
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            executor[0].shutdownNow();
            executor[0] = daemonExecutor();
            return List.of("the checks did not finish within " + TIMEOUT_SECONDS + " s (a generated method loops?)");
        }
    }

    private static List<String> check(FuzzCompiler.Batch batch, Program p, CheckerBase.Stats total) {
        CheckerBase checker;
        try {
            Class<?> program = batch.load(p.qualifiedName());
            Class<?> derivatives = batch.load(p.qualifiedName() + "Derivatives");
            checker = p.output() == ProgramGenerator.Output.SCALAR
                    ? new DifferentialChecker(program, derivatives, p.params(), p.instance())
                    : new VectorChecker(program, derivatives, p.params(), p.output(), p.instance());
        } catch (ReflectiveOperationException | LinkageError e) {
            return List.of("cannot load the program or its derivatives: " + e);
        }
        Random r = new Random(p.seed() ^ 0x5DEECE66DL);
        for (int k = 0; k < POINTS; k++) {
            checker.checkAt(point(p, r), r, k == 0 && p.seed() % 2 == 0);
        }
        total.add(checker.stats());
        return checker.failures();
    }

    static double[] point(Program p, Random r) {
        int n = 0;
        for (ProgramGenerator.Param q : p.params()) {
            n += Layout.width(q);
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble() * 2 - 1;
        }
        return x;
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "\n... (" + (s.length() - max) + " more characters)";
    }

    private static void save(Program p, String derivatives, List<String> problems) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "fuzz-failures"));
            Files.writeString(dir.resolve(p.className() + ".java"), p.source() + "\n/* seed " + p.seed() + ", params "
                    + p.params() + "\n" + String.join("\n", problems).replace("*/", "* /") + "\n*/\n",
                    StandardCharsets.UTF_8);
            if (derivatives != null) {
                Files.writeString(dir.resolve(p.className() + "Derivatives.java.txt"), derivatives,
                        StandardCharsets.UTF_8);
            }
        } catch (IOException ignored) {
            // the failure message has the program anyway
        }
    }

    private static List<Long> seeds() {
        List<Long> seeds = new ArrayList<>();
        String only = System.getProperty("cotangent.fuzz.seeds", "").trim();
        if (!only.isEmpty() && !only.startsWith("$")) {
            for (String s : only.split(",")) {
                seeds.add(Long.parseLong(s.trim()));
            }
            return seeds;
        }
        int count = intProperty("cotangent.fuzz.count", 300);
        long first = (long) intProperty("cotangent.fuzz.seed", 1);
        for (int i = 0; i < count; i++) {
            seeds.add(first + i);
        }
        return seeds;
    }

    private static int intProperty(String name, int fallback) {
        String v = System.getProperty(name, "").trim();
        if (v.isEmpty() || v.startsWith("$")) {
            return fallback;
        }
        return Integer.parseInt(v);
    }

    private static ExecutorService daemonExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-check");
            t.setDaemon(true);
            return t;
        });
    }
}
