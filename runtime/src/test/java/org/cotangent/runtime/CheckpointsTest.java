package org.cotangent.runtime;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The schedules drive a simulated loop whose state is the index of the next iteration: every
 * action must find the state it needs, every iteration must be reversed once, last first, and no
 * more states may be kept at a time than the schedule has slots.
 */
class CheckpointsTest {
    /** What one simulated run did. */
    record Run(long recomputed, int maxKept) {
    }

    static Run simulate(int from, int to, int slots) {
        Checkpoints schedule = new Checkpoints();
        schedule.plan(from, to, slots);
        Deque<Integer> kept = new ArrayDeque<>();
        int maxKept = 0;
        for (int i = from; i < to; i++) {
            if (schedule.keeps(i)) {
                kept.push(i);
            }
        }
        maxKept = kept.size();
        int state = to;
        int expected = to - 1;
        long recomputed = 0;
        for (int action = schedule.next(); action != Checkpoints.DONE; action = schedule.next()) {
            switch (action) {
                case Checkpoints.ADVANCE -> {
                    assertEquals(schedule.from(), state, "advance from the state held");
                    recomputed += schedule.to() - schedule.from();
                    state = schedule.to();
                }
                case Checkpoints.TAKE -> kept.push(state);
                case Checkpoints.RESTORE -> state = kept.peek();
                case Checkpoints.POP -> state = kept.pop();
                case Checkpoints.REVERSE -> {
                    assertEquals(expected, schedule.step(), "iterations reversed last first");
                    assertEquals(schedule.step(), state, "reverse from the iteration's own start");
                    expected--;
                    state = -1; // the replay and the backward code leave the state undefined
                }
                default -> fail("unknown action " + action);
            }
            maxKept = Math.max(maxKept, kept.size());
            assertTrue(kept.size() <= slots, "at most " + slots + " states kept");
        }
        assertEquals(from - 1, expected, "every iteration reversed");
        assertTrue(kept.isEmpty(), "every kept state given back");
        assertEquals(recomputed, schedule.recomputedIterations());
        return new Run(recomputed, maxKept);
    }

    @Test
    void everyStateFitsNothingRunsTwice() {
        for (int n : new int[] {1, 2, 3, 10, 1000}) {
            Run run = simulate(0, n, n);
            assertEquals(0, run.recomputed(), "n = " + n);
            assertEquals(n, run.maxKept());
        }
        assertEquals(0, simulate(5, 12, 100).recomputed(), "an offset loop with room to spare");
    }

    @Test
    void binomialSchedulesStayWithinTheirSlots() {
        for (int n : new int[] {2, 3, 7, 50, 333, 1000, 4097}) {
            for (int slots : new int[] {1, 2, 3, 5, 8, 40}) {
                simulate(0, n, Math.min(slots, n));
                simulate(-3, n - 3, Math.min(slots, n));
            }
        }
    }

    @Test
    void recomputationIsBinomial() {
        // with s slots and r repetitions, C(s + r, s) iterations are reversed running each forward at
        // most r more times (the one kept state at the start counts among the s)
        int n = 100_000;
        int slots = 10;
        long bound = 0;
        int r = 1;
        while (Checkpoints.binomial(slots - 1 + r, slots - 1) < n) {
            r++;
        }
        bound = (long) r * n;
        Run run = simulate(0, n, slots);
        assertTrue(run.recomputed() <= bound, run.recomputed() + " iterations run again, bound " + bound);
        assertTrue(run.recomputed() > 0);
    }

    @Test
    void oneSlotRunsFromTheStartEachTime() {
        Run run = simulate(0, 6, 1);
        assertEquals(5 + 4 + 3 + 2 + 1, run.recomputed());
    }

    @Test
    void tapeHandsOutPooledSchedulesWithinItsFrames() {
        Tape tape = Tape.get();
        tape.enter();
        try {
            Checkpoints a = tape.checkpoints(0, 1000, 2, 16 * 1000);
            assertEquals(1000, a.slots(), "all fit");
            Checkpoints b = tape.checkpoints(0, 1000, 2, 16 * 10);
            assertEquals(10, b.slots());
            tape.releaseCheckpoints();
            tape.releaseCheckpoints();
            assertTrue(a == tape.checkpoints(0, 10, 1, 1 << 20), "taken from the pool again");
            Tape.setCheckpointMemory(8 * 3);
            assertEquals(3, tape.checkpoints(0, 10, 1, 1 << 20).slots(), "the override wins");
        } finally {
            Tape.setCheckpointMemory(0);
            tape.leave();
        }
        assertTrue(tape.isEmpty());
        assertFalse(Tape.get() != tape);
    }
}
