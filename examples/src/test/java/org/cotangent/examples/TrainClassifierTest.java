package org.cotangent.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainClassifierTest {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void irisIsTheDataSetItClaimsToBe() {
        Dataset iris = Dataset.iris();
        assertEquals(150, iris.size());
        assertArrayEquals(new int[] {50, 50, 50}, iris.classCounts());
        double[] mean = iris.means();
        assertArrayEquals(new double[] {5.843, 3.054, 3.759, 1.199}, mean, 0.001);
    }

    @Test
    void splitIsStratifiedAndDisjoint() {
        Dataset.Split split = Dataset.iris().stratifiedSplit(0.2, 1);
        assertArrayEquals(new int[] {40, 40, 40}, split.train().classCounts());
        assertArrayEquals(new int[] {10, 10, 10}, split.test().classCounts());
        for (double[] held : split.test().features()) {
            // a few iris rows are duplicates, so compare the counts of equal rows, not their presence
            long inAll = Arrays.stream(Dataset.iris().features()).filter(r -> Arrays.equals(r, held)).count();
            long inTest = Arrays.stream(split.test().features()).filter(r -> Arrays.equals(r, held)).count();
            long inTrain = Arrays.stream(split.train().features()).filter(r -> Arrays.equals(r, held)).count();
            assertEquals(inAll, inTest + inTrain);
        }
    }

    @Test
    void fastModeTrainsBothClassifiersAndWritesTheCharts(@TempDir Path out) throws IOException {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        TrainClassifier.Report report = TrainClassifier.run(true, out, new PrintStream(log, true,
                StandardCharsets.UTF_8), false);
        String text = log.toString(StandardCharsets.UTF_8);
        // the program's output goes into failure messages only, to keep CI logs short
        assertTrue(report.irisTestAccuracy() >= 0.95, text);
        assertTrue(report.spiralsTestAccuracy() >= 0.97, text);
        assertTrue(text.contains("gradient check") && text.contains("passed"), text);
        assertEquals(4, report.charts().size());
        for (Path chart : report.charts()) {
            assertTrue(Files.size(chart) > 1000, chart + " is too small to be a chart");
            byte[] head = Arrays.copyOf(Files.readAllBytes(chart), PNG_SIGNATURE.length);
            assertArrayEquals(PNG_SIGNATURE, head, chart + " is not a PNG");
        }
    }
}
