package org.cotangent.bench.adbench;

import org.hipparchus.analysis.differentiation.Gradient;

/** The reprojection residual over Hipparchus {@link Gradient}: one forward pass carrying all 15 partials. */
public final class BaHipparchus {
    private BaHipparchus() {
    }

    /** Writes the 2 x 15 block into {@code out[at..at+29]}, row-major. */
    public static void jacobian(double[] camera, double[] point, double w, double[] feature, double[] out, int at) {
        int width = BaJacobian.BLOCK;
        Gradient[] cam = new Gradient[Ba.CAMERA_SIZE];
        for (int j = 0; j < cam.length; j++) {
            cam[j] = Gradient.variable(width, j, camera[j]);
        }
        Gradient y0 = Gradient.variable(width, 11, point[0]).subtract(cam[Ba.CENTRE]);
        Gradient y1 = Gradient.variable(width, 12, point[1]).subtract(cam[Ba.CENTRE + 1]);
        Gradient y2 = Gradient.variable(width, 13, point[2]).subtract(cam[Ba.CENTRE + 2]);
        Gradient weight = Gradient.variable(width, 14, w);
        Gradient r0 = cam[Ba.ROTATION];
        Gradient r1 = cam[Ba.ROTATION + 1];
        Gradient r2 = cam[Ba.ROTATION + 2];
        Gradient sqTheta = r0.square().add(r1.square()).add(r2.square());
        Gradient z0;
        Gradient z1;
        Gradient z2;
        if (sqTheta.getValue() != 0) {
            Gradient theta = sqTheta.sqrt();
            Gradient cos = theta.cos();
            Gradient sin = theta.sin();
            Gradient v0 = r0.divide(theta);
            Gradient v1 = r1.divide(theta);
            Gradient v2 = r2.divide(theta);
            Gradient along = v0.multiply(y0).add(v1.multiply(y1)).add(v2.multiply(y2)).multiply(cos.negate().add(1));
            z0 = y0.multiply(cos).add(v1.multiply(y2).subtract(v2.multiply(y1)).multiply(sin)).add(v0.multiply(along));
            z1 = y1.multiply(cos).add(v2.multiply(y0).subtract(v0.multiply(y2)).multiply(sin)).add(v1.multiply(along));
            z2 = y2.multiply(cos).add(v0.multiply(y1).subtract(v1.multiply(y0)).multiply(sin)).add(v2.multiply(along));
        } else {
            z0 = y0.add(r1.multiply(y2).subtract(r2.multiply(y1)));
            z1 = y1.add(r2.multiply(y0).subtract(r0.multiply(y2)));
            z2 = y2.add(r0.multiply(y1).subtract(r1.multiply(y0)));
        }
        Gradient px = z0.divide(z2);
        Gradient py = z1.divide(z2);
        Gradient rsq = px.square().add(py.square());
        Gradient distortion = cam[Ba.DISTORTION].multiply(rsq).add(cam[Ba.DISTORTION + 1].multiply(rsq.square())).add(1);
        Gradient e0 = cam[Ba.FOCAL].multiply(px).multiply(distortion).add(cam[Ba.PRINCIPAL]).subtract(feature[0])
                .multiply(weight);
        Gradient e1 = cam[Ba.FOCAL].multiply(py).multiply(distortion).add(cam[Ba.PRINCIPAL + 1]).subtract(feature[1])
                .multiply(weight);
        System.arraycopy(e0.getGradient(), 0, out, at, width);
        System.arraycopy(e1.getGradient(), 0, out, at + width, width);
    }
}
