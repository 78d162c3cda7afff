package org.cotangent.bench.adbench;

import java.nio.file.Path;

/**
 * One ADBench BA problem, built as ADBench's reader builds it from a file that holds one camera,
 * one point, one weight and one feature: n copies of the camera, m of the point, p of the weight
 * and of the feature; observation i sees camera {@code i mod n} and point {@code i mod m}.
 */
public record BaInput(int n, int m, int p, double[][] cameras, double[][] points, double[] weights,
                      double[][] features, int[] cameraOf, int[] pointOf) {

    public static BaInput read(Path file) {
        AdbenchData.Tokens in = AdbenchData.tokens(file);
        int n = in.nextInt();
        int m = in.nextInt();
        int p = in.nextInt();
        double[] camera = in.doubles(Ba.CAMERA_SIZE);
        double[] point = in.doubles(3);
        double weight = in.nextDouble();
        double[] feature = in.doubles(2);
        double[][] cameras = new double[n][];
        for (int j = 0; j < n; j++) {
            cameras[j] = camera.clone();
        }
        double[][] points = new double[m][];
        for (int t = 0; t < m; t++) {
            points[t] = point.clone();
        }
        double[] weights = new double[p];
        double[][] features = new double[p][];
        int[] cameraOf = new int[p];
        int[] pointOf = new int[p];
        for (int i = 0; i < p; i++) {
            weights[i] = weight;
            features[i] = feature.clone();
            cameraOf[i] = i % n;
            pointOf[i] = i % m;
        }
        return new BaInput(n, m, p, cameras, points, weights, features, cameraOf, pointOf);
    }

    /** Reads {@code ba/<name>}, e.g. {@code "test.txt"}. */
    public static BaInput read(String name) {
        return read(AdbenchData.path("ba", name));
    }

    /** The 3p residuals in ADBench's order: e_0..e_{p-1} (two each), then g_0..g_{p-1}. */
    public double residuals(double[] out) {
        for (int i = 0; i < p; i++) {
            double[] e = Ba.reprojection(cameras[cameraOf[i]], points[pointOf[i]], weights[i], features[i]);
            out[2 * i] = e[0];
            out[2 * i + 1] = e[1];
            out[2 * p + i] = Ba.weightResidual(weights[i]);
        }
        return out[0] + out[3 * p - 1];
    }

    public int columns() {
        return Ba.CAMERA_SIZE * n + 3 * m + p;
    }
}
