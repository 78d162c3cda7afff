package example;

import org.cotangent.CustomJvp;
import org.cotangent.runtime.Dual;

class CustomJvpMissingTangent {
    static double mul(double x, double y) {
        return x * y;
    }

    // the tangent of y is missing
    // ERROR: COT013 col=5
    @CustomJvp(of = "mul")
    static Dual mul_jvp(double x, double y, double x_dot) {
        return new Dual(x * y, y * x_dot);
    }
}
