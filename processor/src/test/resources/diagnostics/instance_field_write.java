package example;

import org.cotangent.Differentiable;

class InstanceFieldWrite {
    double bias;
    double last;

    @Differentiable
    double f(double x) {
        // ERROR: COT005 col=9
        last = x;
        return x * bias;
    }

    @Differentiable
    double g(double x) {
        // reported at the field access 'this.bias' (its '.'), not at the statement's first token
        // ERROR: COT005 col=13
        this.bias += x;
        return x * x;
    }
}
