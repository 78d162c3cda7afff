package org.cotangent.bench.adbench;

import org.hipparchus.analysis.differentiation.Gradient;

/**
 * The LSTM loss over Hipparchus {@link Gradient}, forward mode: one pass carries the partials with
 * respect to {@code width} consecutive parameters (main, then extra); a full gradient takes
 * {@code ceil(P / width)} passes.
 */
public final class LstmHipparchus {
    private LstmHipparchus() {
    }

    /** One pass: writes the partials for parameters {@code first..first+width-1} into {@code out}; returns L. */
    public static double pass(LstmInput in, int first, int width, double[] out) {
        int l = in.l();
        int c = in.c();
        int b = in.b();
        Gradient[] main = variables(in.main(), 0, first, width);
        Gradient[] extra = variables(in.extra(), in.main().length, first, width);
        Gradient[] state = new Gradient[in.state().length];
        for (int i = 0; i < state.length; i++) {
            state[i] = Gradient.constant(width, in.state()[i]);
        }
        double[] sequence = in.sequence();
        Gradient[] input = new Gradient[b];
        Gradient total = Gradient.constant(width, 0);
        for (int t = 0; t < c - 1; t++) {
            for (int i = 0; i < b; i++) {
                input[i] = extra[i].multiply(sequence[t * b + i]);
            }
            for (int layer = 0; layer < l; layer++) {
                int w = layer * 8 * b;
                int h = layer * 2 * b;
                for (int i = 0; i < b; i++) {
                    Gradient forget = sigmoid(input[i].multiply(main[w + i]).add(main[w + 4 * b + i]));
                    Gradient ingate = sigmoid(state[h + i].multiply(main[w + b + i]).add(main[w + 5 * b + i]));
                    Gradient outgate = sigmoid(input[i].multiply(main[w + 2 * b + i]).add(main[w + 6 * b + i]));
                    Gradient change = state[h + i].multiply(main[w + 3 * b + i]).add(main[w + 7 * b + i]).tanh();
                    state[h + b + i] = state[h + b + i].multiply(forget).add(ingate.multiply(change));
                    state[h + i] = outgate.multiply(state[h + b + i].tanh());
                    input[i] = state[h + i];
                }
            }
            Gradient[] predicted = new Gradient[b];
            Gradient sumExp = Gradient.constant(width, 0);
            for (int i = 0; i < b; i++) {
                predicted[i] = input[i].multiply(extra[b + i]).add(extra[2 * b + i]);
                sumExp = sumExp.add(predicted[i].exp());
            }
            Gradient lse = sumExp.add(2).log();
            for (int i = 0; i < b; i++) {
                total = total.add(predicted[i].subtract(lse).multiply(sequence[(t + 1) * b + i]));
            }
        }
        Gradient loss = total.divide(-(c - 1) * b);
        System.arraycopy(loss.getGradient(), 0, out, first, Math.min(width, out.length - first));
        return loss.getValue();
    }

    private static Gradient sigmoid(Gradient z) {
        return z.negate().exp().add(1).reciprocal();
    }

    private static Gradient[] variables(double[] values, int offset, int first, int width) {
        Gradient[] result = new Gradient[values.length];
        for (int i = 0; i < values.length; i++) {
            int index = offset + i - first;
            result[i] = index >= 0 && index < width ? Gradient.variable(width, index, values[i])
                    : Gradient.constant(width, values[i]);
        }
        return result;
    }
}
