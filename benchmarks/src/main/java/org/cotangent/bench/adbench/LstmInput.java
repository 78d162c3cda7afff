package org.cotangent.bench.adbench;

import java.nio.file.Path;

/**
 * One ADBench LSTM instance: {@code main[8lb]} (per layer: weights forget, input, output, change,
 * then the biases in the same order), {@code extra[3b]} (input weight, output weight, output bias),
 * the initial {@code state[2lb]} (per layer h then s) and the text {@code sequence[c*b]}.
 */
public record LstmInput(int l, int c, int b, double[] main, double[] extra, double[] state, double[] sequence) {

    public int parameterCount() {
        return main.length + extra.length;
    }

    public static LstmInput read(Path file) {
        AdbenchData.Tokens in = AdbenchData.tokens(file);
        int l = in.nextInt();
        int c = in.nextInt();
        int b = in.nextInt();
        double[] main = in.doubles(8 * l * b);
        double[] extra = in.doubles(3 * b);
        double[] state = in.doubles(2 * l * b);
        double[] sequence = in.doubles(c * b);
        return new LstmInput(l, c, b, main, extra, state, sequence);
    }

    /** Reads {@code lstm/<name>}, e.g. {@code "lstm_l2_c1024.txt"}. */
    public static LstmInput read(String name) {
        return read(AdbenchData.path("lstm", name));
    }

    public double objective() {
        return Lstm.lstmObjective(main, extra, state, sequence, l, c, b);
    }
}
