package golden;

import org.cotangent.Differentiable;

/**
 * A call across classes, which stays a call: the caller's adjoint runs the callee's pullback with
 * the call's result adjoint as the seed. (Small static callees of the caller's own class are
 * inlined instead; see Layers.)
 */
public class Orbit {
    /** Physics in a class of its own. */
    public static final class Gravity {
        private Gravity() {
        }

        @Differentiable
        public static double potential(double[] q, double mass) {
            double r = Math.sqrt(q[0] * q[0] + q[1] * q[1]);
            return -mass / r;
        }
    }

    @Differentiable
    public static double energy(double[] q, double[] p, double mass) {
        double kinetic = 0.5 * (p[0] * p[0] + p[1] * p[1]) / mass;
        return kinetic + Gravity.potential(q, mass);
    }
}
