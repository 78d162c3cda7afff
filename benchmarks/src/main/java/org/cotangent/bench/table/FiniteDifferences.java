package org.cotangent.bench.table;

import java.util.function.DoubleSupplier;

/**
 * Central finite differences over the parameters of a function, the derivative a user can always
 * fall back on: two evaluations of the function per parameter. The parameters are perturbed in
 * place and restored, so {@code f} reads them where they are.
 */
public final class FiniteDifferences {
    private final double[][] parameters;
    private final DoubleSupplier f;
    private final int size;

    /** {@code f} evaluates the function at the current contents of {@code parameters}. */
    public FiniteDifferences(DoubleSupplier f, double[]... parameters) {
        this.f = f;
        this.parameters = parameters;
        int n = 0;
        for (double[] p : parameters) {
            n += p.length;
        }
        this.size = n;
    }

    public int size() {
        return size;
    }

    /**
     * Writes the central difference quotient for the flattened parameters {@code from} to
     * {@code from + count - 1} into {@code out[from..]}; returns a checksum.
     */
    public double gradient(int from, int count, double[] out) {
        int array = 0;
        int offset = 0;
        while (from >= offset + parameters[array].length) {
            offset += parameters[array].length;
            array++;
        }
        double sum = 0;
        for (int k = from; k < from + count; k++) {
            while (k >= offset + parameters[array].length) {
                offset += parameters[array].length;
                array++;
            }
            double[] p = parameters[array];
            int i = k - offset;
            double saved = p[i];
            double h = 1e-6 * Math.max(1, Math.abs(saved));
            p[i] = saved + h;
            double up = f.getAsDouble();
            p[i] = saved - h;
            double down = f.getAsDouble();
            p[i] = saved;
            out[k] = (up - down) / (2 * h);
            sum += out[k];
        }
        return sum;
    }

    /**
     * The method column for these differences: all parameters when that takes at most
     * {@code fullLimit} of them, otherwise the first {@code chunk} parameters, scaled to all.
     */
    public Method method(int fullLimit, int chunk) {
        double[] out = new double[size];
        if (size <= fullLimit) {
            return Method.of("fd", () -> gradient(0, size, out));
        }
        return Method.extrapolated("fd", () -> gradient(0, chunk, out), (double) size / chunk,
                "central differences timed on " + chunk + " of the " + size + " parameters, times "
                        + size + "/" + chunk);
    }
}
