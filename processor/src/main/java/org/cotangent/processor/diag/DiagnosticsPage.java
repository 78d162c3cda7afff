package org.cotangent.processor.diag;

/**
 * Writes the reference page of every diagnostic ({@code docs/diagnostics.md}) from the catalogue:
 * per id its summary and each message it can show. A test compares the page in the repository with
 * this output, so the page cannot fall behind the processor.
 */
public final class DiagnosticsPage {
    private DiagnosticsPage() {
    }

    public static String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Diagnostics\n\n");
        out.append("Every error the Cotangent processor reports starts with a stable id, such as `[COT001]`, and ")
                .append("points at the exact expression, statement or declaration. This page lists every id with ")
                .append("every message it can show; `{name}` marks a part filled in from your code.\n\n");
        out.append("Generated from the processor's catalogue (`diag/Message.java`); do not edit by hand.\n\n");
        for (Problem p : Problem.values()) {
            out.append("- [").append(p.id()).append("](#").append(p.id().toLowerCase()).append("): ")
                    .append(p.title()).append('\n');
        }
        for (Problem p : Problem.values()) {
            out.append("\n## ").append(p.id()).append("\n\n**").append(p.title()).append(".** ")
                    .append(p.summary()).append("\n\n");
            for (Message m : Message.values()) {
                if (m.problem() == p) {
                    out.append("- `").append(m.template()).append("`\n");
                }
            }
        }
        return out.toString();
    }
}
