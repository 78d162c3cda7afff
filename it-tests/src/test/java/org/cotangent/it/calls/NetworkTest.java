package org.cotangent.it.calls;

import org.cotangent.it.loops.Inputs;

import static org.cotangent.it.scalar.Check.Args.args;
import static org.cotangent.it.scalar.Check.arrays;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.cotangent.it.scalar.Check.Args;
import org.junit.jupiter.api.Test;

class NetworkTest {
    private static final double TOL = 1e-6;

    @Test
    void denseOutputArraySemantics() {
        Inputs in = new Inputs(1001);
        for (int p = 0; p < 3; p++) {
            Object[] point = {in.matrix(3, 4, -1, 1), in.vector(3, -1, 1), in.vector(4, -1, 1), in.vector(3, -5, 5)};
            Object[] acc = OutputCheck.check("dense", "w b x out", point, "w b x out", "out", TOL, 11 + p,
                    a -> Network.dense((double[][]) a[0], (double[]) a[1], (double[]) a[2], (double[]) a[3]),
                    (a, c) -> NetworkDerivatives.dense_vjp((double[][]) a[0], (double[]) a[1], (double[]) a[2],
                            (double[]) a[3], (double[][]) c[0], (double[]) c[1], (double[]) c[2], (double[]) c[3]));
            // every element of out is overwritten: its adjoint ends at exactly 0
            assertArrayEquals(new double[3], (double[]) acc[3], 0.0);
        }
    }

    @Test
    void tanhLayerOutputArraySemantics() {
        Inputs in = new Inputs(1002);
        for (int p = 0; p < 3; p++) {
            Object[] point = {in.vector(5, -2, 2), in.vector(5, -5, 5)};
            Object[] acc = OutputCheck.check("tanhLayer", "v out", point, "v out", "out", TOL, 21 + p,
                    a -> Network.tanhLayer((double[]) a[0], (double[]) a[1]),
                    (a, c) -> NetworkDerivatives.tanhLayer_vjp((double[]) a[0], (double[]) a[1], (double[]) c[0],
                            (double[]) c[1]));
            assertArrayEquals(new double[5], (double[]) acc[1], 0.0);
        }
    }

    @Test
    void tanhLayerAliasedInPlace() {
        // v and out the same array (and so the same accumulator): the map v -> tanh(v) in place
        Inputs in = new Inputs(1003);
        for (int p = 0; p < 3; p++) {
            Object[] point = {in.vector(5, -2, 2)};
            OutputCheck.check("tanhLayer(v, v)", "v", point, "v", "v", TOL, 31 + p,
                    a -> Network.tanhLayer((double[]) a[0], (double[]) a[0]),
                    (a, c) -> NetworkDerivatives.tanhLayer_vjp((double[]) a[0], (double[]) a[0], (double[]) c[0],
                            (double[]) c[0]));
        }
    }

    @Test
    void unit() {
        Args[] points = Inputs.points(1004, 3, in -> args()
                .v("w", in.vector(4, -1, 1)).d("b", in.uniform(-1, 1)).v("x", in.vector(4, -1, 1)));
        arrays("unit", "w b x",
                a -> Network.unit(a.v(0), a.d(1), a.v(2)),
                a -> NetworkDerivatives.unit_grad(a.v(0), a.d(1), a.v(2)),
                (a, s, acc) -> NetworkDerivatives.unit_vjp(a.v(0), a.d(1), a.v(2), s, acc.v(0), acc.v(1), acc.v(2)),
                points);
    }

    @Test
    void tanhUnit() {
        Args[] points = Inputs.points(1005, 3, in -> args().d("z", in.uniform(-2, 2)));
        arrays("tanhUnit", "z",
                a -> Network.tanhUnit(a.d(0)),
                a -> NetworkDerivatives.tanhUnit_grad(a.d(0)),
                (a, s, acc) -> NetworkDerivatives.tanhUnit_vjp(a.d(0), s, acc.v(0)),
                points);
    }

    private static Args mlp(Inputs in) {
        return args().m("w1", in.matrix(4, 3, -1, 1)).v("b1", in.vector(4, -0.5, 0.5))
                .m("w2", in.matrix(2, 4, -1, 1)).v("b2", in.vector(2, -0.5, 0.5))
                .v("x", in.vector(3, -1, 1)).v("target", in.vector(2, -0.8, 0.8));
    }

    @Test
    void mlpLoss() {
        Args[] points = Inputs.points(1006, 3, NetworkTest::mlp);
        arrays("mlpLoss", "w1 b1 w2 b2 x target",
                a -> Network.mlpLoss(a.m(0), a.v(1), a.m(2), a.v(3), a.v(4), a.v(5)),
                a -> NetworkDerivatives.mlpLoss_grad(a.m(0), a.v(1), a.m(2), a.v(3), a.v(4), a.v(5)),
                (a, s, acc) -> NetworkDerivatives.mlpLoss_vjp(a.m(0), a.v(1), a.m(2), a.v(3), a.v(4), a.v(5), s,
                        acc.m(0), acc.v(1), acc.m(2), acc.v(3), acc.v(4), acc.v(5)),
                points);
    }

    @Test
    void mlpLossUnitsAgreesWithMlpLoss() {
        Args[] points = Inputs.points(1007, 3, NetworkTest::mlp);
        arrays("mlpLossUnits", "w1 b1 w2 b2",
                a -> Network.mlpLossUnits(a.m(0), a.v(1), a.m(2), a.v(3), a.v(4), a.v(5)),
                a -> NetworkDerivatives.mlpLossUnits_grad(a.m(0), a.v(1), a.m(2), a.v(3), a.v(4), a.v(5)),
                (a, s, acc) -> NetworkDerivatives.mlpLossUnits_vjp(a.m(0), a.v(1), a.m(2), a.v(3), a.v(4), a.v(5), s,
                        acc.m(0), acc.v(1), acc.m(2), acc.v(3)),
                points);
        // the two styles compute the same function and gradient (to rounding)
        Args a = points[0];
        var units = NetworkDerivatives.mlpLossUnits_grad(a.m(0), a.v(1), a.m(2), a.v(3), a.v(4), a.v(5));
        var layers = NetworkDerivatives.mlpLoss_grad(a.m(0), a.v(1), a.m(2), a.v(3), a.v(4), a.v(5));
        assertArrayEquals(layers.b1(), units.b1(), 1e-12);
        assertArrayEquals(layers.b2(), units.b2(), 1e-12);
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(layers.w1()[i], units.w1()[i], 1e-12);
        }
    }

    @Test
    void batchLoss() {
        Args[] points = Inputs.points(1008, 3, in -> args()
                .m("w1", in.matrix(4, 3, -1, 1)).v("b1", in.vector(4, -0.5, 0.5))
                .m("w2", in.matrix(2, 4, -1, 1)).v("b2", in.vector(2, -0.5, 0.5))
                .m("xs", in.matrix(5, 3, -1, 1)).m("targets", in.matrix(5, 2, -0.8, 0.8)));
        arrays("batchLoss", "w1 b1 w2 b2 xs targets",
                a -> Network.batchLoss(a.m(0), a.v(1), a.m(2), a.v(3), a.m(4), a.m(5)),
                a -> NetworkDerivatives.batchLoss_grad(a.m(0), a.v(1), a.m(2), a.v(3), a.m(4), a.m(5)),
                (a, s, acc) -> NetworkDerivatives.batchLoss_vjp(a.m(0), a.v(1), a.m(2), a.v(3), a.m(4), a.m(5), s,
                        acc.m(0), acc.v(1), acc.m(2), acc.v(3), acc.m(4), acc.m(5)),
                points);
    }

    @Test
    void tanhInPlace() {
        Args[] points = Inputs.points(1009, 3, in -> args().v("x", in.vector(5, -2, 2)).v("c", in.vector(5, -1, 1)));
        arrays("tanhInPlace", "x c",
                a -> Network.tanhInPlace(a.v(0), a.v(1)),
                a -> NetworkDerivatives.tanhInPlace_grad(a.v(0), a.v(1)),
                (a, s, acc) -> NetworkDerivatives.tanhInPlace_vjp(a.v(0), a.v(1), s, acc.v(0), acc.v(1)),
                points);
    }
}
