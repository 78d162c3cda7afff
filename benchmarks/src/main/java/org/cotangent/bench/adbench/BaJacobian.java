package org.cotangent.bench.adbench;

/**
 * The sparse Jacobian of all BA residuals in CSR, as ADBench assembles it: 3p rows and
 * 11n + 3m + p columns; e-rows 2i and 2i+1 hold 15 nonzeros each (camera, point, weight, in column
 * order), g-row 2p + i holds one. The structure is built once; the fill methods write the values,
 * each from a different derivative of the per-observation function, and allocate nothing beyond
 * what the derivative they call allocates.
 */
public final class BaJacobian {
    public static final int BLOCK = 15;

    private final BaInput in;
    public final int[] rowStart;
    public final int[] columns;
    public final double[] values;
    private final double[] cameraAdj = new double[Ba.CAMERA_SIZE];
    private final double[] pointAdj = new double[3];
    private final double[] weightAdj = new double[1];
    private final double[][] seeds = {{1, 0}, {0, 1}};
    private final double[] cameraScratch = new double[Ba.CAMERA_SIZE];
    private final double[] pointScratch = new double[3];

    public BaJacobian(BaInput in) {
        this.in = in;
        int p = in.p();
        int nnz = 2 * p * BLOCK + p;
        rowStart = new int[3 * p + 1];
        columns = new int[nnz];
        values = new double[nnz];
        int pointsStart = Ba.CAMERA_SIZE * in.n();
        int weightsStart = pointsStart + 3 * in.m();
        int at = 0;
        for (int row = 0; row < 2 * p; row++) {
            int i = row / 2;
            rowStart[row] = at;
            for (int j = 0; j < Ba.CAMERA_SIZE; j++) {
                columns[at++] = Ba.CAMERA_SIZE * in.cameraOf()[i] + j;
            }
            for (int j = 0; j < 3; j++) {
                columns[at++] = pointsStart + 3 * in.pointOf()[i] + j;
            }
            columns[at++] = weightsStart + i;
        }
        for (int i = 0; i < p; i++) {
            rowStart[2 * p + i] = at;
            columns[at++] = weightsStart + i;
        }
        rowStart[3 * p] = at;
    }

    public int rows() {
        return 3 * in.p();
    }

    /** Fills the values with Cotangent's {@code reprojection_jacobian} (2 reverse sweeps inside). */
    public double fillByJacobian() {
        int p = in.p();
        for (int i = 0; i < p; i++) {
            double[][] block = BaDerivatives.reprojection_jacobian(in.cameras()[in.cameraOf()[i]],
                    in.points()[in.pointOf()[i]], in.weights()[i], in.features()[i]);
            System.arraycopy(block[0], 0, values, 2 * i * BLOCK, BLOCK);
            System.arraycopy(block[1], 0, values, (2 * i + 1) * BLOCK, BLOCK);
        }
        fillWeightRows();
        return values[0] + values[values.length - 1];
    }

    /** Fills the values with two calls of Cotangent's {@code reprojection_vjp} per observation, one per output. */
    public double fillByVjp() {
        int p = in.p();
        for (int i = 0; i < p; i++) {
            double[] camera = in.cameras()[in.cameraOf()[i]];
            double[] point = in.points()[in.pointOf()[i]];
            for (int row = 0; row < 2; row++) {
                java.util.Arrays.fill(cameraAdj, 0);
                java.util.Arrays.fill(pointAdj, 0);
                weightAdj[0] = 0;
                BaDerivatives.reprojection_vjp(camera, point, in.weights()[i], in.features()[i], seeds[row], cameraAdj,
                        pointAdj, weightAdj);
                int at = (2 * i + row) * BLOCK;
                System.arraycopy(cameraAdj, 0, values, at, Ba.CAMERA_SIZE);
                System.arraycopy(pointAdj, 0, values, at + Ba.CAMERA_SIZE, 3);
                values[at + BLOCK - 1] = weightAdj[0];
            }
        }
        fillWeightRows();
        return values[0] + values[values.length - 1];
    }

    /** Fills the values with the hand-written 2 x 15 block. */
    public double fillByHand() {
        int p = in.p();
        for (int i = 0; i < p; i++) {
            BaHand.jacobian(in.cameras()[in.cameraOf()[i]], in.points()[in.pointOf()[i]], in.weights()[i],
                    in.features()[i], values, 2 * i * BLOCK);
        }
        int start = 2 * p * BLOCK;
        for (int i = 0; i < p; i++) {
            values[start + i] = -2 * in.weights()[i];
        }
        return values[0] + values[values.length - 1];
    }

    /** Fills the values with Hipparchus forward mode, 15 partials per observation. */
    public double fillByHipparchus() {
        return fillByHipparchus(in.p());
    }

    /** The first {@code count} observations' blocks by Hipparchus (for timing a part of the work). */
    public double fillByHipparchus(int count) {
        for (int i = 0; i < count; i++) {
            BaHipparchus.jacobian(in.cameras()[in.cameraOf()[i]], in.points()[in.pointOf()[i]], in.weights()[i],
                    in.features()[i], values, 2 * i * BLOCK);
        }
        int start = 2 * in.p() * BLOCK;
        for (int i = 0; i < count; i++) {
            values[start + i] = -2 * in.weights()[i];
        }
        return values[0];
    }

    /**
     * The first {@code count} observations' blocks by central differences of {@link Ba#reprojection}
     * over its 15 inputs (30 evaluations per observation), and their weight rows.
     */
    public double fillByFiniteDifferences(int count) {
        for (int i = 0; i < count; i++) {
            System.arraycopy(in.cameras()[in.cameraOf()[i]], 0, cameraScratch, 0, Ba.CAMERA_SIZE);
            System.arraycopy(in.points()[in.pointOf()[i]], 0, pointScratch, 0, 3);
            double w = in.weights()[i];
            double[] feature = in.features()[i];
            int at = 2 * i * BLOCK;
            for (int j = 0; j < BLOCK; j++) {
                double[] array = j < Ba.CAMERA_SIZE ? cameraScratch : j < BLOCK - 1 ? pointScratch : null;
                int index = j < Ba.CAMERA_SIZE ? j : j - Ba.CAMERA_SIZE;
                double saved = array == null ? w : array[index];
                double h = 1e-6 * Math.max(1, Math.abs(saved));
                double[] up;
                double[] down;
                if (array == null) {
                    up = Ba.reprojection(cameraScratch, pointScratch, saved + h, feature);
                    down = Ba.reprojection(cameraScratch, pointScratch, saved - h, feature);
                } else {
                    array[index] = saved + h;
                    up = Ba.reprojection(cameraScratch, pointScratch, w, feature);
                    array[index] = saved - h;
                    down = Ba.reprojection(cameraScratch, pointScratch, w, feature);
                    array[index] = saved;
                }
                values[at + j] = (up[0] - down[0]) / (2 * h);
                values[at + BLOCK + j] = (up[1] - down[1]) / (2 * h);
            }
            double h = 1e-6 * Math.max(1, Math.abs(w));
            values[2 * in.p() * BLOCK + i] = (Ba.weightResidual(w + h) - Ba.weightResidual(w - h)) / (2 * h);
        }
        return values[0];
    }

    private void fillWeightRows() {
        int p = in.p();
        int start = 2 * p * BLOCK;
        for (int i = 0; i < p; i++) {
            weightAdj[0] = 0;
            BaDerivatives.weightResidual_vjp(in.weights()[i], 1.0, weightAdj);
            values[start + i] = weightAdj[0];
        }
    }
}
