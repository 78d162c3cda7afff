package example;

import org.cotangent.CustomJvp;
import org.cotangent.runtime.Dual;

class CustomJvpNotStatic {
    static double cube(double x) {
        return x * x * x;
    }

    // ERROR: COT013 col=5
    @CustomJvp(of = "cube")
    Dual cube_jvp(double x, double x_dot) {
        return new Dual(x * x * x, 3 * x * x * x_dot);
    }
}
