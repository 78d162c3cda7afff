package org.cotangent.explorer;

import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Prints a diagnostic the way javac does: {@code File.java:LINE:COL: error: message}, then the source
 * line and a caret under the column, then any further lines of the message ({@code symbol: ...}).
 * The caret line copies the tabs of the source line, so it lines up in any tab width.
 */
final class DiagnosticFormatter {
    private final Function<JavaFileObject, String> displayName;
    private final Map<JavaFileObject, String> contents = new HashMap<>();

    /** @param displayName the name to print for a file (the path as the user typed it) */
    DiagnosticFormatter(Function<JavaFileObject, String> displayName) {
        this.displayName = displayName;
    }

    /** The diagnostic as javac prints it, ending with a line break. */
    String format(Diagnostic<? extends JavaFileObject> d) {
        String[] message = d.getMessage(Locale.ROOT).split("\\R", -1);
        StringBuilder out = new StringBuilder();
        JavaFileObject file = d.getSource();
        if (file != null) {
            out.append(displayName.apply(file));
            if (d.getLineNumber() > 0) {
                out.append(':').append(d.getLineNumber());
                if (d.getColumnNumber() > 0) {
                    out.append(':').append(d.getColumnNumber());
                }
            }
            out.append(": ");
        }
        out.append(kind(d.getKind())).append(": ").append(message[0]).append('\n');
        String source = file == null || d.getPosition() == Diagnostic.NOPOS ? null : contentOf(file);
        if (source != null && d.getPosition() <= source.length()) {
            int position = (int) d.getPosition();
            int start = source.lastIndexOf('\n', position - 1) + 1;
            int end = lineEnd(source, position);
            String line = source.substring(start, end);
            out.append(line).append('\n');
            out.append(caret(line, position - start)).append('\n');
        }
        for (int i = 1; i < message.length; i++) {
            out.append(message[i]).append('\n');
        }
        return out.toString();
    }

    /** javac's word for a kind: {@code error}, {@code warning}, {@code note}. */
    static String kind(Diagnostic.Kind kind) {
        switch (kind) {
            case ERROR:
                return "error";
            case WARNING:
            case MANDATORY_WARNING:
                return "warning";
            default:
                return "note";
        }
    }

    private static int lineEnd(String source, int position) {
        int end = position;
        while (end < source.length() && source.charAt(end) != '\n' && source.charAt(end) != '\r') {
            end++;
        }
        return end;
    }

    private static String caret(String line, int column) {
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < column && i < line.length(); i++) {
            caret.append(line.charAt(i) == '\t' ? '\t' : ' ');
        }
        return caret.append('^').toString();
    }

    private String contentOf(JavaFileObject file) {
        return contents.computeIfAbsent(file, f -> {
            try {
                return f.getCharContent(true).toString();
            } catch (IOException | RuntimeException e) {
                return null;
            }
        });
    }
}
