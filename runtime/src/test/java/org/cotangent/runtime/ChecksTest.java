package org.cotangent.runtime;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChecksTest {

    @Test
    void aRightAccumulatorIsAccepted() {
        assertDoesNotThrow(() -> Checks.accumulator(new double[3], 3, "x_adj"));
        assertDoesNotThrow(() -> Checks.accumulator(new double[0], 0, "x_adj"));
        assertDoesNotThrow(() -> Checks.accumulator(new double[2][3], new double[2][3], "m_adj"));
        double[][] ragged = {{1}, {1, 2, 3}, {}};
        assertDoesNotThrow(() -> Checks.accumulator(new double[][] {{0}, {0, 0, 0}, {}}, ragged, "r_adj"));
    }

    @Test
    void aNullInputNamesTheParameterOrRow() {
        assertDoesNotThrow(() -> Checks.input(new double[0], "x"));
        assertDoesNotThrow(() -> Checks.input(new double[2][0], "m"));
        assertMentions(assertThrows(NullPointerException.class, () -> Checks.input((double[]) null, "x")), "x",
                "null");
        assertMentions(assertThrows(NullPointerException.class, () -> Checks.input((double[][]) null, "m")), "m",
                "null");
        assertMentions(assertThrows(NullPointerException.class,
                () -> Checks.input(new double[][] {{1}, null}, "m")), "m[1]", "null");
    }

    @Test
    void aNullVectorAccumulatorNamesTheParameterAndTheLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checks.accumulator((double[]) null, 4, "x_adj"));
        assertMentions(e, "x_adj", "null", "4");
    }

    @Test
    void aShortVectorAccumulatorNamesTheParameterAndBothLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checks.accumulator(new double[2], 5, "weights_adj"));
        assertMentions(e, "weights_adj", "2", "5");
    }

    @Test
    void aLongVectorAccumulatorNamesTheParameterAndBothLengths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checks.accumulator(new double[7], 1, "y_adj"));
        assertMentions(e, "y_adj", "7", "1");
    }

    @Test
    void aNullMatrixAccumulatorNamesTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checks.accumulator((double[][]) null, new double[2][2], "m_adj"));
        assertMentions(e, "m_adj", "null");
    }

    @Test
    void aMatrixAccumulatorWithTheWrongRowCountNamesBothCounts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checks.accumulator(new double[3][2], new double[4][2], "m_adj"));
        assertMentions(e, "m_adj", "3", "4");
    }

    @Test
    void aMatrixAccumulatorWithAWrongRowNamesTheRowAndBothLengths() {
        double[][] shape = {{1, 2}, {1, 2, 3}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checks.accumulator(new double[][] {{0, 0}, {0, 0, 0, 0, 0}}, shape, "m_adj"));
        assertMentions(e, "m_adj[1]", "5", "3");
    }

    @Test
    void aMatrixAccumulatorWithANullRowNamesTheRow() {
        double[][] shape = {{1, 2}, {1, 2}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checks.accumulator(new double[][] {{0, 0}, null}, shape, "m_adj"));
        assertMentions(e, "m_adj[1]", "null", "2");
    }

    private static void assertMentions(RuntimeException e, String... parts) {
        String message = e.getMessage();
        for (String part : parts) {
            assertTrue(message != null && message.contains(part),
                    "message should mention '" + part + "': " + message);
        }
    }
}
