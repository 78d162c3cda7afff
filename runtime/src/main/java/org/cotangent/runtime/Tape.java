package org.cotangent.runtime;

import java.util.Arrays;

/**
 * The tape of reverse mode: last-in first-out stacks of primitive {@code double}s, {@code int}s,
 * {@code long}s and references (array pointers), without boxing.
 *
 * <p>Generated code asks for the current thread's tape with {@link #get()}, pushes in its forward
 * sweep what its backward sweep will need, and pops it back in reverse order; a call leaves the
 * tape as deep as it found it, so nested and recursive calls share one tape. The stacks grow by
 * doubling and are never shrunk, so once a thread has run a computation, running it again
 * allocates nothing. A tape is confined to its thread: generated methods stay thread-safe.
 */
public final class Tape {
    private static final ThreadLocal<Tape> CURRENT = ThreadLocal.withInitial(Tape::new);
    private static final int INITIAL = 64;

    private double[] doubles = new double[INITIAL];
    private int doubleTop;
    private int[] ints = new int[INITIAL];
    private int intTop;
    private long[] longs = new long[INITIAL];
    private int longTop;
    private Object[] refs = new Object[INITIAL];
    private double[][] cells = new double[16][];
    private double[][] arrays = new double[16][];
    private int arrayTop;
    private double[] kept = new double[INITIAL];
    private int keptTop;
    private int[] keptInts = new int[INITIAL];
    private int keptIntTop;
    private int cellTop;
    private int refTop;
    private Checkpoints[] schedules = new Checkpoints[4];
    private int scheduleTop;
    private int[] marks = new int[12];
    private int markTop;

    private Tape() {
    }

    /** The current thread's tape. */
    public static Tape get() {
        return CURRENT.get();
    }

    public void pushDouble(double value) {
        if (doubleTop == doubles.length) {
            doubles = Arrays.copyOf(doubles, doubles.length * 2);
        }
        doubles[doubleTop++] = value;
    }

    public double popDouble() {
        return doubles[--doubleTop];
    }

    public void pushInt(int value) {
        if (intTop == ints.length) {
            ints = Arrays.copyOf(ints, ints.length * 2);
        }
        ints[intTop++] = value;
    }

    public int popInt() {
        return ints[--intTop];
    }

    public void pushLong(long value) {
        if (longTop == longs.length) {
            longs = Arrays.copyOf(longs, longs.length * 2);
        }
        longs[longTop++] = value;
    }

    public long popLong() {
        return longs[--longTop];
    }

    /** Pushes every element of {@code a}, for {@link #popAll(double[])} to put back. */
    public void pushAll(double[] a) {
        int n = a.length;
        int top = doubleTop;
        while (top + n > doubles.length) {
            doubles = Arrays.copyOf(doubles, doubles.length * 2);
        }
        // a counted loop, not System.arraycopy: the arrays kept per iteration are often a few
        // elements long, where the call's set-up costs more than the copy; C2 vectorises the loop
        double[] stack = doubles;
        for (int i = 0; i < n; i++) {
            stack[top + i] = a[i];
        }
        doubleTop = top + n;
    }

    /** Puts back into {@code a} the elements {@link #pushAll(double[])} pushed. */
    public void popAll(double[] a) {
        int n = a.length;
        int top = doubleTop - n;
        double[] stack = doubles;
        for (int i = 0; i < n; i++) {
            a[i] = stack[top + i];
        }
        doubleTop = top;
    }

    public void pushAll(double[][] a) {
        for (double[] row : a) {
            pushAll(row);
        }
    }

    public void popAll(double[][] a) {
        for (int i = a.length - 1; i >= 0; i--) {
            popAll(a[i]);
        }
    }

    public void pushAll(int[] a) {
        for (int v : a) {
            pushInt(v);
        }
    }

    public void popAll(int[] a) {
        for (int i = a.length - 1; i >= 0; i--) {
            a[i] = popInt();
        }
    }

    /**
     * A zeroed {@code double[1]} to receive one scalar adjoint from a callee's pullback, taken from
     * a pool so that steady-state calls allocate nothing; give it back with {@link #releaseCells}.
     */
    public double[] cell() {
        if (cellTop == cells.length) {
            cells = Arrays.copyOf(cells, cells.length * 2);
        }
        double[] c = cells[cellTop];
        if (c == null) {
            c = new double[1];
            cells[cellTop] = c;
        }
        cellTop++;
        c[0] = 0.0;
        return c;
    }

    /** Gives back the last {@code n} cells taken. */
    public void releaseCells(int n) {
        cellTop -= n;
    }

    /**
     * A zeroed {@code double[n]} for a local array of a generated method (or its adjoint) that never
     * leaves the method, taken from a pool so that steady-state calls allocate nothing; give it back
     * with {@link #releaseArrays} before returning. The pool keeps, per depth, the last array it
     * handed out, so a thread keeps its largest local arrays alive between calls.
     *
     * @throws NegativeArraySizeException if {@code n} is negative, as {@code new double[n]} does
     */
    public double[] doubles(int n) {
        if (arrayTop == arrays.length) {
            arrays = Arrays.copyOf(arrays, arrays.length * 2);
        }
        double[] a = arrays[arrayTop];
        if (a == null || a.length != n) {
            a = new double[n];
            arrays[arrayTop] = a;
        } else {
            Arrays.fill(a, 0.0);
        }
        arrayTop++;
        return a;
    }

    /** A copy of {@code a} in an array taken as {@link #doubles} takes it: {@code a.clone()} without allocating. */
    public double[] copyOf(double[] a) {
        double[] copy = doubles(a.length);
        System.arraycopy(a, 0, copy, 0, a.length);
        return copy;
    }

    /** Gives back the last {@code n} arrays taken with {@link #doubles} or {@link #copyOf}. */
    public void releaseArrays(int n) {
        arrayTop -= n;
    }

    /**
     * Keeps a copy of {@code a} apart from the stacks the sweeps use, for {@link #restoreKept(double[])}
     * to put back after the backward sweep: how a generated method leaves an array parameter exactly as
     * the original method does, without allocating.
     */
    public void keep(double[] a) {
        while (keptTop + a.length > kept.length) {
            kept = Arrays.copyOf(kept, kept.length * 2);
        }
        System.arraycopy(a, 0, kept, keptTop, a.length);
        keptTop += a.length;
    }

    /** Puts back the copy {@link #keep(double[])} made (the last one kept comes back first). */
    public void restoreKept(double[] a) {
        keptTop -= a.length;
        System.arraycopy(kept, keptTop, a, 0, a.length);
    }

    public void keep(double[][] a) {
        for (double[] row : a) {
            keep(row);
        }
    }

    public void restoreKept(double[][] a) {
        for (int i = a.length - 1; i >= 0; i--) {
            restoreKept(a[i]);
        }
    }

    public void keep(int[] a) {
        while (keptIntTop + a.length > keptInts.length) {
            keptInts = Arrays.copyOf(keptInts, keptInts.length * 2);
        }
        System.arraycopy(a, 0, keptInts, keptIntTop, a.length);
        keptIntTop += a.length;
    }

    public void restoreKept(int[] a) {
        keptIntTop -= a.length;
        System.arraycopy(keptInts, keptIntTop, a, 0, a.length);
    }

    /** Pushes a branch outcome. */
    public void pushBoolean(boolean value) {
        pushInt(value ? 1 : 0);
    }

    public boolean popBoolean() {
        return popInt() != 0;
    }

    public void pushRef(Object value) {
        if (refTop == refs.length) {
            refs = Arrays.copyOf(refs, refs.length * 2);
        }
        refs[refTop++] = value;
    }

    /** Pops a reference pushed by {@link #pushRef}, as the type the caller knows it has. */
    @SuppressWarnings("unchecked")
    public <T> T popRef() {
        Object value = refs[--refTop];
        refs[refTop] = null;
        return (T) value;
    }

    /**
     * Remembers how deep the stacks of doubles, ints and longs are now, for {@link #rewind()}: a
     * Jacobian's rows run one backward sweep each over one forward sweep, and a backward sweep that
     * only pops what that forward sweep pushed can run again once the stacks are back at the mark.
     * Marks nest; give this one back with {@link #releaseMark()}.
     */
    public void mark() {
        if (markTop + 3 > marks.length) {
            marks = Arrays.copyOf(marks, marks.length * 2);
        }
        marks[markTop++] = doubleTop;
        marks[markTop++] = intTop;
        marks[markTop++] = longTop;
    }

    /**
     * Returns the stacks of doubles, ints and longs to the depth of the last {@link #mark()}: what
     * was popped since is there again (popping only moves the top; references are not kept this way,
     * {@link #popRef()} clears its slot).
     */
    public void rewind() {
        doubleTop = marks[markTop - 3];
        intTop = marks[markTop - 2];
        longTop = marks[markTop - 1];
    }

    /** Forgets the last {@link #mark()}. */
    public void releaseMark() {
        markTop -= 3;
    }

    /** Where the innermost open frame starts on the int stack, -1 when none is open. */
    private int frame = -1;

    /**
     * The memory a checkpointed loop's kept states may take, in bytes, when the JVM sets the system
     * property {@code cotangent.checkpointMemory}: it overrides what the processor option of the
     * same name compiled into each loop ({@code -1}: not set).
     */
    private static volatile long memoryOverride = Long.getLong("cotangent.checkpointMemory", -1L);

    /**
     * Sets, for every thread, the memory in bytes that a checkpointed loop's kept states may take,
     * overriding what generated code was compiled with; 0 or less goes back to that. (The system
     * property {@code cotangent.checkpointMemory} sets it at start-up.)
     */
    public static void setCheckpointMemory(long bytes) {
        memoryOverride = bytes;
    }

    /**
     * The schedule of a checkpointed loop over the iterations {@code [from, to)} whose state at an
     * iteration's start is {@code stateWords} values: every iteration's state is kept when they all fit
     * in {@code memoryBytes} (or in {@link #setCheckpointMemory}'s bytes, when set),
     * else as many as fit, chosen by binomial checkpointing ({@link Checkpoints}). Taken from a pool,
     * so steady-state calls allocate nothing; give it back with {@link #releaseCheckpoints()}.
     */
    public Checkpoints checkpoints(int from, int to, long stateWords, long memoryBytes) {
        long override = memoryOverride;
        long memory = override > 0 ? override : memoryBytes;
        long fit = memory / (8 * Math.max(1, stateWords));
        int trips = Math.max(1, to - from);
        int slots = (int) Math.max(1, Math.min(fit, trips));
        if (scheduleTop == schedules.length) {
            schedules = Arrays.copyOf(schedules, schedules.length * 2);
        }
        Checkpoints schedule = schedules[scheduleTop];
        if (schedule == null) {
            schedule = new Checkpoints();
            schedules[scheduleTop] = schedule;
        }
        scheduleTop++;
        schedule.plan(from, to, slots);
        return schedule;
    }

    /** Gives back the schedule {@link #checkpoints} handed out last. */
    public void releaseCheckpoints() {
        scheduleTop--;
    }

    /**
     * Opens a frame: records how deep every stack is now, for the matching {@link #leave()} to come
     * back to. Every generated method that takes the tape opens one and leaves it in a
     * {@code finally}, so that it leaves the tape as it found it even when a sweep is abandoned by an
     * exception (an {@code OutOfMemoryError} in a long loop, an index out of bounds in a callee).
     * Frames nest as the calls do.
     */
    public void enter() {
        while (intTop + 10 > ints.length) {
            ints = Arrays.copyOf(ints, ints.length * 2);
        }
        int start = intTop;
        ints[intTop++] = frame;
        ints[intTop++] = doubleTop;
        ints[intTop++] = longTop;
        ints[intTop++] = refTop;
        ints[intTop++] = cellTop;
        ints[intTop++] = arrayTop;
        ints[intTop++] = keptTop;
        ints[intTop++] = keptIntTop;
        ints[intTop++] = scheduleTop;
        ints[intTop++] = markTop;
        frame = start;
    }

    /**
     * Closes the innermost open frame: every stack returns to the depth it had when the frame was
     * opened (after a normal return it is there already).
     */
    public void leave() {
        int start = frame;
        frame = ints[start];
        doubleTop = ints[start + 1];
        longTop = ints[start + 2];
        int refDepth = ints[start + 3];
        if (refTop > refDepth) {
            Arrays.fill(refs, refDepth, refTop, null);
        }
        refTop = refDepth;
        cellTop = ints[start + 4];
        arrayTop = ints[start + 5];
        keptTop = ints[start + 6];
        keptIntTop = ints[start + 7];
        scheduleTop = ints[start + 8];
        markTop = ints[start + 9];
        intTop = start;
    }

    /**
     * Empties the tape. Generated methods leave the tape as they found it whatever is thrown (see
     * {@link #enter()}); this is for code of the user's that drives the tape by hand.
     */
    public void clear() {
        doubleTop = 0;
        intTop = 0;
        longTop = 0;
        cellTop = 0;
        arrayTop = 0;
        keptTop = 0;
        keptIntTop = 0;
        scheduleTop = 0;
        markTop = 0;
        frame = -1;
        Arrays.fill(refs, 0, refTop, null);
        refTop = 0;
    }

    /** True if nothing is on any stack and no pooled cell, array or kept copy is taken. */
    public boolean isEmpty() {
        return doubleTop == 0 && intTop == 0 && longTop == 0 && refTop == 0 && cellTop == 0 && arrayTop == 0
                && keptTop == 0 && keptIntTop == 0 && scheduleTop == 0 && markTop == 0 && frame == -1;
    }

    /** Entries currently on the tape: doubles, ints and references together. */
    public long size() {
        return (long) doubleTop + intTop + longTop + refTop;
    }

    /** Bytes the tape's stacks hold now (their capacity, which only grows). */
    public long capacityBytes() {
        return 8L * doubles.length + 4L * ints.length + 8L * longs.length + 8L * refs.length;
    }
}
