package org.cotangent.bench.table;

import org.cotangent.bench.adbench.Lstm;
import org.cotangent.bench.adbench.LstmDerivatives;
import org.cotangent.bench.adbench.LstmHand;
import org.cotangent.bench.adbench.LstmHipparchus;
import org.cotangent.bench.adbench.LstmInput;

import java.util.List;

/** ADBench's LSTM on its four files (OBJECTIVES.md publishes no ratios for it). */
final class LstmCases {
    private static final int HIPPARCHUS_WIDTH = 30;

    private LstmCases() {
    }

    static void register() {
        for (String name : new String[] {"l2_c1024", "l4_c1024", "l2_c4096", "l4_c4096"}) {
            String id = "lstm-" + name.replace('_', '-');
            Catalog.add(id, () -> build(id, name));
        }
    }

    private static Case build(String id, String name) {
        LstmInput in = LstmInput.read("lstm_" + name + ".txt");
        double[] main = in.main();
        double[] extra = in.extra();
        double[] state = in.state();
        double[] sequence = in.sequence();
        int l = in.l();
        int c = in.c();
        int b = in.b();
        double[] mainAdj = new double[main.length];
        double[] extraAdj = new double[extra.length];
        LstmHand hand = new LstmHand(l, c, b);
        double[] handMain = new double[main.length];
        double[] handExtra = new double[extra.length];
        int parameters = in.parameterCount();
        double[] forward = new double[parameters];
        FiniteDifferences fd = new FiniteDifferences(() -> Lstm.lstmObjective(main, extra, state, sequence, l, c, b),
                main, extra);
        return new Case(id, "LSTM", name, List.of(
                Method.of("primal", () -> Lstm.lstmObjective(main, extra, state, sequence, l, c, b)),
                Method.of("vjp", () -> LstmDerivatives.lstmObjective_vjp(main, extra, state, sequence, l, c, b, 1.0,
                        mainAdj, extraAdj)),
                Method.of("grad", () -> LstmDerivatives.lstmObjective_grad(main, extra, state, sequence, l, c, b)
                        .value()),
                Method.of("hand", () -> hand.vjp(main, extra, state, sequence, 1.0, handMain, handExtra)),
                Method.extrapolated("hipparchus", () -> LstmHipparchus.pass(in, 0, HIPPARCHUS_WIDTH, forward),
                        (double) parameters / HIPPARCHUS_WIDTH, "forward mode over Gradient of width "
                                + HIPPARCHUS_WIDTH + "; one pass timed, times " + parameters + "/" + HIPPARCHUS_WIDTH
                                + " passes for the full gradient"),
                fd.method(0, 20)));
    }
}
