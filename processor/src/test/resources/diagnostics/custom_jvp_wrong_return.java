package example;

import org.cotangent.CustomJvp;

class CustomJvpWrongReturn {
    static double cube(double x) {
        return x * x * x;
    }

    // returns a double instead of org.cotangent.runtime.Dual
    // ERROR: COT013 col=5
    @CustomJvp(of = "cube")
    static double cube_jvp(double x, double x_dot) {
        return 3 * x * x * x_dot;
    }
}
