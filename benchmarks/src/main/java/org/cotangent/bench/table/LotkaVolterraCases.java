package org.cotangent.bench.table;

import org.cotangent.bench.HandWritten;
import org.cotangent.bench.HipparchusSubjects;
import org.cotangent.bench.Subjects;
import org.cotangent.bench.SubjectsDerivatives;

import java.util.List;

/**
 * RK4 Lotka-Volterra over 1,000 steps, gradient with respect to the four rates and the two
 * initial populations: once with the right-hand side inlined, once as four calls per step.
 */
final class LotkaVolterraCases {
    static final int STEPS = 1000;
    static final double DT = 0.01;

    private LotkaVolterraCases() {
    }

    static void register() {
        Catalog.add("lotka-volterra", () -> build(false));
        Catalog.add("lotka-volterra-calls", () -> build(true));
    }

    private static Case build(boolean calls) {
        double[] p = {1.1, 0.4, 0.1, 0.4, 10, 10};
        double[] alpha = new double[1];
        double[] beta = new double[1];
        double[] delta = new double[1];
        double[] gamma = new double[1];
        double[] prey = new double[1];
        double[] predator = new double[1];
        double[] grad = new double[6];
        double[] states = new double[2 * (STEPS + 1)];
        double[] out = new double[6];
        FiniteDifferences fd = new FiniteDifferences(() -> primal(p, calls), p);
        Method vjp = calls
                ? Method.of("vjp", () -> SubjectsDerivatives.lotkaVolterraCalls_vjp(p[0], p[1], p[2], p[3], p[4], p[5],
                        DT, STEPS, 1.0, alpha, beta, delta, gamma, prey, predator))
                : Method.of("vjp", () -> SubjectsDerivatives.lotkaVolterra_vjp(p[0], p[1], p[2], p[3], p[4], p[5], DT,
                        STEPS, 1.0, alpha, beta, delta, gamma, prey, predator));
        Method grad6 = calls
                ? Method.of("grad", () -> SubjectsDerivatives.lotkaVolterraCalls_grad(p[0], p[1], p[2], p[3], p[4],
                        p[5], DT, STEPS).value())
                : Method.of("grad", () -> SubjectsDerivatives.lotkaVolterra_grad(p[0], p[1], p[2], p[3], p[4], p[5],
                        DT, STEPS).value());
        return new Case(calls ? "lotka-volterra-calls" : "lotka-volterra", "RK4 Lotka-Volterra",
                calls ? "1000 steps, rhs as calls" : "1000 steps, inlined", List.of(
                Method.of("primal", () -> primal(p, calls)),
                vjp,
                grad6,
                Method.of("hand", () -> HandWritten.lotkaVolterraVjp(p[0], p[1], p[2], p[3], p[4], p[5], DT, STEPS, 1.0,
                        grad, states)),
                Method.of("hipparchus", () -> HipparchusSubjects.lotkaVolterra(p, DT, STEPS, out)),
                fd.method(6, 6)));
    }

    private static double primal(double[] p, boolean calls) {
        return calls
                ? Subjects.lotkaVolterraCalls(p[0], p[1], p[2], p[3], p[4], p[5], DT, STEPS)
                : Subjects.lotkaVolterra(p[0], p[1], p[2], p[3], p[4], p[5], DT, STEPS);
    }
}
