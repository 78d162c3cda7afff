package example;

import org.cotangent.Differentiable;

interface InterfaceDefault {
    // Rejected (COT010, at the method name): only plain (non-record, non-enum)
    // top-level or static nested classes are supported; the advice "move it to a top-level class" reads oddly here.
    @Differentiable
    // ERROR: COT010 col=20
    default double apply(double x) {
        return x * x;
    }
}
