package org.cotangent.bench.table;

import org.cotangent.bench.adbench.Gmm;
import org.cotangent.bench.adbench.GmmDerivatives;
import org.cotangent.bench.adbench.GmmHand;
import org.cotangent.bench.adbench.GmmHipparchus;
import org.cotangent.bench.adbench.GmmInput;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ADBench's GMM on its 1k and 10k files, with the 2015 paper's Manual C++ and Tapenade ratios
 * (OBJECTIVES.md §5.1) as references.
 */
final class GmmCases {
    /** Parameters per Hipparchus pass: the gradient width every Gradient operation carries. */
    private static final int HIPPARCHUS_WIDTH = 30;

    private GmmCases() {
    }

    static void register() {
        add("1k", 2, 5, 2.08, 3.63);
        add("1k", 2, 10, 1.95, 3.84);
        add("1k", 2, 25, 1.96, 4.08);
        add("1k", 10, 5, 2.93, 7.44);
        add("1k", 10, 25, 3.09, 7.98);
        add("1k", 20, 5, 3.34, 10.3);
        add("10k", 2, 5, 1.88, 3.74);
        add("10k", 10, 5, 2.94, 7.69);
    }

    private static void add(String size, int d, int k, double manual, double tapenade) {
        String id = "gmm-" + size + "-d" + d + "-K" + k;
        Catalog.add(id, () -> build(id, size + "/gmm_d" + d + "_K" + k + ".txt", manual, tapenade));
    }

    /** The published ratios in a fixed column order. */
    static Map<String, Double> references(double manual, double tapenade) {
        Map<String, Double> references = new LinkedHashMap<>();
        references.put("Manual C++", manual);
        references.put("Tapenade", tapenade);
        return references;
    }

    private static Case build(String id, String file, double manual, double tapenade) {
        GmmInput in = GmmInput.read(file);
        double[] alphas = in.alphas();
        double[] means = in.means();
        double[] icf = in.icf();
        double[] x = in.x();
        int d = in.d();
        int k = in.k();
        int n = in.n();
        double gamma = in.wishartGamma();
        int m = in.wishartM();
        double[] alphasAdj = new double[alphas.length];
        double[] meansAdj = new double[means.length];
        double[] icfAdj = new double[icf.length];
        GmmHand hand = new GmmHand(d, k);
        double[] handAlphas = new double[alphas.length];
        double[] handMeans = new double[means.length];
        double[] handIcf = new double[icf.length];
        int parameters = in.parameterCount();
        double[] forward = new double[parameters];
        int width = Math.min(parameters, HIPPARCHUS_WIDTH);
        Method hipparchus = width == parameters
                ? Method.of("hipparchus", () -> GmmHipparchus.pass(in, 0, width, forward))
                : Method.extrapolated("hipparchus", () -> GmmHipparchus.pass(in, 0, width, forward),
                (double) parameters / width, "forward mode over Gradient of width " + width + "; one pass timed, times "
                        + parameters + "/" + width + " passes for the full gradient");
        FiniteDifferences fd = new FiniteDifferences(() -> Gmm.gmmObjective(alphas, means, icf, x, d, k, n, gamma, m),
                alphas, means, icf);
        return new Case(id, "GMM", file.replace(".txt", "").replace("/gmm_", " "), List.of(
                Method.of("primal", () -> Gmm.gmmObjective(alphas, means, icf, x, d, k, n, gamma, m)),
                Method.of("vjp", () -> GmmDerivatives.gmmObjective_vjp(alphas, means, icf, x, d, k, n, gamma, m, 1.0,
                        alphasAdj, meansAdj, icfAdj)),
                Method.of("grad", () -> GmmDerivatives.gmmObjective_grad(alphas, means, icf, x, d, k, n, gamma, m)
                        .value()),
                Method.of("hand", () -> hand.vjp(alphas, means, icf, x, n, gamma, m, 1.0, handAlphas, handMeans,
                        handIcf)),
                hipparchus,
                fd.method(60, 10)),
                references(manual, tapenade));
    }
}
