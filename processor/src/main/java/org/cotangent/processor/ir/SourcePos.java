package org.cotangent.processor.ir;

/**
 * Where a statement came from, for the comments that point generated code back to the source.
 *
 * @param file the source file's simple name, e.g. {@code Banana.java}
 * @param line the 1-based line
 */
public record SourcePos(String file, long line) {
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
