package org.cotangent.it.loops;

import static org.cotangent.it.scalar.Check.Args.args;
import static org.cotangent.it.scalar.Check.arrays;

import org.cotangent.it.scalar.Check.Args;
import org.junit.jupiter.api.Test;

class EdgeCasesTest {
    @Test
    void aliasedIndices() {
        Args[] points = Inputs.points(1, 3, in -> args().v("x", in.vector(5, -1, 1))
                .ints("dst", 0, 2, 2, 4, 1, 3).ints("src", 1, 2, 0, 4, 1, 2));
        arrays("aliasedIndices", "x", a -> EdgeCases.aliasedIndices(a.v(0), a.ints(1), a.ints(2)),
                a -> EdgeCasesDerivatives.aliasedIndices_grad(a.v(0), a.ints(1), a.ints(2)),
                (a, s, acc) -> EdgeCasesDerivatives.aliasedIndices_vjp(a.v(0), a.ints(1), a.ints(2), s, acc.v(0)), points);
    }

    @Test
    void compoundSelfRead() {
        Args[] points = Inputs.points(2, 3, in -> args().v("x", in.vector(4, -1, 1)));
        arrays("compoundSelfRead", "x", a -> EdgeCases.compoundSelfRead(a.v(0)),
                a -> EdgeCasesDerivatives.compoundSelfRead_grad(a.v(0)),
                (a, s, acc) -> EdgeCasesDerivatives.compoundSelfRead_vjp(a.v(0), s, acc.v(0)), points);
    }

    @Test
    void timesEqualsAliased() {
        Args[] points = Inputs.points(3, 3, in -> args().v("x", in.vector(4, 0.5, 1.5)).ints("p", 0, 0, 2, 3, 3, 1));
        arrays("timesEqualsAliased", "x", a -> EdgeCases.timesEqualsAliased(a.v(0), a.ints(1)),
                a -> EdgeCasesDerivatives.timesEqualsAliased_grad(a.v(0), a.ints(1)),
                (a, s, acc) -> EdgeCasesDerivatives.timesEqualsAliased_vjp(a.v(0), a.ints(1), s, acc.v(0)), points);
    }

    @Test
    void newtonPerElement() {
        Args[] points = Inputs.points(4, 3, in -> args().v("a", in.vector(4, 0.3, 5)));
        arrays("newtonPerElement", "a", a -> EdgeCases.newtonPerElement(a.v(0)),
                a -> EdgeCasesDerivatives.newtonPerElement_grad(a.v(0)),
                (a, s, acc) -> EdgeCasesDerivatives.newtonPerElement_vjp(a.v(0), s, acc.v(0)), points);
    }

    @Test
    void twoVariableFor() {
        Args[] points = Inputs.points(5, 3, in -> args().v("x", in.vector(7, -1, 1)));
        arrays("twoVariableFor", "x", a -> EdgeCases.twoVariableFor(a.v(0)),
                a -> EdgeCasesDerivatives.twoVariableFor_grad(a.v(0)),
                (a, s, acc) -> EdgeCasesDerivatives.twoVariableFor_vjp(a.v(0), s, acc.v(0)), points);
    }

    @Test
    void infiniteForWithBreak() {
        Args[] points = {args().d("x", 0.13), args().d("x", 1.7), args().d("x", 4.2)};
        arrays("infiniteForWithBreak", "x", a -> EdgeCases.infiniteForWithBreak(a.d(0)),
                a -> EdgeCasesDerivatives.infiniteForWithBreak_grad(a.d(0)),
                (a, s, acc) -> EdgeCasesDerivatives.infiniteForWithBreak_vjp(a.d(0), s, acc.v(0)), points);
    }

    @Test
    void leakyReluInPlace() {
        Args[] points = Inputs.points(7, 3, in -> args().v("x", in.awayFromZero(6, 0.2, 1.5)));
        arrays("leakyReluInPlace", "x", a -> EdgeCases.leakyReluInPlace(a.v(0)),
                a -> EdgeCasesDerivatives.leakyReluInPlace_grad(a.v(0)),
                (a, s, acc) -> EdgeCasesDerivatives.leakyReluInPlace_vjp(a.v(0), s, acc.v(0)), points);
    }

    @Test
    void doWhileContinue() {
        Args[] points = Inputs.points(8, 3, in -> args().v("x", in.awayFromZero(6, 0.2, 1.5)));
        arrays("doWhileContinue", "x", a -> EdgeCases.doWhileContinue(a.v(0)),
                a -> EdgeCasesDerivatives.doWhileContinue_grad(a.v(0)),
                (a, s, acc) -> EdgeCasesDerivatives.doWhileContinue_vjp(a.v(0), s, acc.v(0)), points);
    }

    @Test
    void returnFromSwitch() {
        Inputs in = new Inputs(9);
        Args[] points = {args().m("m", in.matrix(3, 4, -1, 1)).i("stop", 6),
            args().m("m", in.matrix(3, 4, -1, 1)).i("stop", 0), args().m("m", in.matrix(3, 4, -1, 1)).i("stop", 99)};
        arrays("returnFromSwitch", "m", a -> EdgeCases.returnFromSwitch(a.m(0), a.i(1)),
                a -> EdgeCasesDerivatives.returnFromSwitch_grad(a.m(0), a.i(1)),
                (a, s, acc) -> EdgeCasesDerivatives.returnFromSwitch_vjp(a.m(0), a.i(1), s, acc.m(0)), points);
    }

    @Test
    void repeatedElementProduct() {
        Args[] points = Inputs.points(10, 3, in -> args().m("a", in.matrix(3, 2, -1, 1)).v("f", in.vector(5, 0.5, 1.2)));
        arrays("repeatedElementProduct", "a f", a -> EdgeCases.repeatedElementProduct(a.m(0), a.v(1)),
                a -> EdgeCasesDerivatives.repeatedElementProduct_grad(a.m(0), a.v(1)),
                (a, s, acc) -> EdgeCasesDerivatives.repeatedElementProduct_vjp(a.m(0), a.v(1), s, acc.m(0), acc.v(1)), points);
    }

    @Test
    void localAlias() {
        Args[] points = Inputs.points(11, 3, in -> args().v("x", in.vector(5, -1, 1)));
        arrays("localAlias", "x", a -> EdgeCases.localAlias(a.v(0)),
                a -> EdgeCasesDerivatives.localAlias_grad(a.v(0)),
                (a, s, acc) -> EdgeCasesDerivatives.localAlias_vjp(a.v(0), s, acc.v(0)), points);
    }

    @Test
    void conditionalOverwriteWhile() {
        Args[] points = {args().d("x", 3.1).d("y", 0.7), args().d("x", 0.4).d("y", 2.3), args().d("x", 5.0).d("y", 4.1)};
        arrays("conditionalOverwriteWhile", "x y", a -> EdgeCases.conditionalOverwriteWhile(a.d(0), a.d(1)),
                a -> EdgeCasesDerivatives.conditionalOverwriteWhile_grad(a.d(0), a.d(1)),
                (a, s, acc) -> EdgeCasesDerivatives.conditionalOverwriteWhile_vjp(a.d(0), a.d(1), s, acc.v(0), acc.v(1)),
                points);
    }

    @Test
    void incrementStatements() {
        Args[] points = Inputs.points(13, 3, in -> args().v("x", in.vector(5, -1, 1)));
        arrays("incrementStatements", "x", a -> EdgeCases.incrementStatements(a.v(0)),
                a -> EdgeCasesDerivatives.incrementStatements_grad(a.v(0)),
                (a, s, acc) -> EdgeCasesDerivatives.incrementStatements_vjp(a.v(0), s, acc.v(0)), points);
    }

    @Test
    void enhancedForRows() {
        Args[] points = Inputs.points(14, 3, in -> args().m("m", in.matrix(3, 4, -1, 1)));
        arrays("enhancedForRows", "m", a -> EdgeCases.enhancedForRows(a.m(0)),
                a -> EdgeCasesDerivatives.enhancedForRows_grad(a.m(0)),
                (a, s, acc) -> EdgeCasesDerivatives.enhancedForRows_vjp(a.m(0), s, acc.m(0)), points);
    }
}
