package org.cotangent.it.values;

/** A network of two layers, a nested value type, with an inactive component (its name). */
public record Mlp(Layer hidden, Layer out, String name) {
}
