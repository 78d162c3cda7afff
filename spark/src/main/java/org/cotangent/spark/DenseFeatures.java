package org.cotangent.spark;

import org.apache.spark.mllib.linalg.DenseVector;
import org.apache.spark.mllib.linalg.SparseVector;
import org.apache.spark.mllib.linalg.Vector;

/**
 * The features of one example as the {@code double[]} a generated vjp takes, without a copy for
 * a dense vector and into one reused buffer for a sparse one: one instance per partition, so a
 * pass allocates nothing per example either way.
 */
final class DenseFeatures {
    private double[] buffer = new double[0];
    private int[] lastIndices = new int[0];

    /** The features as an array of {@code features.size()} values; valid until the next call. */
    double[] of(Vector features) {
        if (features instanceof DenseVector dense) {
            return dense.values();
        }
        if (!(features instanceof SparseVector sparse)) {
            return features.toArray(); // MLlib has no third kind of vector
        }
        if (buffer.length != sparse.size()) {
            buffer = new double[sparse.size()];
        } else {
            for (int i : lastIndices) {
                buffer[i] = 0.0;
            }
        }
        int[] indices = sparse.indices();
        double[] values = sparse.values();
        for (int k = 0; k < indices.length; k++) {
            buffer[indices[k]] = values[k];
        }
        lastIndices = indices;
        return buffer;
    }
}
