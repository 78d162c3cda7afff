package org.cotangent.processor.rules;

import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.naming.RuntimeClasses;

import java.util.List;
import java.util.Optional;

/**
 * The helpers of {@code org.cotangent.runtime.Primitives} that generated code calls: the first
 * partials of primitives whose formula needs a convention at a singular point, and the pieces of
 * their second partials. {@link DerivativeRules#primitivePartial} switches over this enum without a
 * default, so a helper without a second-order rule is a compile error of the processor.
 */
public enum Primitive {
    MAX_PARTIAL_FIRST("maxPartialFirst", 2),
    MAX_PARTIAL_SECOND("maxPartialSecond", 2),
    MIN_PARTIAL_FIRST("minPartialFirst", 2),
    MIN_PARTIAL_SECOND("minPartialSecond", 2),
    POW_PARTIAL_BASE("powPartialBase", 2),
    POW_PARTIAL_EXPONENT("powPartialExponent", 2),
    HYPOT_PARTIAL("hypotPartial", 2),
    ATAN2_PARTIAL_Y("atan2PartialY", 2),
    ATAN2_PARTIAL_X("atan2PartialX", 2),
    COPY_SIGN_PARTIAL("copySignPartial", 2),
    REM_PARTIAL_DIVISOR("remPartialDivisor", 2),
    POW_PARTIAL_BASE_PARTIAL_EXPONENT("powPartialBasePartialExponent", 2),
    QUOTIENT_OR_ZERO("quotientOrZero", 2),
    LOG_OR_ZERO("logOrZero", 2),
    RECIPROCAL_OR_ZERO("reciprocalOrZero", 1),
    INVERSE_SQUARED_NORM_SQUARED("inverseSquaredNormSquared", 2);

    private final String javaName;
    private final int arity;

    Primitive(String javaName, int arity) {
        this.javaName = javaName;
        this.arity = arity;
    }

    /** The method's name in {@code Primitives}. */
    public String javaName() {
        return javaName;
    }

    public int arity() {
        return arity;
    }

    /** A call of this helper on {@code args}: a double. */
    public Expr call(Expr... args) {
        if (args.length != arity) {
            throw new IllegalArgumentException(javaName + " takes " + arity + " arguments, got " + args.length);
        }
        return new Expr.StaticCall(RuntimeClasses.PRIMITIVES, javaName, List.of(args), Type.DOUBLE);
    }

    /** The helper a generated call names, if {@code call} is one. */
    public static Optional<Primitive> of(Expr.StaticCall call) {
        if (!RuntimeClasses.PRIMITIVES.equals(call.owner())) {
            return Optional.empty();
        }
        for (Primitive p : values()) {
            if (p.javaName.equals(call.name())) {
                return Optional.of(p);
            }
        }
        throw new IllegalStateException("a call of Primitives." + call.name() + ", which has no rule");
    }
}
