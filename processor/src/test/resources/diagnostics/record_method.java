package example;

import org.cotangent.Differentiable;

record RecordMethod(double scale) {
    // Rejected (COT010, at the method name): only plain (non-record, non-enum)
    // top-level or static nested classes are supported; the advice "move it to a top-level class" reads oddly here.
    @Differentiable
    // ERROR: COT010 col=12
    double apply(double x) {
        return scale * x * x;
    }
}
