package org.cotangent.processor.ir;

/**
 * Where a statement came from, for the comments that point generated code back to the source.
 *
 * @param file the source file's simple name, e.g. {@code Banana.java}
 * @param line the 1-based line
 * @param inlined for a statement of a callee inlined into its caller, the callee's name; else null
 */
public record SourcePos(String file, long line, String inlined) {
    public SourcePos(String file, long line) {
        this(file, line, null);
    }

    /** The same place, as part of {@code callee} inlined into a caller. */
    public SourcePos inlinedFrom(String callee) {
        return new SourcePos(file, line, callee);
    }

    @Override
    public String toString() {
        return inlined == null ? file + ":" + line : file + ":" + line + " (" + inlined + ", inlined)";
    }
}
