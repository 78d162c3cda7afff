package org.cotangent.processor.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cotangent.processor.fuzz.ProgramGenerator.Kind;
import org.cotangent.processor.fuzz.ProgramGenerator.Param;

/**
 * How a generated method's parameters map to one flat vector of the values the derivative is taken
 * with respect to (scalars, arrays, matrices row-major, in declaration order), and back: the
 * arguments for a point, the tangents for a direction, accumulators, and the flattening of what the
 * generated methods return or fill.
 */
final class Layout {
    private final List<Param> params;
    private final int size;
    /** The program's {@code record Pair(double first, double second)} and its generated tangent class, or null. */
    private final Class<?> pair;
    private final Class<?> pairTangent;

    Layout(List<Param> params) {
        this(params, null, null);
    }

    /** A layout whose {@link Kind#PAIR} parameters are {@code program}'s {@code Pair} records. */
    Layout(List<Param> params, Class<?> program) throws ReflectiveOperationException {
        this(params, pairOf(program), params.stream().anyMatch(p -> p.kind() == Kind.PAIR)
                ? program.getClassLoader().loadClass(program.getName() + "_PairTangent") : null);
    }

    private Layout(List<Param> params, Class<?> pair, Class<?> pairTangent) {
        this.params = params;
        this.pair = pair;
        this.pairTangent = pairTangent;
        int n = 0;
        for (Param p : params) {
            n += width(p);
        }
        this.size = n;
    }

    /** The same layout for other parameters (shrunk arrays). */
    Layout with(List<Param> other) {
        return new Layout(other, pair, pairTangent);
    }

    private static Class<?> pairOf(Class<?> program) {
        for (Class<?> c : program.getDeclaredClasses()) {
            if (c.getSimpleName().equals("Pair")) {
                return c;
            }
        }
        return null;
    }

    private Object newPair(double first, double second) {
        try {
            java.lang.reflect.Constructor<?> c = pair.getDeclaredConstructor(double.class, double.class);
            c.setAccessible(true);
            return c.newInstance(first, second);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object newPairTangent(double first, double second) {
        try {
            return pairTangent.getConstructor(double.class, double.class).newInstance(first, second);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The components of a generated tangent object, in {@code toArray()} order. */
    private static double[] tangentArray(Object tangent) {
        try {
            return (double[]) tangent.getClass().getMethod("toArray").invoke(tangent);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isTangent(Object v) {
        return v != null && v.getClass().getSimpleName().endsWith("_PairTangent");
    }

    /** The number of flattened wrt values. */
    int size() {
        return size;
    }

    List<Param> params() {
        return params;
    }

    static int width(Param p) {
        return switch (p.kind()) {
            case SCALAR -> 1;
            case PAIR -> 2;
            case ARRAY -> p.length();
            case MATRIX -> p.length() * p.intValue();
            default -> 0;
        };
    }

    static boolean isWrt(Param p) {
        return p.kind() == Kind.SCALAR || p.kind() == Kind.ARRAY || p.kind() == Kind.MATRIX || p.kind() == Kind.PAIR;
    }

    /** The Java types of the parameters. */
    List<Class<?>> types() {
        List<Class<?>> out = new ArrayList<>();
        for (Param p : params) {
            out.add(switch (p.kind()) {
                case SCALAR, FIXED -> double.class;
                case ARRAY -> double[].class;
                case MATRIX -> double[][].class;
                case PAIR -> pair;
                default -> int.class;
            });
        }
        return out;
    }

    /** The types of the accumulators of {@code _vjp}, one per wrt parameter. */
    List<Class<?>> accumulatorTypes() {
        List<Class<?>> out = new ArrayList<>();
        for (Param p : params) {
            if (isWrt(p)) {
                out.add(p.kind() == Kind.PAIR ? pairTangent : p.kind() == Kind.MATRIX ? double[][].class
                        : double[].class);
            }
        }
        return out;
    }

    /** The types of the tangents of {@code _jvp}, one per wrt parameter. */
    List<Class<?>> tangentTypes() {
        List<Class<?>> out = new ArrayList<>();
        for (Param p : params) {
            if (isWrt(p)) {
                out.add(p.kind() == Kind.PAIR ? pairTangent : p.kind() == Kind.SCALAR ? double.class
                        : p.kind() == Kind.ARRAY ? double[].class : double[][].class);
            }
        }
        return out;
    }

    /** Fresh argument objects for the flattened point. */
    Object[] args(double[] x) {
        Object[] a = new Object[params.size()];
        int k = 0;
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            switch (p.kind()) {
                case SCALAR -> a[i] = x[k++];
                case PAIR -> {
                    a[i] = newPair(x[k], x[k + 1]);
                    k += 2;
                }
                case ARRAY -> {
                    a[i] = Arrays.copyOfRange(x, k, k + p.length());
                    k += p.length();
                }
                case MATRIX -> {
                    double[][] m = new double[p.length()][];
                    for (int r = 0; r < m.length; r++) {
                        m[r] = Arrays.copyOfRange(x, k, k + p.intValue());
                        k += p.intValue();
                    }
                    a[i] = m;
                }
                case FIXED -> a[i] = DifferentialChecker.FIXED_VALUE;
                default -> a[i] = p.intValue();
            }
        }
        return a;
    }

    /** The tangent arguments for the flattened direction {@code u}. */
    Object[] tangents(double[] u) {
        Object[] all = args(u);
        List<Object> t = new ArrayList<>();
        int k = 0;
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            if (p.kind() == Kind.PAIR) {
                t.add(newPairTangent(u[k], u[k + 1]));
            } else if (isWrt(p)) {
                t.add(all[i]);
            }
            k += width(p);
        }
        return t.toArray();
    }

    /** Accumulators shaped like the wrt parameters, every element {@code fill} (a scalar's: length 1). */
    List<Object> accumulators(double fill) {
        List<Object> accs = new ArrayList<>();
        for (Param p : params) {
            if (p.kind() == Kind.SCALAR) {
                accs.add(new double[] {fill});
            } else if (p.kind() == Kind.PAIR) {
                accs.add(newPairTangent(fill, fill));
            } else if (p.kind() == Kind.ARRAY) {
                double[] a = new double[p.length()];
                Arrays.fill(a, fill);
                accs.add(a);
            } else if (p.kind() == Kind.MATRIX) {
                double[][] m = new double[p.length()][p.intValue()];
                for (double[] row : m) {
                    Arrays.fill(row, fill);
                }
                accs.add(m);
            }
        }
        return accs;
    }

    /** Flattens doubles, arrays and matrices, in order. */
    static double[] flatten(List<?> values) {
        List<Double> out = new ArrayList<>();
        for (Object v : values) {
            if (v instanceof Double d) {
                out.add(d);
            } else if (isTangent(v)) {
                for (double e : tangentArray(v)) {
                    out.add(e);
                }
            } else if (v instanceof double[] a) {
                for (double e : a) {
                    out.add(e);
                }
            } else if (v instanceof double[][] m) {
                for (double[] row : m) {
                    for (double e : row) {
                        out.add(e);
                    }
                }
            } else {
                throw new IllegalArgumentException("cannot flatten " + v);
            }
        }
        double[] flat = new double[out.size()];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = out.get(i);
        }
        return flat;
    }

    /** The name of flattened component i: {@code y}, {@code x[2]} or {@code m[1][0]}. */
    String name(int i) {
        int k = 0;
        for (Param p : params) {
            int w = width(p);
            if (i < k + w) {
                int j = i - k;
                return switch (p.kind()) {
                    case SCALAR -> p.name();
                    case PAIR -> p.name() + (j == 0 ? ".first" : ".second");
                    case ARRAY -> p.name() + "[" + j + "]";
                    default -> p.name() + "[" + j / p.intValue() + "][" + j % p.intValue() + "]";
                };
            }
            k += w;
        }
        return "?";
    }

    /** A deep copy of argument objects (arrays and matrices copied). */
    static Object[] deepCopy(Object[] args) {
        Object[] c = args.clone();
        for (int i = 0; i < c.length; i++) {
            if (c[i] instanceof double[] a) {
                c[i] = a.clone();
            } else if (isTangent(c[i])) {
                double[] t = tangentArray(c[i]);
                try {
                    c[i] = c[i].getClass().getConstructor(double.class, double.class).newInstance(t[0], t[1]);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            } else if (c[i] instanceof double[][] m) {
                double[][] copy = new double[m.length][];
                for (int r = 0; r < m.length; r++) {
                    copy[r] = m[r].clone();
                }
                c[i] = copy;
            }
        }
        return c;
    }

    /** Whether two argument objects hold the same values. */
    static boolean same(Object a, Object b) {
        if (a instanceof double[] x && b instanceof double[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof double[][] x && b instanceof double[][] y) {
            return Arrays.deepEquals(x, y);
        }
        if (isTangent(a)) {
            return a.equals(b);
        }
        return true;
    }
}
