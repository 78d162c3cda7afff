package example;

import org.cotangent.Differentiable;

enum EnumStatic {
    A;

    // Rejected (COT010, at the method name): only plain (non-record, non-enum)
    // top-level or static nested classes are supported; the advice "move it to a top-level class" reads oddly here.
    @Differentiable
    // ERROR: COT010 col=19
    static double f(double x) {
        return x * x;
    }
}
