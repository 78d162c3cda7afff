package org.cotangent.bench.adbench;

/**
 * A hand-written 2 x 15 Jacobian of {@link Ba#reprojection}: one forward pass kept in locals, then
 * one reverse sweep per output row. Columns: camera (11), point (3), weight (1).
 */
public final class BaHand {
    private BaHand() {
    }

    /** Writes row 0 into {@code out[at..at+14]} and row 1 into {@code out[at+15..at+29]}. */
    public static void jacobian(double[] camera, double[] point, double w, double[] feature, double[] out, int at) {
        double y0 = point[0] - camera[Ba.CENTRE];
        double y1 = point[1] - camera[Ba.CENTRE + 1];
        double y2 = point[2] - camera[Ba.CENTRE + 2];
        double r0 = camera[Ba.ROTATION];
        double r1 = camera[Ba.ROTATION + 1];
        double r2 = camera[Ba.ROTATION + 2];
        double sqTheta = r0 * r0 + r1 * r1 + r2 * r2;
        boolean rotates = sqTheta != 0;
        double theta = 0;
        double cos = 0;
        double sin = 0;
        double v0 = 0;
        double v1 = 0;
        double v2 = 0;
        double dot = 0;
        double along = 0;
        double c0 = 0;
        double c1 = 0;
        double c2 = 0;
        double z0;
        double z1;
        double z2;
        if (rotates) {
            theta = Math.sqrt(sqTheta);
            cos = Math.cos(theta);
            sin = Math.sin(theta);
            v0 = r0 / theta;
            v1 = r1 / theta;
            v2 = r2 / theta;
            dot = v0 * y0 + v1 * y1 + v2 * y2;
            along = dot * (1 - cos);
            c0 = v1 * y2 - v2 * y1;
            c1 = v2 * y0 - v0 * y2;
            c2 = v0 * y1 - v1 * y0;
            z0 = y0 * cos + c0 * sin + v0 * along;
            z1 = y1 * cos + c1 * sin + v1 * along;
            z2 = y2 * cos + c2 * sin + v2 * along;
        } else {
            z0 = y0 + (r1 * y2 - r2 * y1);
            z1 = y1 + (r2 * y0 - r0 * y2);
            z2 = y2 + (r0 * y1 - r1 * y0);
        }
        double px = z0 / z2;
        double py = z1 / z2;
        double rsq = px * px + py * py;
        double k1 = camera[Ba.DISTORTION];
        double k2 = camera[Ba.DISTORTION + 1];
        double distortion = 1 + k1 * rsq + k2 * rsq * rsq;
        double f = camera[Ba.FOCAL];
        double dx = px * distortion;
        double dy = py * distortion;
        double wAdjX = f * dx + camera[Ba.PRINCIPAL] - feature[0];
        double wAdjY = f * dy + camera[Ba.PRINCIPAL + 1] - feature[1];
        for (int row = 0; row < 2; row++) {
            int o = at + row * BaJacobian.BLOCK;
            double s0 = row == 0 ? 1 : 0;
            double s1 = 1 - s0;
            double a0 = s0 * w;
            double a1 = s1 * w;
            out[o + 14] = row == 0 ? wAdjX : wAdjY;
            out[o + Ba.FOCAL] = a0 * dx + a1 * dy;
            out[o + Ba.PRINCIPAL] = a0;
            out[o + Ba.PRINCIPAL + 1] = a1;
            double dxAdj = a0 * f;
            double dyAdj = a1 * f;
            double distortionAdj = dxAdj * px + dyAdj * py;
            out[o + Ba.DISTORTION] = distortionAdj * rsq;
            out[o + Ba.DISTORTION + 1] = distortionAdj * rsq * rsq;
            double rsqAdj = distortionAdj * (k1 + 2 * k2 * rsq);
            double pxAdj = dxAdj * distortion + 2 * px * rsqAdj;
            double pyAdj = dyAdj * distortion + 2 * py * rsqAdj;
            double z0Adj = pxAdj / z2;
            double z1Adj = pyAdj / z2;
            double z2Adj = -(pxAdj * px + pyAdj * py) / z2;
            double y0Adj;
            double y1Adj;
            double y2Adj;
            double r0Adj;
            double r1Adj;
            double r2Adj;
            if (rotates) {
                // z = y cos + (v x y) sin + v along, along = (v . y)(1 - cos)
                y0Adj = z0Adj * cos;
                y1Adj = z1Adj * cos;
                y2Adj = z2Adj * cos;
                double cosAdj = z0Adj * y0 + z1Adj * y1 + z2Adj * y2;
                double sinAdj = z0Adj * c0 + z1Adj * c1 + z2Adj * c2;
                double alongAdj = z0Adj * v0 + z1Adj * v1 + z2Adj * v2;
                double v0Adj = z0Adj * along;
                double v1Adj = z1Adj * along;
                double v2Adj = z2Adj * along;
                double dotAdj = alongAdj * (1 - cos);
                cosAdj -= alongAdj * dot;
                v0Adj += dotAdj * y0;
                v1Adj += dotAdj * y1;
                v2Adj += dotAdj * y2;
                y0Adj += dotAdj * v0;
                y1Adj += dotAdj * v1;
                y2Adj += dotAdj * v2;
                // c = v x y with adjoint g = z_adj sin: v gets y x g, y gets g x v
                double g0 = z0Adj * sin;
                double g1 = z1Adj * sin;
                double g2 = z2Adj * sin;
                v0Adj += y1 * g2 - y2 * g1;
                v1Adj += y2 * g0 - y0 * g2;
                v2Adj += y0 * g1 - y1 * g0;
                y0Adj += g1 * v2 - g2 * v1;
                y1Adj += g2 * v0 - g0 * v2;
                y2Adj += g0 * v1 - g1 * v0;
                // v = r / theta
                double thetaAdj = -(v0Adj * v0 + v1Adj * v1 + v2Adj * v2) / theta - cosAdj * sin + sinAdj * cos;
                double sqThetaAdj = thetaAdj / (2 * theta);
                r0Adj = v0Adj / theta + 2 * r0 * sqThetaAdj;
                r1Adj = v1Adj / theta + 2 * r1 * sqThetaAdj;
                r2Adj = v2Adj / theta + 2 * r2 * sqThetaAdj;
            } else {
                // z = y + r x y
                y0Adj = z0Adj + (z1Adj * r2 - z2Adj * r1);
                y1Adj = z1Adj + (z2Adj * r0 - z0Adj * r2);
                y2Adj = z2Adj + (z0Adj * r1 - z1Adj * r0);
                r0Adj = y1 * z2Adj - y2 * z1Adj;
                r1Adj = y2 * z0Adj - y0 * z2Adj;
                r2Adj = y0 * z1Adj - y1 * z0Adj;
            }
            out[o + Ba.ROTATION] = r0Adj;
            out[o + Ba.ROTATION + 1] = r1Adj;
            out[o + Ba.ROTATION + 2] = r2Adj;
            out[o + Ba.CENTRE] = -y0Adj;
            out[o + Ba.CENTRE + 1] = -y1Adj;
            out[o + Ba.CENTRE + 2] = -y2Adj;
            out[o + Ba.CAMERA_SIZE] = y0Adj;
            out[o + Ba.CAMERA_SIZE + 1] = y1Adj;
            out[o + Ba.CAMERA_SIZE + 2] = y2Adj;
        }
    }
}
