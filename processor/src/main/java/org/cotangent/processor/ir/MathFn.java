package org.cotangent.processor.ir;

import java.util.Optional;

/** The differentiable functions of {@code java.lang.Math} and {@code StrictMath}, in their double overloads. */
public enum MathFn {
    SIN("sin", 1), COS("cos", 1), TAN("tan", 1), ASIN("asin", 1), ACOS("acos", 1), ATAN("atan", 1),
    ATAN2("atan2", 2), SINH("sinh", 1), COSH("cosh", 1), TANH("tanh", 1), EXP("exp", 1),
    EXPM1("expm1", 1), LOG("log", 1), LOG1P("log1p", 1), LOG10("log10", 1), SQRT("sqrt", 1),
    CBRT("cbrt", 1), POW("pow", 2), HYPOT("hypot", 2), ABS("abs", 1), MAX("max", 2), MIN("min", 2),
    FMA("fma", 3), SIGNUM("signum", 1), FLOOR("floor", 1), CEIL("ceil", 1), RINT("rint", 1),
    COPY_SIGN("copySign", 2), TO_RADIANS("toRadians", 1), TO_DEGREES("toDegrees", 1);

    private final String javaName;
    private final int arity;

    MathFn(String javaName, int arity) {
        this.javaName = javaName;
        this.arity = arity;
    }

    public String javaName() {
        return javaName;
    }

    public int arity() {
        return arity;
    }

    /**
     * Whether a call costs much more than a push and a pop on the tape (a transcendental function):
     * reverse mode tapes such a value rather than compute it again, and does not replay loops that
     * compute one.
     */
    public boolean isExpensive() {
        return switch (this) {
            case EXP, EXPM1, LOG, LOG1P, LOG10, TANH, SINH, COSH, SIN, COS, TAN, ASIN, ACOS, ATAN, ATAN2, POW, HYPOT,
                    CBRT -> true;
            default -> false;
        };
    }

    /** The function with this name and number of double arguments, if it is one of ours. */
    public static Optional<MathFn> lookup(String name, int arity) {
        for (MathFn fn : values()) {
            if (fn.javaName.equals(name) && fn.arity == arity) {
                return Optional.of(fn);
            }
        }
        return Optional.empty();
    }
}
