package org.cotangent.bench.table;

/** One timed operation of a benchmark case; returns a number so the work cannot be optimised away. */
@FunctionalInterface
public interface Op {
    double run();

    /**
     * Runs {@code op} {@code times} times per call: tiny operations are batched so that the one
     * megamorphic call per measurement does not weigh on their ratios.
     */
    static Op repeat(int times, Op op) {
        if (times <= 1) {
            return op;
        }
        return () -> {
            double sum = 0;
            for (int i = 0; i < times; i++) {
                sum += op.run();
            }
            return sum;
        };
    }
}
