package org.cotangent.bench.table;

/**
 * One way of computing a case's function or derivative. The reported time is the measured time of
 * {@code op} times {@code scale}: a scale other than 1 extrapolates a method that is too slow to run
 * in full (for example, one chunk of forward-mode passes), and {@code note} says how.
 *
 * @param name  the column it belongs to: {@code primal}, {@code vjp}, {@code grad}, {@code hand},
 *              {@code hipparchus}, {@code fd} (others are printed as extra columns)
 * @param op    the operation, run once per JMH invocation
 * @param scale what one run of {@code op} must be multiplied by to give the full method
 * @param note  how the method was extrapolated, or empty
 */
public record Method(String name, Op op, double scale, String note) {
    public static Method of(String name, Op op) {
        return new Method(name, op, 1, "");
    }

    /** A fast method run {@code times} times per measured call; its time is reported per single run. */
    public static Method repeated(String name, int times, Op op) {
        return new Method(name, Op.repeat(times, op), 1.0 / Math.max(1, times), "");
    }

    /** A method timed on a part of the work and scaled up, with the reason in {@code note}. */
    public static Method extrapolated(String name, Op op, double scale, String note) {
        return new Method(name, op, scale, note);
    }

    public boolean isExtrapolated() {
        return !note.isEmpty();
    }
}
