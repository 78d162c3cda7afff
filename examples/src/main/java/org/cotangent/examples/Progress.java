package org.cotangent.examples;

import java.io.Console;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Training progress on the terminal: one line redrawn in place ({@code \r}) when standard output is a
 * terminal, otherwise a few plain lines per run so that CI logs stay short.
 */
final class Progress {
    private static final int BAR_WIDTH = 24;
    private static final int PLAIN_LINES = 4;

    private final PrintStream out;
    private final String label;
    private final int epochs;
    private final boolean redraw;

    Progress(PrintStream out, String label, int epochs, boolean redraw) {
        this.out = out;
        this.label = label;
        this.epochs = epochs;
        this.redraw = redraw;
    }

    /** Whether standard output is an interactive terminal (Console.isTerminal on JDK 22+, else a console exists). */
    static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // before JDK 22 a console exists only for a terminal
        }
    }

    void update(int epoch, double loss, double trainAccuracy, double testAccuracy) {
        String line = String.format(Locale.ROOT, "%-8s %s epoch %4d/%d  loss %.4f  train %5.1f%%  test %5.1f%%",
                label, bar(epoch), epoch, epochs, loss, 100 * trainAccuracy, 100 * testAccuracy);
        if (redraw) {
            out.print('\r' + line);
            if (epoch == epochs) {
                out.println();
            }
            out.flush();
        } else if (epoch == epochs || epoch % Math.max(1, epochs / PLAIN_LINES) == 0) {
            out.println(line);
        }
    }

    private String bar(int epoch) {
        int filled = (int) ((long) BAR_WIDTH * epoch / epochs);
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]";
    }
}
