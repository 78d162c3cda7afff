package fuzz;

import org.cotangent.Differentiable;

/** int-typed constant subexpressions inside double arithmetic: 1 / 2 is 0 and 7 / 2 is 3 (Java's int division). */
public class IntConstantDivision {
    @Differentiable
    public static double f(double x, double y) {
        double a = x + 1 / 2 * x;
        double b = 7 / 2 * y + y / (5 / 2);
        double c = x * (1 / 3) + (1 / 1) * y - 3 % 2 * x;
        return a * b + c + x / (2 / 2);
    }
}
