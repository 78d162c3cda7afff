package example;

import java.io.StringReader;
import org.cotangent.Differentiable;

class TryWithResources {
    @Differentiable
    static double f(double x) throws Exception {
        double r = x;
        // ERROR: COT001 col=9
        try (StringReader in = new StringReader("1")) {
            r = r * in.read();
        }
        return r;
    }
}
