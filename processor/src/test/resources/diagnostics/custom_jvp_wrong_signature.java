package example;

import org.cotangent.CustomJvp;
import org.cotangent.runtime.Dual;

class CustomJvpWrongSignature {
    static double cube(double x) {
        return x * x * x;
    }

    // ERROR: COT013 col=5
    @CustomJvp(of = "cube")
    static double cubeJvp(double x, double x_dot) {
        return 3 * x * x * x_dot;
    }
}
