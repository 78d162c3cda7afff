package org.cotangent.runtime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TapeTest {
    @Test
    void pooledArraysAreZeroedOfTheExactLengthAndReusedInStackOrder() {
        Tape tape = Tape.get();
        tape.clear();
        double[] a = tape.doubles(3);
        double[] b = tape.doubles(5);
        assertNotSame(a, b);
        assertEquals(3, a.length);
        assertEquals(5, b.length);
        a[1] = 7;
        b[4] = 9;
        tape.releaseArrays(2);
        double[] again = tape.doubles(3);
        assertSame(a, again);
        assertArrayEquals(new double[3], again);
        double[] other = tape.doubles(4);
        assertNotSame(b, other);
        assertEquals(4, other.length);
        tape.releaseArrays(2);
    }

    @Test
    void nestedTakersGetDistinctArrays() {
        Tape tape = Tape.get();
        tape.clear();
        double[] outer = tape.doubles(2);
        double[] inner = tape.doubles(2);
        assertNotSame(outer, inner);
        tape.releaseArrays(1);
        outer[0] = 1;
        assertNotSame(outer, tape.doubles(2));
        tape.releaseArrays(2);
    }

    @Test
    void negativeLengthFailsLikeNew() {
        Tape tape = Tape.get();
        tape.clear();
        assertThrows(NegativeArraySizeException.class, () -> tape.doubles(-1));
    }

    @Test
    void rewindGivesBackWhatWasPoppedSinceTheMark() {
        Tape tape = Tape.get();
        tape.clear();
        tape.pushDouble(1.5);
        tape.pushInt(7);
        tape.pushLong(9L);
        tape.pushBoolean(true);
        tape.mark();
        for (int row = 0; row < 3; row++) {
            tape.rewind();
            assertEquals(true, tape.popBoolean());
            assertEquals(9L, tape.popLong());
            assertEquals(7, tape.popInt());
            assertEquals(1.5, tape.popDouble());
        }
        tape.releaseMark();
        assertEquals(true, tape.isEmpty());
    }

    @Test
    void leavingAFrameForgetsItsMarks() {
        Tape tape = Tape.get();
        tape.clear();
        tape.enter();
        tape.pushDouble(2.0);
        tape.mark();
        tape.popDouble();
        tape.leave();
        assertEquals(true, tape.isEmpty());
    }
}
