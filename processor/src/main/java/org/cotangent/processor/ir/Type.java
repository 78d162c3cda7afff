package org.cotangent.processor.ir;

/**
 * The types Cotangent knows: {@code double} and arrays of it (which can carry derivatives) and the
 * inactive {@code int}, {@code long}, {@code boolean}; {@link Base#OTHER} stands for any reference
 * type that only passes through (a receiver, a string in a message).
 *
 * @param base the element type
 * @param rank 0 for a scalar, 1 for {@code T[]}, 2 for {@code T[][]}
 * @param className for {@link Base#OTHER}, the class as written in generated code (else null)
 */
public record Type(Base base, int rank, String className) {
    public Type(Base base, int rank) {
        this(base, rank, null);
    }

    /** A reference type that only passes through, such as a receiver: {@code Model}. */
    public static Type named(String className) {
        return new Type(Base.OTHER, 0, className);
    }

    /** Element types. */
    public enum Base {
        DOUBLE("double"), INT("int"), LONG("long"), BOOLEAN("boolean"), VOID("void"), OTHER("Object"),
        /** The runtime's {@code Tape}, in generated code. */
        TAPE("org.cotangent.runtime.Tape");

        private final String keyword;

        Base(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    public static final Type DOUBLE = new Type(Base.DOUBLE, 0);
    public static final Type INT = new Type(Base.INT, 0);
    public static final Type LONG = new Type(Base.LONG, 0);
    public static final Type BOOLEAN = new Type(Base.BOOLEAN, 0);
    public static final Type VOID = new Type(Base.VOID, 0);
    public static final Type DOUBLE_ARRAY = new Type(Base.DOUBLE, 1);
    public static final Type DOUBLE_MATRIX = new Type(Base.DOUBLE, 2);

    /** True for {@code double}, {@code double[]} and {@code double[][]}: the types that carry derivatives. */
    public boolean isFloating() {
        return base == Base.DOUBLE;
    }

    public boolean isScalarDouble() {
        return base == Base.DOUBLE && rank == 0;
    }

    /** The Java spelling, e.g. {@code double[]}. */
    public String javaName() {
        return (className != null ? className : base.keyword()) + "[]".repeat(rank);
    }

    /** The literal that a fresh variable of this type starts from. */
    public String zero() {
        if (rank > 0 || base == Base.OTHER) {
            return "null";
        }
        return switch (base) {
            case DOUBLE -> "0.0";
            case BOOLEAN -> "false";
            case LONG -> "0L";
            default -> "0";
        };
    }

    @Override
    public String toString() {
        return javaName();
    }
}
