package org.cotangent.examples;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;

/** Minibatch training of a {@link Model} with Adam and the gradient Cotangent generated for {@link Mlp#batchLoss}. */
final class Trainer {
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Trainer() {
    }

    /** What to train and how long. */
    record Setup(int[] sizes, int epochs, int batchSize, double learningRate, double decay, long seed) {
    }

    /**
     * The outcome of a run.
     *
     * @param losses mean training loss of each epoch
     * @param testAccuracies held-out accuracy after each epoch
     * @param bytesPerStep heap allocated by one training step (gradient and Adam update) in the last epoch,
     *                     or -1 if the JVM cannot tell
     */
    record Run(Model model, double[] losses, double[] testAccuracies, double trainAccuracy, double testAccuracy,
               long millis, long bytesPerStep) {
    }

    static Run train(Dataset.Split split, Setup setup, PrintStream out, boolean redraw) {
        long start = System.nanoTime();
        Model model = new Model(setup.sizes(), split.train(), setup.seed());
        double[][] inputs = model.standardise(split.train());
        int[] labels = split.train().labels();
        double[][] testInputs = model.standardise(split.test());
        int[] testLabels = split.test().labels();
        double[] params = model.params();

        // Preallocated once: the gradient accumulator, the optimiser state and the sample order. The
        // generated batchLoss_vjp *adds* seed * d(loss)/d(params) into its accumulator, so the loop zeroes it
        // before each minibatch; we use _vjp rather than batchLoss_grad, which would allocate a fresh
        // gradient array per step. batchLoss's own activation buffers and their adjoints come from the tape's
        // pool inside batchLoss_vjp, so a step allocates nothing; the summary line prints the measured bytes.
        double[] gradient = new double[params.length];
        Adam adam = new Adam(params.length, setup.learningRate());
        int[] order = new int[labels.length];
        Arrays.setAll(order, n -> n);
        Random shuffler = new Random(setup.seed() + 1);

        Progress progress = new Progress(out, split.train().name().replace("-train", ""), setup.epochs(), redraw);
        double[] losses = new double[setup.epochs()];
        double[] testAccuracies = new double[setup.epochs()];
        long bytesPerStep = -1;
        for (int epoch = 0; epoch < setup.epochs(); epoch++) {
            shuffle(order, shuffler);
            double lossSum = 0;
            int steps = 0;
            long bytesBefore = allocatedBytes();
            for (int from = 0; from < order.length; from += setup.batchSize()) {
                int to = Math.min(from + setup.batchSize(), order.length);
                Arrays.fill(gradient, 0.0);
                double loss = MlpDerivatives.batchLoss_vjp(params, model.sizes(), inputs, labels, order, from, to,
                        setup.decay(), 1.0, gradient);
                adam.step(params, gradient);
                lossSum += loss * (to - from);
                steps++;
            }
            long bytesAfter = allocatedBytes();
            if (bytesBefore >= 0 && bytesAfter >= 0) {
                bytesPerStep = (bytesAfter - bytesBefore) / steps;
            }
            losses[epoch] = lossSum / order.length;
            testAccuracies[epoch] = model.accuracy(testInputs, testLabels);
            progress.update(epoch + 1, losses[epoch], model.accuracy(inputs, labels), testAccuracies[epoch]);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Run(model, losses, testAccuracies, model.accuracy(inputs, labels),
                model.accuracy(testInputs, testLabels), millis, bytesPerStep);
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** Bytes this thread has allocated so far (HotSpot's extension of ThreadMXBean), or -1. */
    private static long allocatedBytes() {
        if (THREADS instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemoryEnabled()) {
            return bean.getCurrentThreadAllocatedBytes();
        }
        return -1;
    }
}
