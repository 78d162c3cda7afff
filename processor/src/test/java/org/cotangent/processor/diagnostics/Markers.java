package org.cotangent.processor.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expected-error markers in a snippet, Error Prone style: a comment line
 * {@code // ERROR: COT001 col=9} says that the next line which is not itself a marker holds an
 * error with that id at that (1-based) column. Several markers in a row all refer to the same line.
 */
final class Markers {
    static final Pattern MARKER = Pattern.compile("^\\s*// ERROR: (COT\\d{3}) col=(\\d+)\\s*$");
    private static final Pattern LOOSE = Pattern.compile("//\\s*ERROR");

    private Markers() {
    }

    /** Where an error is, or is expected: 1-based line and column, and the id. */
    record Finding(long line, long column, String id) implements Comparable<Finding> {
        @Override
        public int compareTo(Finding o) {
            int c = Long.compare(line, o.line);
            if (c == 0) {
                c = Long.compare(column, o.column);
            }
            return c == 0 ? id.compareTo(o.id) : c;
        }

        @Override
        public String toString() {
            return "line " + line + ", col " + column + ", " + id;
        }
    }

    /** The expected findings of a snippet; throws if a marker is malformed or points at nothing. */
    static List<Finding> parse(String fileName, String source) {
        String[] lines = source.split("\\R", -1);
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MARKER.matcher(lines[i]);
            if (!m.matches()) {
                if (LOOSE.matcher(lines[i]).find()) {
                    throw new IllegalArgumentException(fileName + ":" + (i + 1)
                            + ": malformed marker, write it as '// ERROR: COT001 col=9': " + lines[i]);
                }
                continue;
            }
            int target = i + 1;
            while (target < lines.length && MARKER.matcher(lines[target]).matches()) {
                target++;
            }
            if (target >= lines.length || lines[target].isBlank()) {
                throw new IllegalArgumentException(fileName + ":" + (i + 1) + ": marker is not followed by code");
            }
            int column = Integer.parseInt(m.group(2));
            if (column < 1 || column > lines[target].length() || lines[target].charAt(column - 1) == ' ') {
                throw new IllegalArgumentException(fileName + ":" + (i + 1) + ": col=" + column
                        + " does not point at a token of line " + (target + 1) + ": " + lines[target]);
            }
            out.add(new Finding(target + 1, column, m.group(1)));
        }
        return out;
    }
}
