package org.cotangent.bench.table;

import org.cotangent.bench.HandWritten;
import org.cotangent.bench.Subjects;
import org.cotangent.bench.SubjectsDerivatives;
import org.cotangent.bench.Subjects_ParamsTangent;

import java.util.List;
import java.util.Random;

/**
 * Logistic loss of a linear model whose parameters are a record ({@code Subjects.Params}): the
 * record version's vjp against the same loss on plain parameters ({@code flat}) and a hand-written
 * adjoint, at n = 100 and 10,000 weights. Its accumulator is a {@code ParamsTangent}, allocated once.
 */
final class LogisticCases {
    private LogisticCases() {
    }

    static void register() {
        for (int n : new int[] {100, 10_000}) {
            Catalog.add("logistic-record-" + n, () -> build(n));
        }
    }

    private static Case build(int n) {
        Random random = new Random(7);
        double[] w = new double[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = random.nextGaussian() / Math.sqrt(n);
            x[i] = random.nextGaussian();
        }
        Subjects.Params p = new Subjects.Params(w, 0.1);
        Subjects_ParamsTangent acc = Subjects_ParamsTangent.zerosLike(p);
        double[] wAdj = new double[n];
        double[] bAdj = new double[1];
        int reps = Math.max(1, 10_000 / n);
        return new Case("logistic-record-" + n, "Logistic (record)", "n=" + n, List.of(
                Method.repeated("primal", reps, () -> Subjects.logisticRecord(p, x, 1.0)),
                Method.repeated("vjp", reps, () -> SubjectsDerivatives.logisticRecord_vjp(p, x, 1.0, 1.0, acc)),
                Method.repeated("flat", reps, () -> SubjectsDerivatives.logisticFlat_vjp(w, 0.1, x, 1.0, 1.0, wAdj,
                        bAdj)),
                Method.repeated("hand", reps, () -> HandWritten.logisticVjp(w, 0.1, x, 1.0, 1.0, wAdj, bAdj))));
    }
}
