package org.cotangent.bench.adbench;

/**
 * A hand-written adjoint of {@link Lstm#lstmObjective}: the forward pass stores, for every step,
 * layer and unit, the eight values its adjoint needs; the backward pass runs the steps in reverse
 * carrying the adjoints of the state. All storage is allocated once per instance (for one size),
 * so {@link #vjp} allocates nothing.
 */
public final class LstmHand {
    private static final int SAVED = 8;
    private static final int U = 0;
    private static final int H_PREV = 1;
    private static final int S_PREV = 2;
    private static final int F = 3;
    private static final int I = 4;
    private static final int O = 5;
    private static final int G = 6;
    private static final int TANH_S = 7;

    private final int l;
    private final int c;
    private final int b;
    private final double[] saved;
    private final double[] output;
    private final double[] normaliser;
    private final double[] state;
    private final double[] input;
    private final double[] stateAdj;
    private final double[] inputAdj;

    public LstmHand(int l, int c, int b) {
        this.l = l;
        this.c = c;
        this.b = b;
        this.saved = new double[(c - 1) * l * b * SAVED];
        this.output = new double[(c - 1) * b];
        this.normaliser = new double[c - 1];
        this.state = new double[2 * l * b];
        this.input = new double[b];
        this.stateAdj = new double[2 * l * b];
        this.inputAdj = new double[b];
    }

    /** Adds {@code seed} times the gradient into {@code mainAdj} and {@code extraAdj}; returns the loss. */
    public double vjp(double[] main, double[] extra, double[] state0, double[] sequence, double seed,
                      double[] mainAdj, double[] extraAdj) {
        System.arraycopy(state0, 0, state, 0, state.length);
        double total = 0;
        for (int t = 0; t < c - 1; t++) {
            for (int i = 0; i < b; i++) {
                input[i] = sequence[t * b + i] * extra[i];
            }
            for (int layer = 0; layer < l; layer++) {
                int w = layer * 8 * b;
                int h = layer * 2 * b;
                int at = ((t * l + layer) * b) * SAVED;
                for (int i = 0; i < b; i++, at += SAVED) {
                    double u = input[i];
                    double hPrev = state[h + i];
                    double sPrev = state[h + b + i];
                    double forget = sigmoid(u * main[w + i] + main[w + 4 * b + i]);
                    double ingate = sigmoid(hPrev * main[w + b + i] + main[w + 5 * b + i]);
                    double outgate = sigmoid(u * main[w + 2 * b + i] + main[w + 6 * b + i]);
                    double change = Math.tanh(hPrev * main[w + 3 * b + i] + main[w + 7 * b + i]);
                    double s = sPrev * forget + ingate * change;
                    double tanhS = Math.tanh(s);
                    double hNew = outgate * tanhS;
                    state[h + b + i] = s;
                    state[h + i] = hNew;
                    input[i] = hNew;
                    saved[at + U] = u;
                    saved[at + H_PREV] = hPrev;
                    saved[at + S_PREV] = sPrev;
                    saved[at + F] = forget;
                    saved[at + I] = ingate;
                    saved[at + O] = outgate;
                    saved[at + G] = change;
                    saved[at + TANH_S] = tanhS;
                }
            }
            double sumExp = 0;
            for (int i = 0; i < b; i++) {
                double predicted = input[i] * extra[b + i] + extra[2 * b + i];
                output[t * b + i] = predicted;
                sumExp += Math.exp(predicted);
            }
            double lse = Math.log(sumExp + 2);
            normaliser[t] = sumExp + 2;
            for (int i = 0; i < b; i++) {
                total += sequence[(t + 1) * b + i] * (output[t * b + i] - lse);
            }
        }
        double scale = -seed / ((c - 1) * b);
        java.util.Arrays.fill(stateAdj, 0);
        for (int t = c - 2; t >= 0; t--) {
            // d/d predicted_i of Σ_k y_k (predicted_k − lse) = y_i − (Σ_k y_k) exp(predicted_i) / normaliser
            double ySum = 0;
            for (int i = 0; i < b; i++) {
                ySum += sequence[(t + 1) * b + i];
            }
            int top = ((t * l + l - 1) * b) * SAVED;
            for (int i = 0; i < b; i++) {
                double predicted = output[t * b + i];
                double predictedAdj = scale * (sequence[(t + 1) * b + i]
                        - ySum * Math.exp(predicted) / normaliser[t]);
                double hTop = saved[top + i * SAVED + O] * saved[top + i * SAVED + TANH_S];
                extraAdj[b + i] += predictedAdj * hTop;
                extraAdj[2 * b + i] += predictedAdj;
                inputAdj[i] = predictedAdj * extra[b + i];
            }
            for (int layer = l - 1; layer >= 0; layer--) {
                int w = layer * 8 * b;
                int h = layer * 2 * b;
                int at = ((t * l + layer) * b) * SAVED;
                for (int i = 0; i < b; i++, at += SAVED) {
                    double u = saved[at + U];
                    double hPrev = saved[at + H_PREV];
                    double forget = saved[at + F];
                    double ingate = saved[at + I];
                    double outgate = saved[at + O];
                    double change = saved[at + G];
                    double tanhS = saved[at + TANH_S];
                    double hAdj = stateAdj[h + i] + inputAdj[i];
                    double sAdj = stateAdj[h + b + i] + hAdj * outgate * (1 - tanhS * tanhS);
                    double zF = sAdj * saved[at + S_PREV] * forget * (1 - forget);
                    double zI = sAdj * change * ingate * (1 - ingate);
                    double zO = hAdj * tanhS * outgate * (1 - outgate);
                    double zG = sAdj * ingate * (1 - change * change);
                    mainAdj[w + i] += zF * u;
                    mainAdj[w + b + i] += zI * hPrev;
                    mainAdj[w + 2 * b + i] += zO * u;
                    mainAdj[w + 3 * b + i] += zG * hPrev;
                    mainAdj[w + 4 * b + i] += zF;
                    mainAdj[w + 5 * b + i] += zI;
                    mainAdj[w + 6 * b + i] += zO;
                    mainAdj[w + 7 * b + i] += zG;
                    stateAdj[h + i] = zI * main[w + b + i] + zG * main[w + 3 * b + i];
                    stateAdj[h + b + i] = sAdj * forget;
                    inputAdj[i] = zF * main[w + i] + zO * main[w + 2 * b + i];
                }
            }
            for (int i = 0; i < b; i++) {
                extraAdj[i] += inputAdj[i] * sequence[t * b + i];
            }
        }
        return -total / ((c - 1) * b);
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
