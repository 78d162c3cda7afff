package org.cotangent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Each partial in {@link Primitives} against a central finite difference at ordinary points, and
 * the documented conventions at kinks and at the edges of the domain.
 */
class PrimitivesTest {

    private static final double REL_TOL = 1e-6;
    private static final double ABS_TOL = 1e-8;

    /** Central difference of g at t, with the actual (rounded) step in the denominator. */
    private static double centralDifference(DoubleUnaryOperator g, double t) {
        double h = 1e-6 * Math.max(1.0, Math.abs(t));
        double up = t + h;
        double down = t - h;
        return (g.applyAsDouble(up) - g.applyAsDouble(down)) / (up - down);
    }

    private static double inFirst(DoubleBinaryOperator f, double a, double b) {
        return centralDifference(t -> f.applyAsDouble(t, b), a);
    }

    private static double inSecond(DoubleBinaryOperator f, double a, double b) {
        return centralDifference(t -> f.applyAsDouble(a, t), b);
    }

    private static void assertClose(double numeric, double analytic, String what) {
        double allowed = ABS_TOL + REL_TOL * Math.max(Math.abs(numeric), Math.abs(analytic));
        assertTrue(Math.abs(numeric - analytic) <= allowed,
                what + ": rule gives " + analytic + ", finite difference " + numeric);
    }

    // ---- ordinary points -------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"2.0, 1.0", "1.0, 2.0", "-3.0, 5.5", "0.25, -0.75", "1e6, -1e6"})
    void maxPartials(double a, double b) {
        assertClose(inFirst(Math::max, a, b), Primitives.maxPartialFirst(a, b), "d max/d a at " + a + "," + b);
        assertClose(inSecond(Math::max, a, b), Primitives.maxPartialSecond(a, b), "d max/d b at " + a + "," + b);
    }

    @ParameterizedTest
    @CsvSource({"2.0, 1.0", "1.0, 2.0", "-3.0, 5.5", "0.25, -0.75", "1e6, -1e6"})
    void minPartials(double a, double b) {
        assertClose(inFirst(Math::min, a, b), Primitives.minPartialFirst(a, b), "d min/d a at " + a + "," + b);
        assertClose(inSecond(Math::min, a, b), Primitives.minPartialSecond(a, b), "d min/d b at " + a + "," + b);
    }

    @ParameterizedTest
    @CsvSource({"1.7, 2.3", "2.0, 2.0", "-1.5, 2.0", "0.5, -1.5", "-1.3, 3.0", "3.0, 0.5", "0.8, 1.0", "4.0, -2.0"})
    void powPartialBase(double a, double b) {
        assertClose(inFirst(Math::pow, a, b), Primitives.powPartialBase(a, b), "d pow/d a at " + a + "," + b);
    }

    @ParameterizedTest
    @CsvSource({"1.7, 2.3", "2.0, 2.0", "0.5, -1.5", "3.0, 0.5", "0.8, 0.0", "10.0, -0.3"})
    void powPartialExponent(double a, double b) {
        assertClose(inSecond(Math::pow, a, b), Primitives.powPartialExponent(a, Math.pow(a, b)),
                "d pow/d b at " + a + "," + b);
    }

    @ParameterizedTest
    @CsvSource({"3.0, 4.0", "-3.0, 4.0", "0.5, -2.0", "1e-3, 2e-3", "0.0, 2.0", "7.0, 0.0"})
    void hypotPartials(double a, double b) {
        double value = Math.hypot(a, b);
        assertClose(inFirst(Math::hypot, a, b), Primitives.hypotPartial(a, value), "d hypot/d a at " + a + "," + b);
        assertClose(inSecond(Math::hypot, a, b), Primitives.hypotPartial(b, value), "d hypot/d b at " + a + "," + b);
    }

    @ParameterizedTest
    @CsvSource({"1.0, 2.0", "-1.0, -0.5", "0.3, -2.0", "2.0, 0.0", "-2.0, 0.5", "1e-3, 1.0"})
    void atan2Partials(double y, double x) {
        assertClose(inFirst(Math::atan2, y, x), Primitives.atan2PartialY(y, x), "d atan2/d y at " + y + "," + x);
        assertClose(inSecond(Math::atan2, y, x), Primitives.atan2PartialX(y, x), "d atan2/d x at " + y + "," + x);
    }

    @ParameterizedTest
    @CsvSource({"2.5, -1.0", "-2.5, 3.0", "-2.5, -3.0", "2.5, 3.0", "0.75, -0.0"})
    void copySignPartial(double magnitude, double sign) {
        assertClose(inFirst(Math::copySign, magnitude, sign), Primitives.copySignPartial(magnitude, sign),
                "d copySign/d magnitude at " + magnitude + "," + sign);
    }

    @ParameterizedTest
    @CsvSource({"7.3, 2.1", "-7.3, 2.1", "7.3, -2.1", "-7.3, -2.1", "1000.55, 0.7", "0.4, 3.0", "5.5, 1.0"})
    void remPartialDivisorMatchesFiniteDifferenceInTheDivisor(double a, double b) {
        assertClose(inSecond((p, q) -> p % q, a, b), Primitives.remPartialDivisor(a, b),
                "d (a % b)/d b at " + a + "," + b);
    }

    @ParameterizedTest
    @CsvSource({"7.3, 2.1", "-7.3, 2.1", "7.3, -2.1", "1000.55, 0.7"})
    void remainderIsSlopeOneInTheDividend(double a, double b) {
        // The documented partial in a is the constant 1 (the processor writes it inline).
        assertClose(inFirst((p, q) -> p % q, a, b), 1.0, "d (a % b)/d a at " + a + "," + b);
    }

    @Test
    void remPartialDivisorIsAnExactInteger() {
        assertEquals(-3.0, Primitives.remPartialDivisor(7.3, 2.1));
        assertEquals(3.0, Primitives.remPartialDivisor(-7.3, 2.1));
        assertEquals(3.0, Primitives.remPartialDivisor(7.3, -2.1));
        assertEquals(-1429.0, Primitives.remPartialDivisor(1000.55, 0.7));
        assertEquals(0.0, Primitives.remPartialDivisor(0.4, 3.0), 0.0);
    }

    // ---- second order: derivatives of the first partials ----------------------------------

    @ParameterizedTest
    @CsvSource({"1.3, 0.4", "0.7, 2.5", "2.2, -1.5"})
    void secondOrderHelpersAreTheDerivativesOfTheFirstPartials(double a, double b) {
        double hab = Math.hypot(a, b);
        assertClose(inFirst(Primitives::hypotPartial, a, hab), Primitives.reciprocalOrZero(hab),
                "d hypotPartial / d a");
        assertClose(inSecond(Primitives::hypotPartial, a, hab),
                -Primitives.hypotPartial(a, hab) * Primitives.reciprocalOrZero(hab), "d hypotPartial / d value");
        assertClose(inSecond(Primitives::powPartialBase, a, b), Primitives.powPartialBasePartialExponent(a, b),
                "d powPartialBase / d b");
        double p = Math.pow(a, b);
        assertClose(inFirst(Primitives::powPartialExponent, a, p), Primitives.quotientOrZero(p, a),
                "d powPartialExponent / d a");
        assertClose(inSecond(Primitives::powPartialExponent, a, p), Primitives.logOrZero(a, p),
                "d powPartialExponent / d value");
        assertClose(inFirst(Primitives::atan2PartialY, a, b),
                -2 * a * b * Primitives.inverseSquaredNormSquared(a, b), "d atan2PartialY / d y");
        assertClose(inSecond(Primitives::atan2PartialX, a, b),
                2 * a * b * Primitives.inverseSquaredNormSquared(a, b), "d atan2PartialX / d x");
    }

    @Test
    void secondOrderHelpersAreZeroAtTheSingularPoints() {
        assertEquals(0.0, Primitives.reciprocalOrZero(0.0), 0.0);
        assertEquals(0.0, Primitives.inverseSquaredNormSquared(0.0, 0.0), 0.0);
        assertEquals(0.0, Primitives.powPartialBasePartialExponent(0.0, 3.0), 0.0);
        assertEquals(0.0, Primitives.quotientOrZero(0.0, 0.0), 0.0);
        assertEquals(0.0, Primitives.logOrZero(0.0, 0.0), 0.0);
    }

    // ---- conventions at kinks and domain edges ---------------------------------------------

    @Test
    void maxAndMinTiesSplitTheAdjointHalfAndHalf() {
        for (double t : new double[] {0.0, 1.5, -2.0, 1e300}) {
            assertEquals(0.5, Primitives.maxPartialFirst(t, t));
            assertEquals(0.5, Primitives.maxPartialSecond(t, t));
            assertEquals(0.5, Primitives.minPartialFirst(t, t));
            assertEquals(0.5, Primitives.minPartialSecond(t, t));
        }
        // +0.0 and -0.0 compare equal: a tie as well
        assertEquals(0.5, Primitives.maxPartialFirst(0.0, -0.0));
        assertEquals(0.5, Primitives.minPartialSecond(-0.0, 0.0));
    }

    @Test
    void maxAndMinPartialsSumToOne() {
        double[][] points = {{2, 1}, {1, 2}, {3, 3}, {-1, -1e-300}};
        for (double[] p : points) {
            assertEquals(1.0, Primitives.maxPartialFirst(p[0], p[1]) + Primitives.maxPartialSecond(p[0], p[1]));
            assertEquals(1.0, Primitives.minPartialFirst(p[0], p[1]) + Primitives.minPartialSecond(p[0], p[1]));
        }
    }

    @Test
    void maxAndMinOfNanGiveNanPartials() {
        assertTrue(Double.isNaN(Primitives.maxPartialFirst(Double.NaN, 1.0)));
        assertTrue(Double.isNaN(Primitives.maxPartialSecond(Double.NaN, 1.0)));
        assertTrue(Double.isNaN(Primitives.minPartialFirst(1.0, Double.NaN)));
        assertTrue(Double.isNaN(Primitives.minPartialSecond(1.0, Double.NaN)));
    }

    @Test
    void copySignConventions() {
        assertEquals(0.0, Primitives.copySignPartial(0.0, 1.0));
        assertEquals(0.0, Primitives.copySignPartial(-0.0, -1.0));
        assertEquals(1.0, Primitives.copySignPartial(2.0, 5.0));
        assertEquals(-1.0, Primitives.copySignPartial(2.0, -5.0));
        assertEquals(-1.0, Primitives.copySignPartial(-2.0, 5.0));
        assertEquals(1.0, Primitives.copySignPartial(-2.0, -5.0));
        // the sign of a zero sign argument counts, as in Math.copySign
        assertEquals(-1.0, Primitives.copySignPartial(2.0, -0.0));
        assertEquals(1.0, Primitives.copySignPartial(2.0, 0.0));
    }

    @Test
    void powAtZero() {
        // pow(a, 0) = 1 for every a: slope 0 in a, even at a = 0
        assertEquals(0.0, Primitives.powPartialBase(0.0, 0.0));
        assertEquals(0.0, Primitives.powPartialBase(3.0, 0.0));
        // ordinary integer exponents at a = 0
        assertEquals(1.0, Primitives.powPartialBase(0.0, 1.0));
        assertEquals(0.0, Primitives.powPartialBase(0.0, 2.0));
        assertEquals(0.0, Primitives.powPartialBase(0.0, 3.0));
        // sqrt-like exponent: infinite slope at 0, as sqrt'(0) = +Infinity
        assertEquals(Double.POSITIVE_INFINITY, Primitives.powPartialBase(0.0, 0.5));
        // d/d b of pow(0, b) for b > 0: the value is 0, the partial is 0 (not 0 * -Infinity = NaN)
        assertEquals(0.0, Primitives.powPartialExponent(0.0, Math.pow(0.0, 2.0)));
        assertEquals(0.0, Primitives.powPartialExponent(0.0, Math.pow(0.0, 0.5)));
        // d/d b of pow(1, b) = log(1) = 0
        assertEquals(0.0, Primitives.powPartialExponent(1.0, Math.pow(1.0, 7.0)));
    }

    @Test
    void hypotAtTheOrigin() {
        assertEquals(0.0, Primitives.hypotPartial(0.0, Math.hypot(0.0, 0.0)));
        assertEquals(0.0, Primitives.hypotPartial(-0.0, Math.hypot(-0.0, 0.0)));
    }

    @Test
    void atan2AtTheOrigin() {
        assertEquals(0.0, Primitives.atan2PartialY(0.0, 0.0));
        assertEquals(0.0, Primitives.atan2PartialX(0.0, 0.0));
        assertEquals(0.0, Primitives.atan2PartialY(-0.0, -0.0));
        assertEquals(0.0, Primitives.atan2PartialX(-0.0, -0.0));
    }

    @Test
    void atan2PartialsAreFiniteForTinyArguments() {
        double y = 1e-200;
        double x = 1e-200;
        // x^2 + y^2 underflows to 0: the rule falls back to 0 rather than dividing by zero
        assertTrue(Double.isFinite(Primitives.atan2PartialY(y, x)));
        assertTrue(Double.isFinite(Primitives.atan2PartialX(y, x)));
    }
}
