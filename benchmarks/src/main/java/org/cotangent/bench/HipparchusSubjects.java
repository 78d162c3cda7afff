package org.cotangent.bench;

import org.hipparchus.analysis.differentiation.Gradient;

/**
 * The subjects rewritten, as a Hipparchus user would, over {@link Gradient}: forward mode carrying
 * a gradient of {@code width} partial derivatives through every operation. A full gradient needs
 * {@code ceil(n / width)} such passes, each seeding {@code width} of the n inputs.
 */
public final class HipparchusSubjects {
    private HipparchusSubjects() {
    }

    /**
     * Extended Rosenbrock in one forward pass that differentiates with respect to
     * {@code x[first..first + width - 1]}; writes those partials into {@code out}.
     */
    public static double rosenbrock(double[] x, int first, int width, double[] out) {
        Gradient s = Gradient.constant(width, 0);
        Gradient previous = input(x, 0, first, width);
        for (int i = 0; i < x.length - 1; i++) {
            Gradient next = input(x, i + 1, first, width);
            Gradient a = previous.negate().add(1);
            Gradient b = next.subtract(previous.multiply(previous));
            s = s.add(a.multiply(a)).add(b.multiply(b).multiply(100));
            previous = next;
        }
        System.arraycopy(s.getGradient(), 0, out, first, Math.min(width, out.length - first));
        return s.getValue();
    }

    private static Gradient input(double[] x, int i, int first, int width) {
        return i >= first && i < first + width ? Gradient.variable(width, i - first, x[i]) : Gradient.constant(width, x[i]);
    }
}
