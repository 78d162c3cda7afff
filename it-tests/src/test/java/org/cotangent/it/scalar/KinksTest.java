package org.cotangent.it.scalar;

import static org.cotangent.it.scalar.Check.exact;
import static org.cotangent.it.scalar.Check.scalar;

import org.junit.jupiter.api.Test;

/**
 * Away from kinks: finite differences. At kinks: the SPEC conventions, with the expected numbers
 * worked out by hand from the rules (abs'(0) = 0; max/min ties split 1/2 and 1/2; floor ceil rint
 * round signum have derivative 0; sqrt'(0) = +Infinity; branches: the branch taken).
 */
class KinksTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    private static double[] at(double... x) {
        return x;
    }

    @Test
    void absolute() {
        scalar("absolute", "x", v -> Kinks.absolute(v[0]),
                v -> KinksDerivatives.absolute_grad(v[0]),
                (v, s, a) -> KinksDerivatives.absolute_vjp(v[0], s, a[0]),
                at(1.5), at(-0.7), at(3.0));
        // 3 abs'(0) = 0
        exact("absolute", "x", v -> Kinks.absolute(v[0]),
                v -> KinksDerivatives.absolute_grad(v[0]),
                (v, s, a) -> KinksDerivatives.absolute_vjp(v[0], s, a[0]),
                at(0.0), 0.0);
    }

    @Test
    void maxOf() {
        scalar("maxOf", "x y", v -> Kinks.maxOf(v[0], v[1]),
                v -> KinksDerivatives.maxOf_grad(v[0], v[1]),
                (v, s, a) -> KinksDerivatives.maxOf_vjp(v[0], v[1], s, a[0], a[1]),
                at(1.0, 2.0), at(3.0, -1.0), at(-0.5, -0.6));
        for (double tie : new double[] {1.0, -2.0, 0.0}) {
            exact("maxOf", "x y", v -> Kinks.maxOf(v[0], v[1]),
                    v -> KinksDerivatives.maxOf_grad(v[0], v[1]),
                    (v, s, a) -> KinksDerivatives.maxOf_vjp(v[0], v[1], s, a[0], a[1]),
                    at(tie, tie), 0.5, 0.5);
        }
    }

    @Test
    void minMax() {
        scalar("minMax", "x y", v -> Kinks.minMax(v[0], v[1]),
                v -> KinksDerivatives.minMax_grad(v[0], v[1]),
                (v, s, a) -> KinksDerivatives.minMax_vjp(v[0], v[1], s, a[0], a[1]),
                at(1.0, 2.0), at(3.0, -1.0), at(-0.5, -0.7));
        // tie: 2 * 1/2 + 3 * 1/2 for each argument
        exact("minMax", "x y", v -> Kinks.minMax(v[0], v[1]),
                v -> KinksDerivatives.minMax_grad(v[0], v[1]),
                (v, s, a) -> KinksDerivatives.minMax_vjp(v[0], v[1], s, a[0], a[1]),
                at(1.5, 1.5), 2.5, 2.5);
    }

    @Test
    void relu() {
        scalar("relu", "x", v -> Kinks.relu(v[0]),
                v -> KinksDerivatives.relu_grad(v[0]),
                (v, s, a) -> KinksDerivatives.relu_vjp(v[0], s, a[0]),
                at(1.5), at(-0.7), at(0.2));
        // max(0, x) at x = 0 is a tie: x gets half
        exact("relu", "x", v -> Kinks.relu(v[0]),
                v -> KinksDerivatives.relu_grad(v[0]),
                (v, s, a) -> KinksDerivatives.relu_vjp(v[0], s, a[0]),
                at(0.0), 0.5);
    }

    @Test
    void clamp() {
        scalar("clamp", "x lo hi", v -> Kinks.clamp(v[0], v[1], v[2]),
                v -> KinksDerivatives.clamp_grad(v[0], v[1], v[2]),
                (v, s, a) -> KinksDerivatives.clamp_vjp(v[0], v[1], v[2], s, a[0], a[1], a[2]),
                at(0.5, 0.0, 1.0), at(-0.5, 0.0, 1.0), at(1.7, 0.0, 1.0));
        // x == lo: max ties (1/2, 1/2), min passes its first argument whole
        exact("clamp", "x lo hi", v -> Kinks.clamp(v[0], v[1], v[2]),
                v -> KinksDerivatives.clamp_grad(v[0], v[1], v[2]),
                (v, s, a) -> KinksDerivatives.clamp_vjp(v[0], v[1], v[2], s, a[0], a[1], a[2]),
                at(0.0, 0.0, 1.0), 0.5, 0.5, 0.0);
        // x == hi: max passes x whole, min ties (1/2, 1/2)
        exact("clamp", "x lo hi", v -> Kinks.clamp(v[0], v[1], v[2]),
                v -> KinksDerivatives.clamp_grad(v[0], v[1], v[2]),
                (v, s, a) -> KinksDerivatives.clamp_vjp(v[0], v[1], v[2], s, a[0], a[1], a[2]),
                at(1.0, 0.0, 1.0), 0.5, 0.0, 0.5);
    }

    @Test
    void steps() {
        scalar("steps", "x", v -> Kinks.steps(v[0]),
                v -> KinksDerivatives.steps_grad(v[0]),
                (v, s, a) -> KinksDerivatives.steps_vjp(v[0], s, a[0]),
                at(0.3), at(-1.7), at(2.2), at(3.6));
        // at the jumps of signum (0), floor and ceil (2), rint and round (2.5, -1.5): still 0
        for (double x : new double[] {0.0, 2.0, 2.5, -1.5}) {
            exact("steps", "x", v -> Kinks.steps(v[0]),
                    v -> KinksDerivatives.steps_grad(v[0]),
                    (v, s, a) -> KinksDerivatives.steps_vjp(v[0], s, a[0]),
                    at(x), 0.0);
        }
    }

    @Test
    void steppedSlope() {
        scalar("steppedSlope", "x", v -> Kinks.steppedSlope(v[0]),
                v -> KinksDerivatives.steppedSlope_grad(v[0]),
                (v, s, a) -> KinksDerivatives.steppedSlope_vjp(v[0], s, a[0]),
                at(0.5), at(-1.3), at(2.6));
        // floor'(x) x + floor(x) + signum'(x) x^2 + signum(x) 2x, with floor' = signum' = 0:
        // at 3: 3 + 6 = 9; at 0: 0 + 0 = 0; at -2: -2 + (-1)(-4) = 2
        double[][] cases = {{3.0, 9.0}, {0.0, 0.0}, {-2.0, 2.0}};
        for (double[] c : cases) {
            exact("steppedSlope", "x", v -> Kinks.steppedSlope(v[0]),
                    v -> KinksDerivatives.steppedSlope_grad(v[0]),
                    (v, s, a) -> KinksDerivatives.steppedSlope_vjp(v[0], s, a[0]),
                    at(c[0]), c[1]);
        }
    }

    @Test
    void roundedScale() {
        scalar("roundedScale", "x", v -> Kinks.roundedScale(v[0]),
                v -> KinksDerivatives.roundedScale_grad(v[0]),
                (v, s, a) -> KinksDerivatives.roundedScale_vjp(v[0], s, a[0]),
                at(0.3), at(1.2), at(-2.7));
        // round'(x) x + round(x) + rint'(x/2)/2 = round(x); Math.round(2.5) = 3, Math.round(-2.5) = -2,
        // and at 3.0 rint(x / 2) = rint(1.5) jumps
        double[][] cases = {{2.5, 3.0}, {-2.5, -2.0}, {3.0, 3.0}};
        for (double[] c : cases) {
            exact("roundedScale", "x", v -> Kinks.roundedScale(v[0]),
                    v -> KinksDerivatives.roundedScale_grad(v[0]),
                    (v, s, a) -> KinksDerivatives.roundedScale_vjp(v[0], s, a[0]),
                    at(c[0]), c[1]);
        }
    }

    @Test
    void rootAtZero() {
        scalar("rootAtZero", "x", v -> Kinks.rootAtZero(v[0]),
                v -> KinksDerivatives.rootAtZero_grad(v[0]),
                (v, s, a) -> KinksDerivatives.rootAtZero_vjp(v[0], s, a[0]),
                at(0.25), at(2.0), at(9.0));
        // sqrt'(0) = +Infinity, and 0.25 + 2.5 * Infinity = Infinity in the accumulator
        exact("rootAtZero", "x", v -> Kinks.rootAtZero(v[0]),
                v -> KinksDerivatives.rootAtZero_grad(v[0]),
                (v, s, a) -> KinksDerivatives.rootAtZero_vjp(v[0], s, a[0]),
                at(0.0), INF);
    }

    @Test
    void copySigned() {
        scalar("copySigned", "x y", v -> Kinks.copySigned(v[0], v[1]),
                v -> KinksDerivatives.copySigned_grad(v[0], v[1]),
                (v, s, a) -> KinksDerivatives.copySigned_vjp(v[0], v[1], s, a[0], a[1]),
                at(1.5, 2.0), at(-0.7, 1.2), at(2.0, -0.5), at(-1.0, -3.0));
    }

    @Test
    void branchKink() {
        scalar("branchKink", "x", v -> Kinks.branchKink(v[0]),
                v -> KinksDerivatives.branchKink_grad(v[0]),
                (v, s, a) -> KinksDerivatives.branchKink_vjp(v[0], s, a[0]),
                at(0.5), at(2.0), at(-1.0));
        // 1 < 1 is false: the branch taken is 3x - 1
        exact("branchKink", "x", v -> Kinks.branchKink(v[0]),
                v -> KinksDerivatives.branchKink_grad(v[0]),
                (v, s, a) -> KinksDerivatives.branchKink_vjp(v[0], s, a[0]),
                at(1.0), 3.0);
    }

    @Test
    void ifKink() {
        scalar("ifKink", "x", v -> Kinks.ifKink(v[0]),
                v -> KinksDerivatives.ifKink_grad(v[0]),
                (v, s, a) -> KinksDerivatives.ifKink_vjp(v[0], s, a[0]),
                at(-0.5), at(0.7), at(2.0));
        // 0 <= 0: the branch taken is -2x
        exact("ifKink", "x", v -> Kinks.ifKink(v[0]),
                v -> KinksDerivatives.ifKink_grad(v[0]),
                (v, s, a) -> KinksDerivatives.ifKink_vjp(v[0], s, a[0]),
                at(0.0), -2.0);
    }

    @Test
    void absDifference() {
        scalar("absDifference", "x y", v -> Kinks.absDifference(v[0], v[1]),
                v -> KinksDerivatives.absDifference_grad(v[0], v[1]),
                (v, s, a) -> KinksDerivatives.absDifference_vjp(v[0], v[1], s, a[0], a[1]),
                at(1.0, 2.0), at(3.0, -1.0), at(-0.4, 0.9));
        // abs'(0) = 0, so only the trailing + x remains
        exact("absDifference", "x y", v -> Kinks.absDifference(v[0], v[1]),
                v -> KinksDerivatives.absDifference_grad(v[0], v[1]),
                (v, s, a) -> KinksDerivatives.absDifference_vjp(v[0], v[1], s, a[0], a[1]),
                at(1.5, 1.5), 1.0, 0.0);
    }
}
