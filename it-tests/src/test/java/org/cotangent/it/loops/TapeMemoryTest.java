package org.cotangent.it.loops;

import static org.cotangent.it.scalar.Check.Args.args;
import static org.cotangent.it.scalar.Check.arrays;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicReference;
import org.cotangent.it.scalar.Check.Args;
import org.cotangent.runtime.Tape;
import org.junit.jupiter.api.Test;

/**
 * Memory of the reverse sweep over a 1,000,000-iteration loop ({@link TapeMemory#sinChain}), measured
 * on a fresh thread so that the thread's tape holds nothing but this computation.
 */
class TapeMemoryTest {
    private static final int ITERATIONS = 1_000_000;
    /**
     * Bound on the tape: at most 64 bytes per loop iteration. The backward sweep needs one double per
     * iteration (the old s, 8 bytes); an int or two of control (4 bytes each) and the doubling growth
     * of the stacks (up to 2x) stay well inside 64.
     */
    private static final long TAPE_BYTES_PER_ITERATION = 64;
    /** Bound on what a second call of the same {@code _vjp} on the same thread may allocate. */
    private static final long STEADY_STATE_ALLOCATION_BYTES = 1024;

    private static final double[] X = {0.9, -0.7, 0.8, 0.6, -0.85};

    @Test
    void gradientOfAShortChain() {
        Args[] points = Inputs.points(801, 3, in -> args().v("x", in.vector(5, -0.9, 0.9))
                .d("s0", in.uniform(-1, 1)).i("n", 200));
        arrays("sinChain", "x s0",
                a -> TapeMemory.sinChain(a.v(0), a.d(1), a.i(2)),
                a -> TapeMemoryDerivatives.sinChain_grad(a.v(0), a.d(1), a.i(2)),
                (a, s, acc) -> TapeMemoryDerivatives.sinChain_vjp(a.v(0), a.d(1), a.i(2), s, acc.v(0), acc.v(1)),
                points);
    }

    @Test
    void gradientOfTheLongChainMatchesVjp() {
        var g = TapeMemoryDerivatives.sinChain_grad(X, 0.3, ITERATIONS);
        assertEquals(TapeMemory.sinChain(X, 0.3, ITERATIONS), g.value(), 0.0);
        double[] xAdj = new double[X.length];
        double[] s0Adj = new double[1];
        double value = TapeMemoryDerivatives.sinChain_vjp(X, 0.3, ITERATIONS, 1.0, xAdj, s0Adj);
        assertEquals(g.value(), value, 0.0);
        for (int i = 0; i < X.length; i++) {
            assertTrue(Double.isFinite(g.x()[i]));
            assertEquals(g.x()[i], xAdj[i], 1e-12 * Math.abs(g.x()[i]));
        }
        assertEquals(g.s0(), s0Adj[0], 1e-12 * Math.abs(g.s0()));
    }

    @Test
    void tapeHoldsAtMost64BytesPerIteration() throws InterruptedException {
        long capacity = onFreshThread(() -> {
            double[] xAdj = new double[X.length];
            double[] s0Adj = new double[1];
            TapeMemoryDerivatives.sinChain_vjp(X, 0.3, ITERATIONS, 1.0, xAdj, s0Adj);
            assertEquals(0, Tape.get().size(), "the tape is empty again after a call");
            return Tape.get().capacityBytes();
        });
        assertTrue(capacity <= TAPE_BYTES_PER_ITERATION * ITERATIONS, "tape capacity " + capacity + " bytes for "
                + ITERATIONS + " iterations exceeds " + TAPE_BYTES_PER_ITERATION + " bytes per iteration");
    }

    @Test
    void secondCallAllocatesAlmostNothing() throws InterruptedException {
        com.sun.management.ThreadMXBean threads = allocationCounter();
        long fewest = onFreshThread(() -> {
            double[] xAdj = new double[X.length];
            double[] s0Adj = new double[1];
            long id = Thread.currentThread().getId();
            // warm up: the first call grows the tape, later ones let the JIT settle
            for (int i = 0; i < 3; i++) {
                TapeMemoryDerivatives.sinChain_vjp(X, 0.3, ITERATIONS, 1.0, xAdj, s0Adj);
            }
            // the minimum over 5 calls, in case the JIT allocates while compiling in the middle of one
            long min = Long.MAX_VALUE;
            for (int i = 0; i < 5; i++) {
                long before = threads.getThreadAllocatedBytes(id);
                TapeMemoryDerivatives.sinChain_vjp(X, 0.3, ITERATIONS, 1.0, xAdj, s0Adj);
                long after = threads.getThreadAllocatedBytes(id);
                min = Math.min(min, after - before);
            }
            return min;
        });
        assertTrue(fewest < STEADY_STATE_ALLOCATION_BYTES, "a repeated sinChain_vjp over " + ITERATIONS
                + " iterations allocated " + fewest + " bytes; expected fewer than " + STEADY_STATE_ALLOCATION_BYTES);
    }

    @Test
    void localArraysComeFromThePoolSoRepeatedCallsAllocateNothing() throws InterruptedException {
        com.sun.management.ThreadMXBean threads = allocationCounter();
        double[] x = new double[10_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(i);
        }
        long fewest = onFreshThread(() -> {
            double[] xAdj = new double[x.length];
            long id = Thread.currentThread().getId();
            for (int i = 0; i < 3; i++) {
                TapeMemoryDerivatives.localArrays_vjp(x, 1.0, xAdj);
            }
            long min = Long.MAX_VALUE;
            for (int i = 0; i < 5; i++) {
                long before = threads.getThreadAllocatedBytes(id);
                TapeMemoryDerivatives.localArrays_vjp(x, 1.0, xAdj);
                long after = threads.getThreadAllocatedBytes(id);
                min = Math.min(min, after - before);
            }
            return min;
        });
        // without the pool, each call would allocate two arrays of 80 KB (h and its adjoint)
        assertTrue(fewest < 16, "a repeated localArrays_vjp allocated " + fewest + " bytes; expected none");
    }

    @Test
    void pooledArraysGiveTheSameGradientAsFiniteDifferences() {
        double[] x = {0.3, -0.8, 0.5, 1.1};
        double[] grad = new double[x.length];
        TapeMemoryDerivatives.localArrays_vjp(x, 1.0, grad);
        org.cotangent.runtime.GradCheck.assertGradient(TapeMemory::localArrays, x, grad);
        double[] again = new double[x.length];
        TapeMemoryDerivatives.localArrays_vjp(x, 1.0, again);
        org.junit.jupiter.api.Assertions.assertArrayEquals(grad, again, 0.0);
    }

    @Test
    void anArrayThatIsReturnedIsNeverReused() {
        double[] x = {1, 2, 3};
        double[] seed = {1, 1, 1};
        double[] first = TapeMemoryDerivatives.escapes_vjp(x, seed, new double[3]);
        double[] second = TapeMemoryDerivatives.escapes_vjp(new double[] {4, 5, 6}, seed, new double[3]);
        org.junit.jupiter.api.Assertions.assertNotSame(first, second);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new double[] {1, 4, 9}, first, 0.0);
    }

    /** The JVM's per-thread allocation counter, switched on; skips the test where there is none. */
    private static com.sun.management.ThreadMXBean allocationCounter() {
        java.lang.management.ThreadMXBean plain = ManagementFactory.getThreadMXBean();
        assumeTrue(plain instanceof com.sun.management.ThreadMXBean, "needs com.sun.management.ThreadMXBean");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) plain;
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "thread allocation counting unsupported");
        if (!threads.isThreadAllocatedMemoryEnabled()) {
            threads.setThreadAllocatedMemoryEnabled(true);
        }
        return threads;
    }

    @FunctionalInterface
    private interface Measurement {
        long run();
    }

    /** Runs the measurement on a new thread (a new, empty tape) and returns its result or rethrows its failure. */
    private static long onFreshThread(Measurement measurement) throws InterruptedException {
        AtomicReference<Long> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                result.set(measurement.run());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "tape-memory");
        thread.start();
        thread.join();
        if (failure.get() != null) {
            if (failure.get() instanceof Error error) {
                throw error;
            }
            throw new AssertionError(failure.get());
        }
        return result.get();
    }
}
