package org.cotangent.bench.table;

import org.cotangent.bench.adbench.BaInput;
import org.cotangent.bench.adbench.BaJacobian;

import java.util.List;
import java.util.Map;

/**
 * ADBench's BA on its five default instances: the residuals against the full sparse Jacobian in
 * CSR. Published ratios (OBJECTIVES.md §5.2) exist for ba1 and ba4 only; ADBench's Manual module
 * for BA is its C++ Eigen one.
 */
final class BaCases {
    /** Observations timed for the slow methods (Hipparchus, differences) on instances larger than this. */
    private static final int CHUNK = 40_000;

    private BaCases() {
    }

    static void register() {
        add("ba1", "ba1_n49_m7776_p31843", 6.72, 8.78);
        add("ba2", "ba2_n21_m11315_p36455", 0, 0);
        add("ba3", "ba3_n161_m48126_p182072", 0, 0);
        add("ba4", "ba4_n372_m47423_p204472", 7.23, 8.68);
        add("ba5", "ba5_n257_m65132_p225911", 0, 0);
    }

    private static void add(String id, String name, double manual, double tapenade) {
        Catalog.add(id, () -> build(id, name, manual == 0 ? Map.of() : GmmCases.references(manual, tapenade)));
    }

    private static Case build(String id, String name, Map<String, Double> references) {
        BaInput in = BaInput.read(name + ".txt");
        double[] residuals = new double[3 * in.p()];
        BaJacobian byVjp = new BaJacobian(in);
        BaJacobian byJacobian = new BaJacobian(in);
        BaJacobian byHand = new BaJacobian(in);
        BaJacobian byHipparchus = new BaJacobian(in);
        BaJacobian byDifferences = new BaJacobian(in);
        int p = in.p();
        int chunk = Math.min(p, CHUNK);
        String note = "timed on the first " + chunk + " of the " + p + " observations, times " + p + "/" + chunk;
        return new Case(id, "BA", name, List.of(
                Method.of("primal", () -> in.residuals(residuals)),
                Method.of("vjp", byVjp::fillByVjp),
                Method.of("jacobian", byJacobian::fillByJacobian),
                Method.of("hand", byHand::fillByHand),
                chunk == p ? Method.of("hipparchus", byHipparchus::fillByHipparchus)
                        : Method.extrapolated("hipparchus", () -> byHipparchus.fillByHipparchus(chunk),
                        (double) p / chunk, "forward mode, 15 partials per observation; " + note),
                chunk == p ? Method.of("fd", () -> byDifferences.fillByFiniteDifferences(p))
                        : Method.extrapolated("fd", () -> byDifferences.fillByFiniteDifferences(chunk),
                        (double) p / chunk, "central differences, 30 residual evaluations per observation; " + note)),
                references);
    }
}
