package org.cotangent.bench.adbench;

import org.cotangent.Differentiable;

/**
 * ADBench's character-level diagonal LSTM loss (OBJECTIVES.md §3.3) as a user of Cotangent would
 * write it: one method over flat arrays; every product is elementwise.
 */
public final class Lstm {
    private Lstm() {
    }

    /**
     * The mean cross-entropy of predicting each character of {@code sequence} from the previous
     * ones. {@code state0} (per layer h then s) is only read: the loss starts from a copy of it, as
     * the reference passes the state by value.
     */
    @Differentiable(wrt = {"main", "extra"})
    public static double lstmObjective(double[] main, double[] extra, double[] state0, double[] sequence, int l, int c,
                                       int b) {
        double[] state = state0.clone();
        double[] input = new double[b];
        double total = 0;
        for (int t = 0; t < c - 1; t++) {
            for (int i = 0; i < b; i++) {
                input[i] = sequence[t * b + i] * extra[i];
            }
            for (int layer = 0; layer < l; layer++) {
                int w = layer * 8 * b;
                int h = layer * 2 * b;
                for (int i = 0; i < b; i++) {
                    double forget = 1 / (1 + Math.exp(-(input[i] * main[w + i] + main[w + 4 * b + i])));
                    double ingate = 1 / (1 + Math.exp(-(state[h + i] * main[w + b + i] + main[w + 5 * b + i])));
                    double outgate = 1 / (1 + Math.exp(-(input[i] * main[w + 2 * b + i] + main[w + 6 * b + i])));
                    double change = Math.tanh(state[h + i] * main[w + 3 * b + i] + main[w + 7 * b + i]);
                    state[h + b + i] = state[h + b + i] * forget + ingate * change;
                    state[h + i] = outgate * Math.tanh(state[h + b + i]);
                    // the layer's new hidden state is the next layer's input
                    input[i] = state[h + i];
                }
            }
            // prediction, and the log of its normaliser (ADBench's: + 2, no shift by the maximum)
            double sumExp = 0;
            for (int i = 0; i < b; i++) {
                sumExp += Math.exp(input[i] * extra[b + i] + extra[2 * b + i]);
            }
            double lse = Math.log(sumExp + 2);
            for (int i = 0; i < b; i++) {
                double predicted = input[i] * extra[b + i] + extra[2 * b + i];
                total += sequence[(t + 1) * b + i] * (predicted - lse);
            }
        }
        return -total / ((c - 1) * b);
    }
}
