package org.cotangent.processor.ir;

/**
 * A variable of a method: a parameter, a local of the user's, or one the transformation made.
 * Names are unique within a generated method, so a variable is identified by its name.
 *
 * @param name the name in generated code
 * @param type its type
 */
public record Var(String name, Type type) {
}
