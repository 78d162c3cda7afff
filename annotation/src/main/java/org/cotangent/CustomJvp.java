package org.cotangent;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a user-written forward-mode rule: the annotated static method is the {@code _jvp} of
 * method {@link #of()}, in exactly the signature Cotangent would generate for it. Generated code
 * that calls that method calls this rule instead of differentiating its body.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface CustomJvp {
    /** Name of the method this rule differentiates. */
    String of();

    /** Class that declares the method; {@code void.class} means the class of the rule itself. */
    Class<?> in() default void.class;
}
