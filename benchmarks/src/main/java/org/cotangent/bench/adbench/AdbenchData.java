package org.cotangent.bench.adbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the ADBench data folder ({@code benchmarks/adbench-data} in the repository, with its origin
 * and licence in its README) and reads its files. The data is part of the benchmarks' contract:
 * when it cannot be found, every caller fails with a message that says where it looked.
 *
 * <p>Order: the system property {@code cotangent.adbench}; else, walking up from the working
 * directory, the first {@code <ancestor>/adbench-data} or {@code <ancestor>/benchmarks/adbench-data}
 * (the module's folder when tests run, the repository when {@code run.sh} does); else the same walk
 * for {@code shared/adbench-data}, the copy beside the repository; else, when the working directory
 * is inside a git worktree, those walks from the main repository.
 */
public final class AdbenchData {
    public static final String PROPERTY = "cotangent.adbench";
    private static final List<Path> RELATIVE = List.of(Paths.get("adbench-data"),
            Paths.get("benchmarks", "adbench-data"), Paths.get("shared", "adbench-data"));

    private AdbenchData() {
    }

    /** The data folder; throws {@link IllegalStateException} naming the places searched. */
    public static Path folder() {
        List<Path> searched = new ArrayList<>();
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            Path folder = Paths.get(property).toAbsolutePath().normalize();
            if (Files.isDirectory(folder)) {
                return folder;
            }
            throw new IllegalStateException("-D" + PROPERTY + "=" + property + " is not a directory");
        }
        Path start = Paths.get("").toAbsolutePath().normalize();
        Path found = walkUp(start, searched);
        if (found != null) {
            return found;
        }
        Path main = mainRepositoryOfWorktree(start);
        if (main != null) {
            found = walkUp(main, searched);
            if (found != null) {
                return found;
            }
        }
        throw new IllegalStateException("ADBench data not found: looked for benchmarks/adbench-data in "
                + searched + "; set -D" + PROPERTY + "=<folder> to point at it");
    }

    /** A file of the data folder, e.g. {@code path("gmm", "test.txt")}; it must exist. */
    public static Path path(String first, String... more) {
        Path file = folder().resolve(Paths.get(first, more));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("ADBench data file missing: " + file);
        }
        return file;
    }

    /** Every whitespace-separated token of a file, in order. */
    public static Tokens tokens(Path file) {
        try {
            return new Tokens(Files.readString(file).trim().split("\\s+"), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Path walkUp(Path start, List<Path> searched) {
        for (Path relative : RELATIVE) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve(relative);
                searched.add(candidate);
                if (Files.isDirectory(candidate.resolve("gmm"))) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** For a git worktree ({@code .git} is a file {@code gitdir: <main>/.git/worktrees/<name>}), {@code <main>}. */
    private static Path mainRepositoryOfWorktree(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path git = dir.resolve(".git");
            if (Files.isDirectory(git)) {
                return null;
            }
            if (Files.isRegularFile(git)) {
                try {
                    String line = Files.readString(git).trim();
                    if (!line.startsWith("gitdir:")) {
                        return null;
                    }
                    Path gitDir = dir.resolve(line.substring("gitdir:".length()).trim()).normalize();
                    for (Path p = gitDir; p != null; p = p.getParent()) {
                        if (p.getFileName() != null && p.getFileName().toString().equals(".git")) {
                            return p.getParent();
                        }
                    }
                    return null;
                } catch (IOException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Reads numbers in order, as ADBench's readers do: line breaks carry no meaning. */
    public static final class Tokens {
        private final String[] tokens;
        private final String source;
        private int next;

        Tokens(String[] tokens, String source) {
            this.tokens = tokens;
            this.source = source;
        }

        public int nextInt() {
            return Integer.parseInt(next());
        }

        public double nextDouble() {
            return Double.parseDouble(next());
        }

        public double[] doubles(int count) {
            double[] values = new double[count];
            for (int i = 0; i < count; i++) {
                values[i] = nextDouble();
            }
            return values;
        }

        private String next() {
            if (next >= tokens.length) {
                throw new IllegalStateException(source + ": ends after " + tokens.length + " numbers");
            }
            return tokens[next++];
        }
    }
}
