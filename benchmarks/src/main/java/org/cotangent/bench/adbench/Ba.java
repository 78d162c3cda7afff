package org.cotangent.bench.adbench;

import org.cotangent.Differentiable;

/**
 * ADBench's bundle-adjustment residuals (OBJECTIVES.md §3.2), per observation, as a user of
 * Cotangent would write them: the reprojection residual R^15 -> R^2 of one camera, one point and
 * one weight, and the weight residual.
 */
public final class Ba {
    /** Offsets in a camera: rotation (angle-axis), centre, focal length, principal point, radial distortion. */
    public static final int ROTATION = 0;
    public static final int CENTRE = 3;
    public static final int FOCAL = 6;
    public static final int PRINCIPAL = 7;
    public static final int DISTORTION = 9;
    public static final int CAMERA_SIZE = 11;

    private Ba() {
    }

    /**
     * {@code w * (proj - feature)}, where proj is the projection of {@code point} by {@code camera}:
     * rotate the point relative to the centre (Rodrigues), divide by depth, distort radially,
     * scale by the focal length and shift by the principal point.
     */
    @Differentiable(wrt = {"camera", "point", "w"})
    public static double[] reprojection(double[] camera, double[] point, double w, double[] feature) {
        double y0 = point[0] - camera[CENTRE];
        double y1 = point[1] - camera[CENTRE + 1];
        double y2 = point[2] - camera[CENTRE + 2];
        double r0 = camera[ROTATION];
        double r1 = camera[ROTATION + 1];
        double r2 = camera[ROTATION + 2];
        double sqTheta = r0 * r0 + r1 * r1 + r2 * r2;
        double z0;
        double z1;
        double z2;
        if (sqTheta != 0) {
            double theta = Math.sqrt(sqTheta);
            double cos = Math.cos(theta);
            double sin = Math.sin(theta);
            double v0 = r0 / theta;
            double v1 = r1 / theta;
            double v2 = r2 / theta;
            double along = (v0 * y0 + v1 * y1 + v2 * y2) * (1 - cos);
            z0 = y0 * cos + (v1 * y2 - v2 * y1) * sin + v0 * along;
            z1 = y1 * cos + (v2 * y0 - v0 * y2) * sin + v1 * along;
            z2 = y2 * cos + (v0 * y1 - v1 * y0) * sin + v2 * along;
        } else {
            // first order at theta = 0, as the reference
            z0 = y0 + (r1 * y2 - r2 * y1);
            z1 = y1 + (r2 * y0 - r0 * y2);
            z2 = y2 + (r0 * y1 - r1 * y0);
        }
        double px = z0 / z2;
        double py = z1 / z2;
        double rsq = px * px + py * py;
        double distortion = 1 + camera[DISTORTION] * rsq + camera[DISTORTION + 1] * rsq * rsq;
        double[] e = new double[2];
        e[0] = w * (camera[FOCAL] * px * distortion + camera[PRINCIPAL] - feature[0]);
        e[1] = w * (camera[FOCAL] * py * distortion + camera[PRINCIPAL + 1] - feature[1]);
        return e;
    }

    /** The weight residual 1 - w². */
    @Differentiable
    public static double weightResidual(double w) {
        return 1 - w * w;
    }
}
