/**
 * Cotangent's generated gradients on Apache Spark: a data-parallel loss and gradient over an RDD
 * or a Dataset ({@link org.cotangent.spark.DataParallelLoss}), MLlib's {@code Gradient} for its
 * optimisers ({@link org.cotangent.spark.CotangentGradient}) and a Hipparchus objective on the
 * driver ({@link org.cotangent.spark.DriverObjective}). The per-example loss is a plain
 * {@code @Differentiable} method; its generated {@code _vjp} is passed by method reference.
 */
package org.cotangent.spark;
