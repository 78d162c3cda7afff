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

    /**
     * {@link Subjects#mlpLoss} in one forward pass that differentiates with respect to the
     * flattened weights (w1, b1, w2, b2) {@code first..first + width - 1}; writes those partials
     * into {@code out}.
     */
    public static double mlpLoss(double[] w1, double[] b1, double[] w2, double[] b2, double[] x, int label,
                                 int first, int width, double[] out) {
        int nIn = x.length;
        int nHidden = b1.length;
        int nOut = b2.length;
        Gradient[] hidden = new Gradient[nHidden];
        int offsetB1 = w1.length;
        int offsetW2 = offsetB1 + b1.length;
        int offsetB2 = offsetW2 + w2.length;
        for (int j = 0; j < nHidden; j++) {
            Gradient z = seeded(b1[j], offsetB1 + j, first, width);
            for (int i = 0; i < nIn; i++) {
                z = z.add(seeded(w1[j * nIn + i], j * nIn + i, first, width).multiply(x[i]));
            }
            hidden[j] = z.tanh();
        }
        Gradient[] logits = new Gradient[nOut];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < nOut; k++) {
            Gradient z = seeded(b2[k], offsetB2 + k, first, width);
            for (int j = 0; j < nHidden; j++) {
                z = z.add(seeded(w2[k * nHidden + j], offsetW2 + k * nHidden + j, first, width).multiply(hidden[j]));
            }
            logits[k] = z;
            max = Math.max(max, z.getValue());
        }
        Gradient sum = Gradient.constant(width, 0);
        for (int k = 0; k < nOut; k++) {
            sum = sum.add(logits[k].subtract(max).exp());
        }
        Gradient loss = sum.log().add(max).subtract(logits[label]);
        System.arraycopy(loss.getGradient(), 0, out, first, Math.min(width, out.length - first));
        return loss.getValue();
    }

    private static Gradient seeded(double value, int index, int first, int width) {
        return index >= first && index < first + width ? Gradient.variable(width, index - first, value)
                : Gradient.constant(width, value);
    }

    /**
     * {@link Subjects#lotkaVolterra} in one forward pass with respect to all six inputs
     * {@code p = (alpha, beta, delta, gamma, prey0, predator0)}; writes the gradient into {@code out}.
     */
    public static double lotkaVolterra(double[] p, double dt, int steps, double[] out) {
        Gradient alpha = Gradient.variable(6, 0, p[0]);
        Gradient beta = Gradient.variable(6, 1, p[1]);
        Gradient delta = Gradient.variable(6, 2, p[2]);
        Gradient gamma = Gradient.variable(6, 3, p[3]);
        Gradient y0 = Gradient.variable(6, 4, p[4]);
        Gradient y1 = Gradient.variable(6, 5, p[5]);
        for (int s = 0; s < steps; s++) {
            Gradient k10 = alpha.multiply(y0).subtract(beta.multiply(y0).multiply(y1));
            Gradient k11 = delta.multiply(y0).multiply(y1).subtract(gamma.multiply(y1));
            Gradient u0 = y0.add(k10.multiply(0.5 * dt));
            Gradient u1 = y1.add(k11.multiply(0.5 * dt));
            Gradient k20 = alpha.multiply(u0).subtract(beta.multiply(u0).multiply(u1));
            Gradient k21 = delta.multiply(u0).multiply(u1).subtract(gamma.multiply(u1));
            Gradient v0 = y0.add(k20.multiply(0.5 * dt));
            Gradient v1 = y1.add(k21.multiply(0.5 * dt));
            Gradient k30 = alpha.multiply(v0).subtract(beta.multiply(v0).multiply(v1));
            Gradient k31 = delta.multiply(v0).multiply(v1).subtract(gamma.multiply(v1));
            Gradient w0 = y0.add(k30.multiply(dt));
            Gradient w1 = y1.add(k31.multiply(dt));
            Gradient k40 = alpha.multiply(w0).subtract(beta.multiply(w0).multiply(w1));
            Gradient k41 = delta.multiply(w0).multiply(w1).subtract(gamma.multiply(w1));
            y0 = y0.add(k10.add(k20.multiply(2)).add(k30.multiply(2)).add(k40).multiply(dt / 6));
            y1 = y1.add(k11.add(k21.multiply(2)).add(k31.multiply(2)).add(k41).multiply(dt / 6));
        }
        Gradient value = y0.multiply(y0).add(y1.multiply(y1));
        System.arraycopy(value.getGradient(), 0, out, 0, 6);
        return value.getValue();
    }
}
