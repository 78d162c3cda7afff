package org.cotangent.spark.examples;

/**
 * One training run of the comparison: what computed the gradient, what optimised, how long it
 * took, where it ended, and the loss after each iteration (for the loss curve).
 *
 * @param iterations the optimiser's iterations, or -1 where the library does not report them
 * @param passes     the passes over the data (one Spark job each), or -1 where not reported
 */
record Run(String name, String gradient, String optimiser, int iterations, int passes, double seconds,
           double meanLoss, double[] weights, double[] lossPerIteration) {
}
