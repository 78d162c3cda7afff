package org.cotangent.it.values;

/** An enum component: inactive, passes through. */
public enum Kind {
    SQUARED, ABSOLUTE
}
