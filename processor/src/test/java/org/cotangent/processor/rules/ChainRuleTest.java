package org.cotangent.processor.rules;

import org.cotangent.processor.ir.BinaryOp;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.MathFn;
import org.cotangent.processor.ir.Var;
import org.cotangent.processor.testing.IrEval;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import static org.cotangent.processor.testing.Ir.binary;
import static org.cotangent.processor.testing.Ir.dbl;
import static org.cotangent.processor.testing.Ir.lit;
import static org.cotangent.processor.testing.Ir.math;
import static org.cotangent.processor.testing.Ir.mul;
import static org.cotangent.processor.testing.Ir.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every rule's partials, evaluated, against Richardson-extrapolated central differences of the
 * operation itself, at points away from kinks: the oracle is the function, never the rule.
 */
class ChainRuleTest {
    private static final Var X = dbl("x");
    private static final Var Y = dbl("y");
    private static final Var Z = dbl("z");
    private static final Var[] VARS = {X, Y, Z};

    /** A point inside each function's domain, away from its kinks. */
    private static double[] point(MathFn fn) {
        return switch (fn) {
            case ASIN, ACOS -> new double[] {0.3};
            case LOG, LOG10, SQRT, CBRT -> new double[] {1.7};
            case LOG1P -> new double[] {0.4};
            case POW -> new double[] {1.3, 2.2};
            case ATAN2, HYPOT, MAX, MIN, COPY_SIGN -> new double[] {0.8, -1.9};
            case FMA -> new double[] {0.7, -1.2, 0.4};
            case FLOOR, CEIL, RINT, SIGNUM -> new double[] {0.3};
            default -> new double[] {0.6};
        };
    }

    @Test
    void everyMathFunctionsPartialsMatchFiniteDifferences() {
        for (MathFn fn : MathFn.values()) {
            double[] at = point(fn);
            List<Expr> args = new ArrayList<>();
            for (int i = 0; i < at.length; i++) {
                args.add(ref(VARS[i]));
            }
            check(fn.name(), math(fn, args.toArray(new Expr[0])), at);
        }
    }

    @Test
    void everyFloatingOperatorsPartialsMatchFiniteDifferences() {
        for (BinaryOp op : List.of(BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.DIV, BinaryOp.REM)) {
            check(op.name(), binary(op, ref(X), ref(Y)), new double[] {2.3, 0.7});
        }
    }

    @Test
    void squaresGiveOnePartial() {
        Expr square = mul(ref(X), ref(X));
        assertEquals(1, ChainRule.of(square, e -> e, e -> true).size());
        check("u * u", square, new double[] {1.3});
        Expr scaled = mul(mul(lit(100), ref(X)), ref(X));
        check("(100 * u) * u", scaled, new double[] {-0.4});
    }

    @Test
    void anythingWithoutARuleIsAnErrorNeverAZero() {
        assertThrows(IllegalStateException.class, () -> ChainRule.of(ref(X), e -> e, e -> true));
        assertThrows(IllegalStateException.class, () -> ChainRule.of(lit(1.0), e -> e, e -> true));
    }

    @Test
    void secondOrderRulesMatchFiniteDifferencesOfTheFirstPartials() {
        for (Primitive p : Primitive.values()) {
            double[] at = p.arity() == 1 ? new double[] {1.4} : new double[] {1.3, 0.9};
            Expr call;
            if (p.arity() == 1) {
                call = p.call(ref(X));
            } else {
                call = p.call(ref(X), ref(Y));
            }
            List<Expr> args = ((Expr.StaticCall) call).args();
            for (int i = 0; i < p.arity(); i++) {
                Expr rule;
                try {
                    rule = DerivativeRules.primitivePartial(p, i, args);
                } catch (IllegalStateException thirdOrder) {
                    continue; // a second partial itself: third order is not generated
                }
                int k = i;
                double expected = richardson(h -> evalAt(call, at, k, h));
                assertClose(p + " wrt " + i, expected, evalAt(rule, at, -1, 0));
            }
        }
    }

    /** Checks each partial of {@code e} against differences of {@code e} in that operand. */
    private static void check(String what, Expr e, double[] at) {
        List<ChainRule.Partial> partials = ChainRule.of(e, x -> x, x -> true);
        for (ChainRule.Partial p : partials) {
            int k = indexOf(p.operand());
            double expected = richardson(h -> evalAt(e, at, k, h));
            assertClose(what + " wrt " + VARS[k].name(), expected, evalAt(p.partial(), at, -1, 0));
        }
    }

    private static int indexOf(Expr operand) {
        for (int i = 0; i < VARS.length; i++) {
            if (operand.equals(ref(VARS[i]))) {
                return i;
            }
        }
        fail("operand is not a variable: " + operand);
        return -1;
    }

    private static double evalAt(Expr e, double[] at, int moved, double h) {
        IrEval eval = new IrEval();
        for (int i = 0; i < at.length; i++) {
            eval.with(VARS[i], at[i] + (i == moved ? h : 0.0));
        }
        return ((Number) eval.eval(e)).doubleValue();
    }

    /** Central differences at h and h/2, extrapolated: error O(h^4). */
    private static double richardson(DoubleUnaryOperator f) {
        double h = 1e-3;
        double d1 = (f.applyAsDouble(h) - f.applyAsDouble(-h)) / (2 * h);
        double d2 = (f.applyAsDouble(h / 2) - f.applyAsDouble(-h / 2)) / h;
        return (4 * d2 - d1) / 3;
    }

    private static void assertClose(String what, double expected, double actual) {
        double tolerance = 1e-7 * Math.max(1.0, Math.abs(expected));
        if (!(Math.abs(expected - actual) <= tolerance)) {
            fail(what + ": rule gives " + actual + ", finite differences " + expected);
        }
    }
}
