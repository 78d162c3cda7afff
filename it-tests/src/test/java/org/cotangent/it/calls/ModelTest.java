package org.cotangent.it.calls;

import org.cotangent.it.loops.Inputs;

import static org.cotangent.it.scalar.Check.Args.args;
import static org.cotangent.it.scalar.Check.arrays;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import org.cotangent.it.scalar.Check.Args;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ModelTest {
    private final Inputs rand = new Inputs(5000);
    private final Model model = new Model(rand.matrix(4, 3, -1, 1), rand.vector(4, -0.5, 0.5), rand.vector(4, -1, 1),
            0.3);
    private final Model other = new Model(rand.matrix(4, 3, -1, 1), rand.vector(4, -0.5, 0.5), rand.vector(4, -1, 1),
            -0.2);
    private final double[][] w1 = copy(model.w1);
    private final double[] b1 = model.b1.clone();

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    @AfterEach
    void fieldsUnchanged() {
        for (int i = 0; i < w1.length; i++) {
            assertArrayEquals(w1[i], model.w1[i], 0.0, "w1 field modified");
        }
        assertArrayEquals(b1, model.b1, 0.0, "b1 field modified");
        assertEquals(0.3, model.bias, 0.0);
    }

    @Test
    void receiverIsTheFirstParameter() throws NoSuchMethodException {
        Method vjp = ModelDerivatives.class.getMethod("predict_vjp", Model.class, double[].class, double.class,
                double[].class);
        assertEquals(double.class, vjp.getReturnType());
        ModelDerivatives.class.getMethod("predict_grad", Model.class, double[].class);
        ModelDerivatives.class.getMethod("ensembleLoss_grad", Model.class, Model.class, double[].class, double.class);
    }

    @Test
    void hiddenUnit() {
        for (int i = 0; i < 4; i++) {
            int unit = i;
            arrays("hiddenUnit", "x", a -> model.hiddenUnit(a.v(0), a.i(1)),
                    a -> ModelDerivatives.hiddenUnit_grad(model, a.v(0), a.i(1)),
                    (a, s, acc) -> ModelDerivatives.hiddenUnit_vjp(model, a.v(0), a.i(1), s, acc.v(0)),
                    Inputs.points(5001 + i, 3, in -> args().v("x", in.vector(3, -1, 1)).i("i", unit)));
        }
    }

    @Test
    void predict() {
        arrays("predict", "x", a -> model.predict(a.v(0)), a -> ModelDerivatives.predict_grad(model, a.v(0)),
                (a, s, acc) -> ModelDerivatives.predict_vjp(model, a.v(0), s, acc.v(0)),
                Inputs.points(5010, 3, in -> args().v("x", in.vector(3, -1, 1))));
    }

    @Test
    void loss() {
        arrays("loss", "x y", a -> model.loss(a.v(0), a.d(1)), a -> ModelDerivatives.loss_grad(model, a.v(0), a.d(1)),
                (a, s, acc) -> ModelDerivatives.loss_vjp(model, a.v(0), a.d(1), s, acc.v(0), acc.v(1)),
                Inputs.points(5011, 3, in -> args().v("x", in.vector(3, -1, 1)).d("y", in.uniform(-1, 1))));
    }

    @Test
    void scaledLoss() {
        arrays("scaledLoss", "x y s", a -> model.scaledLoss(a.v(0), a.d(1), a.d(2)),
                a -> ModelDerivatives.scaledLoss_grad(model, a.v(0), a.d(1), a.d(2)),
                (a, s, acc) -> ModelDerivatives.scaledLoss_vjp(model, a.v(0), a.d(1), a.d(2), s, acc.v(0), acc.v(1),
                        acc.v(2)),
                Inputs.points(5012, 3, in -> args().v("x", in.vector(3, -1, 1)).d("y", in.uniform(-1, 1))
                        .d("s", in.uniform(0.5, 1.5))));
    }

    @Test
    void ensembleLoss() {
        Args[] points = Inputs.points(5013, 3, in -> args().v("x", in.vector(3, -1, 1)).d("y", in.uniform(-1, 1)));
        arrays("ensembleLoss", "x y", a -> Model.ensembleLoss(model, other, a.v(0), a.d(1)),
                a -> ModelDerivatives.ensembleLoss_grad(model, other, a.v(0), a.d(1)),
                (a, s, acc) -> ModelDerivatives.ensembleLoss_vjp(model, other, a.v(0), a.d(1), s, acc.v(0), acc.v(1)),
                points);
    }

    @Test
    void differentReceiversGiveDifferentGradients() {
        double[] x = {0.1, -0.4, 0.7};
        double[] g1 = ModelDerivatives.predict_grad(model, x).x();
        double[] g2 = ModelDerivatives.predict_grad(other, x).x();
        assertEquals(model.predict(x), ModelDerivatives.predict_grad(model, x).value(), 0.0);
        assertEquals(other.predict(x), ModelDerivatives.predict_grad(other, x).value(), 0.0);
        assert g1[0] != g2[0];
    }
}
