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
}
