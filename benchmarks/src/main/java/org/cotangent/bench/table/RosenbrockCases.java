package org.cotangent.bench.table;

import org.cotangent.bench.HandWritten;
import org.cotangent.bench.HipparchusSubjects;
import org.cotangent.bench.Subjects;
import org.cotangent.bench.SubjectsDerivatives;

import java.util.List;
import java.util.Random;

/** Extended Rosenbrock at n = 10, 100, 1,000 and 100,000. */
final class RosenbrockCases {
    private RosenbrockCases() {
    }

    static void register() {
        for (int n : new int[] {10, 100, 1000, 100_000}) {
            Catalog.add("rosenbrock-" + n, () -> build(n));
        }
    }

    private static Case build(int n) {
        Random random = new Random(42);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble() * 2 - 1;
        }
        double[] adj = new double[n];
        double[] out = new double[n];
        int reps = Math.max(1, 1000 / n);
        FiniteDifferences fd = new FiniteDifferences(() -> Subjects.rosenbrock(x), x);
        // forward mode over Gradient: full width up to n = 1,000; beyond, passes of 100 inputs
        Method hipparchus = n <= 1000
                ? Method.of("hipparchus", () -> HipparchusSubjects.rosenbrock(x, 0, n, out))
                : Method.extrapolated("hipparchus", () -> HipparchusSubjects.rosenbrock(x, 0, 100, out), n / 100.0,
                        "forward mode in passes of 100 inputs; one pass timed, times the " + n / 100
                                + " passes a full gradient needs");
        return new Case("rosenbrock-" + n, "Rosenbrock", "n=" + n, List.of(
                Method.repeated("primal", reps, () -> Subjects.rosenbrock(x)),
                Method.repeated("vjp", reps, () -> SubjectsDerivatives.rosenbrock_vjp(x, 1.0, adj)),
                Method.repeated("grad", reps, () -> SubjectsDerivatives.rosenbrock_grad(x).value()),
                Method.repeated("hand", reps, () -> HandWritten.rosenbrockVjp(x, 1.0, adj)),
                hipparchus,
                fd.method(1000, 1000)));
    }
}
