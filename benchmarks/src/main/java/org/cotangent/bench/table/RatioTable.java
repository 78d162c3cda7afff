package org.cotangent.bench.table;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.annotations.Mode;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Prints one table of time ratios for the chosen cases, measured side by side in this JVM: every
 * (case, method) pair is timed by JMH once per round, the rounds interleave all pairs, and each
 * ratio is the median over rounds of the ratio within a round. Only ratios are printed: the
 * machines are shared and noisy, so absolute times are not comparable between runs.
 *
 * <p>Usage: {@code RatioTable [case-regex] [--rounds N] [--time MS] [--no-gc]}.
 */
public final class RatioTable {
    private static final List<String> KNOWN = List.of("vjp", "grad", "hand", "hipparchus", "fd");
    private static final String BENCHMARK = Pattern.quote(TableBenchmark.class.getName()) + "\\.measure$";

    private final int rounds;
    private final long millis;
    private final PrintStream out = System.out;
    private final PrintStream progress = System.err;
    private boolean printTimes;

    private RatioTable(int rounds, long millis) {
        this.rounds = rounds;
        this.millis = millis;
    }

    public static void main(String[] args) throws RunnerException {
        String filter = ".*";
        int rounds = 5;
        long millis = 200;
        boolean gc = true;
        boolean times = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--time" -> millis = Long.parseLong(args[++i]);
                case "--no-gc" -> gc = false;
                case "--times" -> times = true;
                default -> filter = args[i];
            }
        }
        List<String> ids = Catalog.ids(filter);
        if (ids.isEmpty()) {
            System.err.println("no case matches " + filter + "; known: " + Catalog.ids(".*"));
            System.exit(2);
        }
        RatioTable table = new RatioTable(rounds, millis);
        table.printTimes = times;
        table.run(ids, gc);
    }

    private void run(List<String> ids, boolean gc) throws RunnerException {
        long start = System.nanoTime();
        List<Case> cases = new ArrayList<>();
        for (String id : ids) {
            progress.println("preparing " + id);
            cases.add(Catalog.get(id));
        }
        Map<String, Map<String, double[]>> times = new LinkedHashMap<>();
        for (Case c : cases) {
            Map<String, double[]> byMethod = new LinkedHashMap<>();
            for (Method m : c.methods()) {
                byMethod.put(m.name(), new double[rounds]);
            }
            times.put(c.id(), byMethod);
        }
        for (int round = 0; round < rounds; round++) {
            for (Case c : cases) {
                for (Method m : c.methods()) {
                    times.get(c.id()).get(m.name())[round] = time(c.id(), m.name(), round == 0) * m.scale();
                }
                progress.printf(Locale.ROOT, "round %d/%d  %-24s %5.0f s%n", round + 1, rounds, c.id(),
                        (System.nanoTime() - start) * 1e-9);
            }
        }
        Map<String, Double> allocation = new LinkedHashMap<>();
        Map<String, Long> perCall = new LinkedHashMap<>();
        Map<String, Long> tapeBytes = new LinkedHashMap<>();
        if (gc) {
            for (Case c : cases) {
                if (hasMethod(c, "vjp")) {
                    allocation.put(c.id(), bytesPerOp(c.id(), "vjp"));
                    perCall.put(c.id(), bytesPerCall(c.method("vjp").op()));
                    tapeBytes.put(c.id(), tapeBytes(c.method("vjp").op()));
                }
            }
        }
        print(cases, times, allocation, perCall, tapeBytes);
        if (printTimes) {
            // for comparisons with other tools run on the same machine right before or after
            out.printf(Locale.ROOT, "%nmedian time per call over the rounds (microseconds):%n");
            times.forEach((id, byMethod) -> byMethod.forEach((name, t) ->
                    out.printf(Locale.ROOT, "  %-24s %-12s %12.3f%n", id, name, Statistics.median(t) / 1000)));
        }
        out.printf(Locale.ROOT, "%n%d rounds of %d ms per pair, in one JVM (%s %s), %.0f s in all%n", rounds, millis,
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                (System.nanoTime() - start) * 1e-9);
    }

    private double time(String id, String method, boolean first) throws RunnerException {
        ChainedOptionsBuilder options = base(id, method)
                .warmupIterations(first ? 3 : 1)
                .warmupTime(TimeValue.milliseconds(first ? Math.max(100, millis / 2) : millis / 4))
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(millis));
        return new Runner(options.build()).runSingle().getPrimaryResult().getScore();
    }

    private double bytesPerOp(String id, String method) throws RunnerException {
        ChainedOptionsBuilder options = base(id, method)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(millis))
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(Math.max(1000, millis)))
                .addProfiler(GCProfiler.class);
        RunResult result = new Runner(options.build()).runSingle();
        for (Map.Entry<String, Result> entry : result.getSecondaryResults().entrySet()) {
            if (entry.getKey().endsWith("gc.alloc.rate.norm")) {
                return entry.getValue().getScore();
            }
        }
        return Double.NaN;
    }

    /**
     * The fewest bytes one call of {@code op} allocates on this thread, over 10 calls after 20
     * warm ones (the JIT has compiled it during the rounds): the steady state exactly, without the
     * harness's own allocation that JMH's per-iteration figure spreads over few calls of a slow op.
     */
    private static long bytesPerCall(Op op) {
        java.lang.management.ThreadMXBean plain = java.lang.management.ManagementFactory.getThreadMXBean();
        if (!(plain instanceof com.sun.management.ThreadMXBean threads) || !threads.isThreadAllocatedMemorySupported()) {
            return -1;
        }
        long id = Thread.currentThread().getId();
        for (int i = 0; i < 20; i++) {
            op.run();
        }
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            long before = threads.getThreadAllocatedBytes(id);
            op.run();
            fewest = Math.min(fewest, threads.getThreadAllocatedBytes(id) - before);
        }
        return fewest;
    }

    /**
     * The bytes the tape's stacks hold after one call of {@code op} on a fresh thread (a fresh tape):
     * the peak the call needed, rounded up by the stacks' doubling.
     */
    private static long tapeBytes(Op op) {
        long[] bytes = {-1};
        Thread thread = new Thread(() -> {
            op.run();
            bytes[0] = org.cotangent.runtime.Tape.get().capacityBytes();
        });
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return bytes[0];
    }

    private static ChainedOptionsBuilder base(String id, String method) {
        return new OptionsBuilder()
                .include(BENCHMARK)
                .param("caseId", id)
                .param("method", method)
                .forks(0)
                .mode(Mode.AverageTime)
                .timeUnit(TimeUnit.NANOSECONDS)
                .verbosity(VerboseMode.SILENT)
                .shouldFailOnError(true);
    }

    private void print(List<Case> cases, Map<String, Map<String, double[]>> times, Map<String, Double> allocation,
                       Map<String, Long> perCall, Map<String, Long> tapeBytes) {
        Set<String> columns = new LinkedHashSet<>();
        Set<String> references = new LinkedHashSet<>();
        for (String name : KNOWN) {
            for (Case c : cases) {
                if (hasMethod(c, name)) {
                    columns.add(name);
                }
            }
        }
        for (Case c : cases) {
            for (Method m : c.methods()) {
                if (!m.name().equals("primal")) {
                    columns.add(m.name());
                }
            }
            references.addAll(c.references().keySet());
        }
        List<String> header = new ArrayList<>(List.of("subject", "instance"));
        for (String column : columns) {
            header.add(column + "/primal");
            if (column.equals("hand")) {
                header.add("vjp/hand");
            }
        }
        for (String reference : references) {
            header.add(reference + " (published)");
        }
        if (!allocation.isEmpty()) {
            header.add("vjp B/op (JMH gc)");
            header.add("vjp B/call");
            header.add("vjp tape bytes");
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Double> vjpPrimal = new ArrayList<>();
        List<Double> vjpHand = new ArrayList<>();
        for (Case c : cases) {
            Map<String, double[]> t = times.get(c.id());
            List<String> row = new ArrayList<>(List.of(c.subject(), c.instance()));
            for (String column : columns) {
                row.add(hasMethod(c, column) ? cell(c, column, Statistics.medianRatio(t.get(column), t.get("primal")), notes) : "-");
                if (column.equals("vjp")) {
                    vjpPrimal.add(Statistics.medianRatio(t.get("vjp"), t.get("primal")));
                }
                if (column.equals("hand")) {
                    if (hasMethod(c, "hand") && hasMethod(c, "vjp")) {
                        double ratio = Statistics.medianRatio(t.get("vjp"), t.get("hand"));
                        vjpHand.add(ratio);
                        row.add(format(ratio));
                    } else {
                        row.add("-");
                    }
                }
            }
            for (String reference : references) {
                Double value = c.references().get(reference);
                row.add(value == null ? "-" : format(value));
            }
            if (!allocation.isEmpty()) {
                Double bytes = allocation.get(c.id());
                row.add(bytes == null ? "-" : String.format(Locale.ROOT, "%.0f", bytes));
                Long exact = perCall.get(c.id());
                row.add(exact == null || exact < 0 ? "-" : String.valueOf(exact));
                Long tape = tapeBytes.get(c.id());
                row.add(tape == null || tape < 0 ? "-" : String.valueOf(tape));
            }
            rows.add(row);
        }
        Markdown.table(out, header, rows);
        for (int i = 0; i < notes.size(); i++) {
            out.println("[" + (i + 1) + "] " + notes.get(i));
        }
        if (!vjpPrimal.isEmpty()) {
            out.printf(Locale.ROOT, "%nvjp/primal: median %s, max %s over %d cases%n", format(Statistics.median(vjpPrimal)),
                    format(Statistics.max(vjpPrimal)), vjpPrimal.size());
        }
        if (!vjpHand.isEmpty()) {
            out.printf(Locale.ROOT, "vjp/hand:   median %s, max %s over %d cases%n", format(Statistics.median(vjpHand)),
                    format(Statistics.max(vjpHand)), vjpHand.size());
        }
    }

    private static String cell(Case c, String column, double ratio, List<String> notes) {
        Method m = c.method(column);
        if (!m.isExtrapolated()) {
            return format(ratio);
        }
        notes.add(c.subject() + " " + c.instance() + ", " + column + ": " + m.note());
        return format(ratio) + " [" + notes.size() + "]";
    }

    private static boolean hasMethod(Case c, String name) {
        return c.methods().stream().anyMatch(m -> m.name().equals(name));
    }

    static String format(double ratio) {
        if (Double.isNaN(ratio)) {
            return "n/a";
        }
        if (ratio >= 100) {
            return String.format(Locale.ROOT, "%.0f", ratio);
        }
        if (ratio >= 10) {
            return String.format(Locale.ROOT, "%.1f", ratio);
        }
        return String.format(Locale.ROOT, "%.2f", ratio);
    }
}
