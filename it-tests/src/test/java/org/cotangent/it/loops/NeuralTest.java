package org.cotangent.it.loops;

import static org.cotangent.it.scalar.Check.Args.args;
import static org.cotangent.it.scalar.Check.arrays;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.cotangent.it.scalar.Check.Args;
import org.junit.jupiter.api.Test;

class NeuralTest {
    @Test
    void softmaxCrossEntropy() {
        Args[] points = Inputs.points(201, 3, in -> args().v("logits", in.vector(5, -2, 2)).i("label", in.nextInt(5)));
        List<double[]> gradients = arrays("softmaxCrossEntropy", "logits",
                a -> Neural.softmaxCrossEntropy(a.v(0), a.i(1)),
                a -> NeuralDerivatives.softmaxCrossEntropy_grad(a.v(0), a.i(1)),
                (a, s, acc) -> NeuralDerivatives.softmaxCrossEntropy_vjp(a.v(0), a.i(1), s, acc.v(0)),
                points);
        // by hand: softmax(logits) - onehot(label)
        Inputs in = new Inputs(201);
        double[] logits = in.vector(5, -2, 2);
        int label = in.nextInt(5);
        double sum = 0;
        for (double l : logits) {
            sum += Math.exp(l);
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(Math.exp(logits[i]) / sum - (i == label ? 1 : 0), gradients.get(0)[i], 1e-14);
        }
    }

    @Test
    void mlpLoss() {
        Args[] points = Inputs.points(202, 3, in -> args()
                .m("w1", in.matrix(5, 4, -0.8, 0.8)).v("b1", in.vector(5, -0.5, 0.5))
                .m("w2", in.matrix(3, 5, -0.8, 0.8)).v("b2", in.vector(3, -0.5, 0.5))
                .v("input", in.vector(4, -1.5, 1.5)).i("label", in.nextInt(3)));
        arrays("mlpLoss", "w1 b1 w2 b2",
                a -> Neural.mlpLoss(a.m(0), a.v(1), a.m(2), a.v(3), a.v(4), a.i(5)),
                a -> NeuralDerivatives.mlpLoss_grad(a.m(0), a.v(1), a.m(2), a.v(3), a.v(4), a.i(5)),
                (a, s, acc) -> NeuralDerivatives.mlpLoss_vjp(a.m(0), a.v(1), a.m(2), a.v(3), a.v(4), a.i(5), s,
                        acc.m(0), acc.v(1), acc.m(2), acc.v(3)),
                points);
    }

    @Test
    void mlpLossMinibatchSumsIntoOneAccumulator() {
        // the accumulators are added to: a minibatch gradient is a loop of _vjp calls
        Inputs in = new Inputs(203);
        double[][] w1 = in.matrix(5, 4, -0.8, 0.8);
        double[] b1 = in.vector(5, -0.5, 0.5);
        double[][] w2 = in.matrix(3, 5, -0.8, 0.8);
        double[] b2 = in.vector(3, -0.5, 0.5);
        double[][] w1Adj = new double[5][4];
        double[] b1Adj = new double[5];
        double[][] w2Adj = new double[3][5];
        double[] b2Adj = new double[3];
        double[][] w1Sum = new double[5][4];
        double[] b2Sum = new double[3];
        double loss = 0;
        double lossSum = 0;
        for (int n = 0; n < 4; n++) {
            double[] input = in.vector(4, -1.5, 1.5);
            int label = n % 3;
            loss += NeuralDerivatives.mlpLoss_vjp(w1, b1, w2, b2, input, label, 0.25, w1Adj, b1Adj, w2Adj, b2Adj);
            var g = NeuralDerivatives.mlpLoss_grad(w1, b1, w2, b2, input, label);
            lossSum += 0.25 * g.value();
            for (int h = 0; h < 5; h++) {
                for (int j = 0; j < 4; j++) {
                    w1Sum[h][j] += 0.25 * g.w1()[h][j];
                }
            }
            for (int c = 0; c < 3; c++) {
                b2Sum[c] += 0.25 * g.b2()[c];
            }
        }
        assertEquals(lossSum, 0.25 * loss, 1e-12);
        for (int h = 0; h < 5; h++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(w1Sum[h][j], w1Adj[h][j], 1e-12);
            }
        }
        for (int c = 0; c < 3; c++) {
            assertEquals(b2Sum[c], b2Adj[c], 1e-12);
        }
    }

    @Test
    void logisticLoss() {
        Args[] points = Inputs.points(204, 3, in -> {
            double[] ys = new double[6];
            for (int n = 0; n < 6; n++) {
                ys[n] = in.nextInt(2) == 0 ? -1 : 1;
            }
            return args().v("w", in.vector(3, -1, 1)).m("xs", in.matrix(6, 3, -2, 2)).v("ys", ys);
        });
        arrays("logisticLoss", "w",
                a -> Neural.logisticLoss(a.v(0), a.m(1), a.v(2)),
                a -> NeuralDerivatives.logisticLoss_grad(a.v(0), a.m(1), a.v(2)),
                (a, s, acc) -> NeuralDerivatives.logisticLoss_vjp(a.v(0), a.m(1), a.v(2), s, acc.v(0)),
                points);
    }

    @Test
    void ridgeLoss() {
        Args[] points = Inputs.points(205, 3, in -> args()
                .v("w", in.vector(3, -1, 1)).d("b", in.uniform(-1, 1)).m("xs", in.matrix(5, 3, -2, 2))
                .v("ys", in.vector(5, -2, 2)).d("lambda", in.uniform(0.01, 0.5)));
        arrays("ridgeLoss", "w b",
                a -> Neural.ridgeLoss(a.v(0), a.d(1), a.m(2), a.v(3), a.d(4)),
                a -> NeuralDerivatives.ridgeLoss_grad(a.v(0), a.d(1), a.m(2), a.v(3), a.d(4)),
                (a, s, acc) -> NeuralDerivatives.ridgeLoss_vjp(a.v(0), a.d(1), a.m(2), a.v(3), a.d(4), s,
                        acc.v(0), acc.v(1)),
                points);
    }

    @Test
    void layerNorm() {
        Args[] points = Inputs.points(206, 3, in -> args()
                .v("x", in.vector(5, -2, 2)).v("gamma", in.vector(5, 0.5, 1.5)).v("beta", in.vector(5, -0.5, 0.5)));
        arrays("layerNorm", "x gamma beta",
                a -> Neural.layerNorm(a.v(0), a.v(1), a.v(2)),
                a -> NeuralDerivatives.layerNorm_grad(a.v(0), a.v(1), a.v(2)),
                (a, s, acc) -> NeuralDerivatives.layerNorm_vjp(a.v(0), a.v(1), a.v(2), s, acc.v(0), acc.v(1), acc.v(2)),
                points);
    }

    @Test
    void attention() {
        Args[] points = Inputs.points(207, 3, in -> args()
                .v("q", in.vector(4, -1, 1)).m("k", in.matrix(5, 4, -1, 1)).m("v", in.matrix(5, 3, -1, 1)));
        arrays("attention", "q k v",
                a -> Neural.attention(a.v(0), a.m(1), a.m(2)),
                a -> NeuralDerivatives.attention_grad(a.v(0), a.m(1), a.m(2)),
                (a, s, acc) -> NeuralDerivatives.attention_vjp(a.v(0), a.m(1), a.m(2), s, acc.v(0), acc.m(1), acc.m(2)),
                points);
    }

    @Test
    void convSoftplus() {
        Args[] points = Inputs.points(208, 3, in -> args()
                .v("signal", in.vector(8, -1.5, 1.5)).v("kernel", in.vector(3, -1, 1)));
        arrays("convSoftplus", "signal kernel",
                a -> Neural.convSoftplus(a.v(0), a.v(1)),
                a -> NeuralDerivatives.convSoftplus_grad(a.v(0), a.v(1)),
                (a, s, acc) -> NeuralDerivatives.convSoftplus_vjp(a.v(0), a.v(1), s, acc.v(0), acc.v(1)),
                points);
    }

    @Test
    void logSumExp() {
        Args[] points = Inputs.points(209, 3, in -> args().v("x", in.vector(5, -2, 2)));
        List<double[]> gradients = arrays("logSumExp", "x",
                a -> Neural.logSumExp(a.v(0)),
                a -> NeuralDerivatives.logSumExp_grad(a.v(0)),
                (a, s, acc) -> NeuralDerivatives.logSumExp_vjp(a.v(0), s, acc.v(0)),
                points);
        // the gradient is the softmax: it sums to 1
        for (double[] g : gradients) {
            double total = 0;
            for (double gi : g) {
                total += gi;
            }
            assertEquals(1.0, total, 1e-14);
        }
    }
}
