package org.cotangent.processor.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simple greedy shrinker for failing generated programs: it deletes single statements and whole
 * blocks (one per line, as the generator writes them), and keeps a deletion when the program still
 * fails with the same signature (the same exception, the same oracle, the same diagnostic id). All
 * candidates of one round are compiled in one batch, under distinct class names.
 */
final class Shrinker {
    private Shrinker() {
    }

    private static final Pattern THREW = Pattern.compile("threw ([\\w.$]+)");
    private static final Pattern COT = Pattern.compile("\\[(COT\\d+)\\]");

    /** What kind of failure: the exception thrown, the oracle that failed, or the diagnostic id. */
    static String signature(String problems) {
        if (problems == null) {
            return null;
        }
        Matcher m = THREW.matcher(problems);
        if (m.find()) {
            return "threw " + m.group(1);
        }
        m = COT.matcher(problems);
        if (problems.startsWith("the program does not compile") && m.find()) {
            return m.group(1);
        }
        if (problems.startsWith("the program does not compile")) {
            return "compile";
        }
        return problems.length() >= 3 ? problems.substring(0, 3) : problems;
    }

    /** The smallest variant of {@code code} (class {@code name}) failing with the same signature. */
    static String shrink(String name, String code) {
        String sig = signature(FuzzRegressionTest.problems(name, code));
        if (sig == null) {
            throw new IllegalArgumentException(name + " does not fail");
        }
        String current = code;
        int round = 0;
        boolean progress = true;
        while (progress) {
            progress = false;
            List<String> candidates = candidates(current);
            // try the larger deletions first: candidates are ordered by size of the deletion, largest first
            for (int from = 0; from < candidates.size() && !progress; from += 40) {
                List<String> chunk = candidates.subList(from, Math.min(candidates.size(), from + 40));
                List<String> names = new ArrayList<>();
                List<String> codes = new ArrayList<>();
                for (int i = 0; i < chunk.size(); i++) {
                    String n = name + "_r" + round + "c" + (from + i);
                    names.add(n);
                    codes.add(chunk.get(i).replace("class " + name + " ", "class " + n + " ")
                            .replace(name + ".", n + "."));
                }
                List<String> results = FuzzRegressionTest.problemsOfMany(names, codes);
                for (int i = 0; i < chunk.size(); i++) {
                    if (sig.equals(signature(results.get(i)))) {
                        current = chunk.get(i);
                        progress = true;
                        break;
                    }
                }
            }
            round++;
        }
        return current;
    }

    /** Every program with one statement or one block deleted, the largest deletions first. */
    static List<String> candidates(String code) {
        String[] lines = code.split("\n", -1);
        List<int[]> ranges = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].trim();
            int indent = lines[i].length() - lines[i].stripLeading().length();
            if (indent < 8 || t.startsWith("}") || t.startsWith("case ") || t.startsWith("default:")
                    || t.matches("\\w+(\\+\\+|--);")) { // a while loop's counter: deleting it would loop forever
                continue;
            }
            if (t.endsWith("{")) {
                int end = matching(lines, i);
                if (end > i) {
                    ranges.add(new int[] {i, end});
                }
            } else if (t.endsWith(";") && !t.startsWith("return") || t.startsWith("return") && indent > 8) {
                ranges.add(new int[] {i, i});
            }
        }
        // a method that is not f: delete it whole
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("    @Differentiable") && i + 1 < lines.length && !lines[i + 1].contains(" f(")) {
                int end = matching(lines, i + 1);
                if (end > i) {
                    ranges.add(new int[] {i, end});
                }
            }
        }
        ranges.sort((a, b) -> (b[1] - b[0]) - (a[1] - a[0]));
        List<String> out = new ArrayList<>();
        for (int[] r : ranges) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < lines.length; i++) {
                if (i < r[0] || i > r[1]) {
                    sb.append(lines[i]);
                    if (i < lines.length - 1) {
                        sb.append('\n');
                    }
                }
            }
            out.add(sb.toString());
        }
        // also: replace a block by its body (for if/else branches and loops without their own names)
        return out;
    }

    /** The line that closes the block opened on line {@code open} (following "} else {" chains). */
    private static int matching(String[] lines, int open) {
        int depth = 0;
        for (int i = open; i < lines.length; i++) {
            String t = lines[i].trim();
            for (char c : t.toCharArray()) {
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                }
            }
            if (depth == 0 && i > open) {
                return i;
            }
        }
        return -1;
    }
}
