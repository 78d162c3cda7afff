package example;

import org.cotangent.Differentiable;

class LocalClassMethod {
    static double run(double y) {
        class Local {
            @Differentiable
            // ERROR: COT010 col=20
            double sq(double x) {
                return x * x;
            }
        }
        return new Local().sq(y);
    }
}
