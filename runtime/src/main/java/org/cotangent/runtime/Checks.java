package org.cotangent.runtime;

/**
 * Argument checks at the entry of generated methods: a call that is rejected throws before any
 * accumulator is touched, so nothing is left half-updated.
 */
public final class Checks {
    private Checks() {
    }

    /**
     * Requires a non-null value-type argument, or a non-null tangent object of one (an accumulator,
     * a tangent, a seed): {@link NullPointerException} naming it, before anything is touched.
     */
    public static void notNull(Object value, String name) {
        if (value == null) {
            throw new NullPointerException(name + " must not be null");
        }
    }

    /**
     * Requires a non-null input array to differentiate with respect to (its accumulator or tangent
     * takes its shape): {@link NullPointerException} naming the parameter, as the original method's
     * first read of it would throw, but before anything is touched.
     */
    public static void input(double[] input, String name) {
        if (input == null) {
            throw new NullPointerException(name + " must not be null: it is an input the derivative is taken with "
                    + "respect to");
        }
    }

    /** {@link #input(double[], String)} for a matrix: the matrix and each of its rows. */
    public static void input(double[][] input, String name) {
        if (input == null) {
            throw new NullPointerException(name + " must not be null: it is an input the derivative is taken with "
                    + "respect to");
        }
        for (int i = 0; i < input.length; i++) {
            if (input[i] == null) {
                throw new NullPointerException(name + "[" + i + "] must not be null: every row of " + name
                        + " is an input the derivative is taken with respect to");
            }
        }
    }

    /** Requires a non-null accumulator of exactly {@code length} elements. */
    public static void accumulator(double[] accumulator, int length, String name) {
        if (accumulator == null) {
            throw new IllegalArgumentException(name + " must not be null: pass an array of length " + length);
        }
        if (accumulator.length != length) {
            throw new IllegalArgumentException(
                    name + " has length " + accumulator.length + " but must have length " + length);
        }
    }

    /** Requires a non-null accumulator of the same shape as the rectangular or ragged {@code shape}. */
    public static void accumulator(double[][] accumulator, double[][] shape, String name) {
        if (accumulator == null) {
            throw new IllegalArgumentException(name + " must not be null: pass an array shaped like its parameter");
        }
        if (accumulator.length != shape.length) {
            throw new IllegalArgumentException(
                    name + " has " + accumulator.length + " rows but must have " + shape.length);
        }
        for (int i = 0; i < shape.length; i++) {
            if (accumulator[i] == null || accumulator[i].length != shape[i].length) {
                throw new IllegalArgumentException(name + "[" + i + "] has length "
                        + (accumulator[i] == null ? "null" : String.valueOf(accumulator[i].length))
                        + " but must have length " + shape[i].length);
            }
        }
    }

    /** Requires a non-null tangent of exactly {@code length} elements. */
    public static void tangent(double[] tangent, int length, String name) {
        if (tangent == null) {
            throw new IllegalArgumentException(name + " must not be null: pass an array of length " + length);
        }
        if (tangent.length != length) {
            throw new IllegalArgumentException(
                    name + " has length " + tangent.length + " but must have length " + length);
        }
    }

    /** Requires a non-null tangent shaped like {@code shape}. */
    public static void tangent(double[][] tangent, double[][] shape, String name) {
        accumulator(tangent, shape, name);
    }

    /** Requires a non-null seed of exactly the result's length. */
    public static void seed(double[] seed, int length, String name) {
        if (seed == null) {
            throw new IllegalArgumentException(name + " must not be null: pass an array of the result's length "
                    + length);
        }
        if (seed.length != length) {
            throw new IllegalArgumentException(
                    name + " has length " + seed.length + " but the result has length " + length);
        }
    }
}
