package org.cotangent.bench.adbench;

import java.nio.file.Path;

/**
 * One ADBench GMM instance, flat as the objective takes it: {@code alphas[K]}, {@code means[K*d]}
 * (component-major), {@code icf[K*d(d+1)/2]} (per component q then l, l column by column),
 * {@code x[n*d]} (point-major).
 */
public record GmmInput(int d, int k, int n, double[] alphas, double[] means, double[] icf, double[] x,
                       double wishartGamma, int wishartM) {

    /** The number of differentiated parameters, K(1 + d + d(d+1)/2). */
    public int parameterCount() {
        return alphas.length + means.length + icf.length;
    }

    /** Reads a GMM file in ADBench's format (every point present; not the replicated 2.5M files). */
    public static GmmInput read(Path file) {
        AdbenchData.Tokens in = AdbenchData.tokens(file);
        int d = in.nextInt();
        int k = in.nextInt();
        int n = in.nextInt();
        double[] alphas = in.doubles(k);
        double[] means = in.doubles(k * d);
        double[] icf = in.doubles(k * d * (d + 1) / 2);
        double[] x = in.doubles(n * d);
        double gamma = in.nextDouble();
        int m = in.nextInt();
        return new GmmInput(d, k, n, alphas, means, icf, x, gamma, m);
    }

    /** Reads {@code gmm/<name>} of the data folder, e.g. {@code "1k/gmm_d2_K5.txt"}. */
    public static GmmInput read(String name) {
        return read(AdbenchData.path("gmm", name.split("/")));
    }

    public double objective() {
        return Gmm.gmmObjective(alphas, means, icf, x, d, k, n, wishartGamma, wishartM);
    }
}
