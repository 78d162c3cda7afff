package org.cotangent.it.values;

/** A value type with inactive components only besides one scale. */
public record Settings(int steps, long seed, boolean clip, Kind kind, int[] order, double scale) {
}
