package org.cotangent.bench.adbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/** The golden values of {@code expected/*.expected.txt} and ADBench's way of comparing with them. */
final class Golden {
    private Golden() {
    }

    /** Every number of an expected-value file in order, skipping the {@code #} comment lines. */
    static double[] numbers(String name) {
        try {
            List<String> lines = Files.readAllLines(AdbenchData.path("expected", name));
            List<Double> values = new ArrayList<>();
            for (String line : lines) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                for (String token : line.trim().split("\\s+")) {
                    values.add(Double.parseDouble(token));
                }
            }
            double[] result = new double[values.size()];
            for (int i = 0; i < result.length; i++) {
                result[i] = values.get(i);
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** ADBench's distance ρ(x, y) = |x − y| / max(1, |x| + |y|). */
    static double distance(double x, double y) {
        return Math.abs(x - y) / Math.max(1, Math.abs(x) + Math.abs(y));
    }

    static void assertClose(String what, double expected, double actual, double tolerance) {
        if (!(distance(expected, actual) <= tolerance)) {
            fail(what + ": expected " + expected + " but was " + actual + " (distance " + distance(expected, actual)
                    + " > " + tolerance + ")");
        }
    }

    static void assertClose(String what, double[] expected, double[] actual, double tolerance) {
        if (expected.length != actual.length) {
            fail(what + ": expected " + expected.length + " values but got " + actual.length);
        }
        for (int i = 0; i < expected.length; i++) {
            assertClose(what + "[" + i + "]", expected[i], actual[i], tolerance);
        }
    }

    static double[] concat(double[]... parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] all = new double[n];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
