package org.cotangent;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method whose derivatives Cotangent generates at compile time.
 *
 * <p>For a method {@code f} in class {@code p.Foo} the processor writes {@code p.FooDerivatives}
 * with {@code f_grad}, {@code f_vjp} and the other derivative methods described in the README.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Differentiable {
    /**
     * Names of the parameters to differentiate with respect to. Empty (the default) means every
     * parameter of type {@code double}, {@code double[]} or {@code double[][]}.
     */
    String[] wrt() default {};
}
