package org.cotangent.it;

import java.util.function.ToDoubleFunction;
import org.cotangent.it.scalar.Elementary;
import org.cotangent.it.scalar.ElementaryDerivatives;
import org.cotangent.it.scalar.Finance;
import org.cotangent.it.scalar.FinanceDerivatives;
import org.cotangent.runtime.GradCheck;

/**
 * Prints the gradient Cotangent generated beside a finite-difference gradient, for a Black-Scholes
 * call price and for the Rosenbrock banana.
 *
 * <pre>java -cp it-tests/target/classes:runtime/target/classes org.cotangent.it.Demo</pre>
 */
public final class Demo {
    private Demo() {
    }

    public static void main(String[] args) {
        double[] option = {100.0, 95.0, 0.5, 0.03, 0.2};
        FinanceDerivatives.BlackScholesCallGradient call =
                FinanceDerivatives.blackScholesCall_grad(option[0], option[1], option[2], option[3], option[4]);
        table("Black-Scholes call price  Finance.blackScholesCall(s, k, t, r, sigma)",
                v -> Finance.blackScholesCall(v[0], v[1], v[2], v[3], v[4]),
                new String[] {"s", "k", "t", "r", "sigma"}, option, call.value(),
                new double[] {call.s(), call.k(), call.t(), call.r(), call.sigma()});

        System.out.println();
        double[] point = {-1.2, 1.0};
        ElementaryDerivatives.RosenbrockGradient banana = ElementaryDerivatives.rosenbrock_grad(point[0], point[1]);
        table("Rosenbrock banana  (1 - x)^2 + 100 (y - x^2)^2",
                v -> Elementary.rosenbrock(v[0], v[1]),
                new String[] {"x", "y"}, point, banana.value(), new double[] {banana.x(), banana.y()});
    }

    private static void table(String title, ToDoubleFunction<double[]> f, String[] names, double[] x,
                              double value, double[] gradient) {
        double[] numeric = GradCheck.centralDifference(f, x);
        System.out.println(title);
        System.out.printf("value %.15g%n", value);
        System.out.printf("%-8s %12s %24s %24s %12s%n", "input", "at", "f_grad", "finite difference", "|difference|");
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            double difference = Math.abs(gradient[i] - numeric[i]);
            worst = Math.max(worst, difference);
            System.out.printf("%-8s %12.6g %24.16g %24.16g %12.3e%n", names[i], x[i], gradient[i], numeric[i], difference);
        }
        System.out.printf("max |difference| = %.3e%n", worst);
    }
}
