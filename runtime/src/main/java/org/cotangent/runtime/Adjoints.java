package org.cotangent.runtime;

/** Array helpers for generated adjoint code: zeroed arrays shaped like others, and accumulation. */
public final class Adjoints {
    private Adjoints() {
    }

    /** A zeroed array of the same length as {@code a}. */
    public static double[] zerosLike(double[] a) {
        return new double[a.length];
    }

    /** A zeroed array of the same (possibly ragged) shape as {@code a}; null rows stay null. */
    public static double[][] zerosLike(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] == null ? null : new double[a[i].length];
        }
        return out;
    }

    /** {@code target[i] += source[i]} for every element. */
    public static void addInto(double[] target, double[] source) {
        for (int i = 0; i < source.length; i++) {
            target[i] += source[i];
        }
    }

    /** {@code target[i][j] += source[i][j]} for every element. */
    public static void addInto(double[][] target, double[][] source) {
        for (int i = 0; i < source.length; i++) {
            if (source[i] != null) {
                addInto(target[i], source[i]);
            }
        }
    }

    /** A copy of {@code a}: the contents a method leaves in an array parameter, kept across the backward sweep. */
    public static double[] copyOf(double[] a) {
        return a.clone();
    }

    /** A copy of {@code a} and of each of its rows. */
    public static double[][] copyOf(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] == null ? null : a[i].clone();
        }
        return out;
    }

    public static int[] copyOf(int[] a) {
        return a.clone();
    }

    public static long[] copyOf(long[] a) {
        return a.clone();
    }

    public static boolean[] copyOf(boolean[] a) {
        return a.clone();
    }

    /** Puts back contents saved by {@link #copyOf(double[])}. */
    public static void copyInto(double[] target, double[] source) {
        System.arraycopy(source, 0, target, 0, source.length);
    }

    public static void copyInto(double[][] target, double[][] source) {
        for (int i = 0; i < source.length; i++) {
            if (source[i] != null) {
                System.arraycopy(source[i], 0, target[i], 0, source[i].length);
            }
        }
    }

    public static void copyInto(int[] target, int[] source) {
        System.arraycopy(source, 0, target, 0, source.length);
    }

    public static void copyInto(long[] target, long[] source) {
        System.arraycopy(source, 0, target, 0, source.length);
    }

    public static void copyInto(boolean[] target, boolean[] source) {
        System.arraycopy(source, 0, target, 0, source.length);
    }

    /** The number of elements of {@code a}, all rows together. */
    public static int size(double[][] a) {
        int n = 0;
        for (double[] row : a) {
            n += row.length;
        }
        return n;
    }

    /** Writes {@code v} into {@code flat} at {@code at}; returns the next position. */
    public static int put(double[] flat, int at, double v) {
        flat[at] = v;
        return at + 1;
    }

    /** Writes {@code v}'s elements into {@code flat} from {@code at}; returns the next position. */
    public static int put(double[] flat, int at, double[] v) {
        System.arraycopy(v, 0, flat, at, v.length);
        return at + v.length;
    }

    /** Writes {@code v}'s elements row by row into {@code flat} from {@code at}; returns the next position. */
    public static int put(double[] flat, int at, double[][] v) {
        for (double[] row : v) {
            at = put(flat, at, row);
        }
        return at;
    }
}
