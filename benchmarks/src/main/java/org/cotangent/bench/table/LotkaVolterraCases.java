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
        Catalog.add("rk4-void-rhs", LotkaVolterraCases::arrays);
    }

    /** {@code Subjects.rk4}: a void right-hand side on arrays of the state's length, rates in an array. */
    private static Case arrays() {
        double[] p = {1.1, 0.4, 0.1, 0.4};
        double[] y0 = {10, 10};
        double[] pAdj = new double[4];
        double[] y0Adj = new double[2];
        double[] states = new double[2 * STEPS];
        double[] work = new double[24];
        FiniteDifferences fd = new FiniteDifferences(() -> Subjects.rk4(p, y0, DT, STEPS), p, y0);
        return new Case("rk4-void-rhs", "RK4, void rhs on arrays", "1000 steps, n = y.length", List.of(
                Method.of("primal", () -> Subjects.rk4(p, y0, DT, STEPS)),
                Method.of("vjp", () -> SubjectsDerivatives.rk4_vjp(p, y0, DT, STEPS, 1.0, pAdj, y0Adj)),
                Method.of("grad", () -> SubjectsDerivatives.rk4_grad(p, y0, DT, STEPS).value()),
                Method.of("hand", () -> HandWritten.rk4Vjp(p, y0, DT, STEPS, 1.0, pAdj, y0Adj, states, work)),
                fd.method(6, 6)));
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
