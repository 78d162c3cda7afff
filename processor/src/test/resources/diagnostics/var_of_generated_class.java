package example;

import org.cotangent.Differentiable;

/**
 * A local declared with var whose type comes from the class Cotangent is about to generate for this
 * very class: javac cannot infer it while the processor reads the class (it would crash later), so
 * it is an error at the declaration that says which type to write.
 */
class VarOfGeneratedClass {
    @Differentiable
    static double f(double x) {
        return x * x;
    }

    static double slope(double x) {
        // ERROR: COT001 col=13
        var g = VarOfGeneratedClassDerivatives.f_grad(x);
        var scale = 2.0;
        VarOfGeneratedClassDerivatives.FGradient h = VarOfGeneratedClassDerivatives.f_grad(x);
        return scale * g.x() + h.x();
    }
}
