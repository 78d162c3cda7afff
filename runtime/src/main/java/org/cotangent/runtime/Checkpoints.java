package org.cotangent.runtime;

import java.util.Arrays;

/**
 * The schedule of a checkpointed loop's backward sweep: which iterations' starting states the
 * forward sweep keeps on the tape, and in what order the backward sweep restores a kept state,
 * runs iterations forward again, keeps new states, and runs iterations backward.
 *
 * <p>When the states of all iterations fit in the memory the loop may use, every iteration's
 * state is kept and nothing runs forward twice. Otherwise the schedule is binomial checkpointing
 * (Griewank; Griewank and Walther, ACM TOMS Algorithm 799, "revolve"): with {@code s} states kept
 * at a time, reversing {@code n} iterations runs each iteration forward at most {@code r} more
 * times, {@code r} the least with {@code C(s + r, s) >= n}; both the memory and the extra time
 * grow like the logarithm of {@code n}. Generated code drives it:
 *
 * <pre>{@code
 * Checkpoints schedule = tape.checkpoints(from, to, words, budgetBytes);
 * for (int i = from; i < to; i++) { if (schedule.keeps(i)) { push the state } ...body... }
 * for (int action = schedule.next(); action != Checkpoints.DONE; action = schedule.next()) {
 *     ADVANCE: run iterations schedule.from() .. schedule.to() - 1 forward
 *     TAKE: push the state;  RESTORE: pop it and push it again;  POP: pop it
 *     REVERSE: iteration schedule.step() forward again, then backward
 * }
 * }</pre>
 */
public final class Checkpoints {
    public static final int DONE = 0;
    public static final int ADVANCE = 1;
    public static final int TAKE = 2;
    public static final int RESTORE = 3;
    public static final int POP = 4;
    public static final int REVERSE = 5;

    /** Task kinds on the stack besides the actions: a segment to reverse, and one with no slot to spare. */
    private static final int SEGMENT = 6;
    private static final int NO_ROOM = 7;

    private int[] kept = new int[16];
    private int keptCount;
    private int nextKept;
    private long[] tasks = new long[64];
    private int taskCount;
    private int from;
    private int to;
    private int step;
    private int slots;
    private long forwardRuns;
    /** Every state is kept: the forward sweep keeps each, the backward sweep pops and reverses each, last first. */
    private boolean everything;
    private int first;
    private int next;
    private boolean popped;

    /** Plans the loop over {@code [from, to)} keeping at most {@code slots} (at least 1) states at a time. */
    public void plan(int from, int to, int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("a checkpointed loop needs at least one slot, not " + slots);
        }
        this.slots = slots;
        keptCount = 0;
        nextKept = 0;
        taskCount = 0;
        forwardRuns = 0;
        everything = slots >= (long) to - from;
        first = from;
        next = to - 1;
        popped = false;
        if (to <= from || everything) {
            return;
        }
        // the forward sweep takes the first descent of the recursion: the start, then each split
        int start = from;
        int free = slots - 1;
        keep(start);
        while (to - start > 1 && free > 0) {
            int m = split(start, to, free);
            keep(m);
            start = m;
            free--;
        }
        // the backward sweep: what remains of the last segment, then the earlier segments, last first
        for (int k = 0; k < keptCount - 1; k++) {
            push(SEGMENT, kept[k], kept[k + 1], slots - 1 - k);
        }
        int last = kept[keptCount - 1];
        if (to - last == 1) {
            push(REVERSE, last, 0, 0);
            push(POP, 0, 0, 0);
        } else {
            push(NO_ROOM, last, to, 0);
        }
    }

    /** Whether the forward sweep keeps the state at the start of iteration {@code i} (asked in increasing order). */
    public boolean keeps(int i) {
        if (everything) {
            return true;
        }
        if (nextKept < keptCount && kept[nextKept] == i) {
            nextKept++;
            return true;
        }
        return false;
    }

    /** The next action of the backward sweep. */
    public int next() {
        if (everything) {
            if (popped) {
                popped = false;
                step = next--;
                return REVERSE;
            }
            if (next < first) {
                return DONE;
            }
            popped = true;
            return POP;
        }
        while (taskCount > 0) {
            long where = tasks[--taskCount];
            long what = tasks[--taskCount];
            int kind = (int) (what >>> 32);
            int free = (int) what;
            int a = (int) (where >> 32);
            int b = (int) where;
            switch (kind) {
                case ADVANCE -> {
                    from = a;
                    to = b;
                    forwardRuns += (long) b - a;
                    return ADVANCE;
                }
                case REVERSE -> {
                    step = a;
                    return REVERSE;
                }
                case TAKE, RESTORE, POP -> {
                    return kind;
                }
                case SEGMENT -> expand(a, b, free);
                case NO_ROOM -> expandNoRoom(a, b);
                default -> throw new IllegalStateException("unknown task " + kind);
            }
        }
        return DONE;
    }

    /** For {@link #ADVANCE}: the first iteration to run forward. */
    public int from() {
        return from;
    }

    /** For {@link #ADVANCE}: one past the last iteration to run forward. */
    public int to() {
        return to;
    }

    /** For {@link #REVERSE}: the iteration to run backward. */
    public int step() {
        return step;
    }

    /** The states this schedule keeps at a time, at most. */
    public int slots() {
        return slots;
    }

    /** How many iterations the backward sweep has run forward again so far (not counting the replays before each reverse step). */
    public long recomputedIterations() {
        return forwardRuns;
    }

    /** Reverses {@code [start, end)} with the state at {@code start} on top of the tape and {@code free} more slots. */
    private void expand(int start, int end, int free) {
        if (end - start == 1) {
            push(REVERSE, start, 0, 0);
            push(POP, 0, 0, 0);
            return;
        }
        if (free == 0) {
            push(NO_ROOM, start, end, 0);
            return;
        }
        int m = split(start, end, free);
        // run in this order: restore, advance to m, take, reverse [m, end), reverse [start, m)
        push(SEGMENT, start, m, free);
        push(SEGMENT, m, end, free - 1);
        push(TAKE, 0, 0, 0);
        push(ADVANCE, start, m, 0);
        push(RESTORE, 0, 0, 0);
    }

    /** Reverses {@code end - 1} from the state at {@code start}, then the rest the same way: no slot to spare. */
    private void expandNoRoom(int start, int end) {
        if (end - start == 1) {
            push(REVERSE, start, 0, 0);
            push(POP, 0, 0, 0);
            return;
        }
        push(NO_ROOM, start, end - 1, 0);
        push(REVERSE, end - 1, 0, 0);
        push(ADVANCE, start, end - 1, 0);
        push(RESTORE, 0, 0, 0);
    }

    /**
     * Where to keep the next state when reversing {@code [start, end)} with {@code free} slots: with
     * r the fewest repetitions such that C(free + r, free) >= n, the part after the split gets
     * free - 1 slots and r repetitions, the part before it free slots and r - 1 (binomial partition).
     */
    static int split(int start, int end, int free) {
        long n = (long) end - start;
        if (free >= n - 1) {
            return start + 1; // room for every state: keep the next one
        }
        int r = 1;
        while (binomial(free + r, free) < n) {
            r++;
        }
        long after = binomial(free - 1 + r, free - 1);
        long m = Math.max(start + 1L, end - Math.min(after, n - 1));
        return (int) m;
    }

    /** C(n, k), saturated at Long.MAX_VALUE. */
    static long binomial(int n, int k) {
        k = Math.min(k, n - k);
        long c = 1;
        for (int i = 1; i <= k; i++) {
            double next = (double) c * (n - k + i) / i;
            if (next >= Long.MAX_VALUE) {
                return Long.MAX_VALUE;
            }
            c = c * (n - k + i) / i;
        }
        return c;
    }

    private void keep(int i) {
        if (keptCount == kept.length) {
            kept = Arrays.copyOf(kept, kept.length * 2);
        }
        kept[keptCount++] = i;
    }

    /** Pushes a task: two words, its kind and free slots, then its range. */
    private void push(int kind, int a, int b, int free) {
        if (taskCount + 2 > tasks.length) {
            tasks = Arrays.copyOf(tasks, tasks.length * 2);
        }
        tasks[taskCount++] = ((long) kind << 32) | (free & 0xFFFFFFFFL);
        tasks[taskCount++] = ((long) a << 32) | (b & 0xFFFFFFFFL);
    }
}
