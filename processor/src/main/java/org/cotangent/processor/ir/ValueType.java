package org.cotangent.processor.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * A value type of the user's: a record, or a final class whose instance fields are final, with
 * components of supported types. Differentiated code never holds one as an object: the front end
 * splits each value-type variable into one variable per leaf component ({@link #leaves()}), and only
 * the public boundary of a generated method sees the object and its tangent class.
 *
 * @param javaName the type as written in generated code ({@code Params}, {@code p.Outer.Params})
 * @param packageName its package, empty for the unnamed package
 * @param flatName its nested name with {@code _} for {@code .} ({@code Outer_Params}): the stem of the
 *     tangent class's name
 * @param components its components in declaration order
 * @param construction for each parameter of a constructor that only assigns the components, the
 *     index of the component it assigns (a record's canonical constructor: 0, 1, ...); empty if the
 *     type has no such constructor
 */
public record ValueType(String javaName, String packageName, String flatName, List<Component> components,
                        List<Integer> construction) {
    public ValueType {
        components = List.copyOf(components);
        construction = List.copyOf(construction);
    }

    /**
     * A component: a leaf of a supported type, or a nested value type.
     *
     * @param name the component's (field's) name
     * @param type the leaf's type, or null for a nested value type
     * @param nested the nested value type, or null for a leaf
     * @param read how generated code reads it from an object: {@code w()} for a record's accessor,
     *     {@code w} for a field
     */
    public record Component(String name, Type type, ValueType nested, String read) {
        /** Whether this component carries derivatives (a floating leaf, or a nested type that has one). */
        public boolean isActive() {
            return nested != null ? nested.isActive() : type.isFloating();
        }
    }

    /** The tangent class's simple name: {@code ParamsTangent}, {@code Outer_ParamsTangent}. */
    public String tangentName() {
        return flatName + "Tangent";
    }

    /** The tangent class as written in generated code (qualified where {@code T} is). */
    public String tangentJavaName() {
        int dot = javaName.startsWith(packageName + ".") && !packageName.isEmpty() ? packageName.length() + 1 : 0;
        return dot == 0 ? tangentName() : packageName + "." + tangentName();
    }

    /** Whether any leaf is an array. */
    public boolean hasArrayLeaves() {
        return leaves().stream().anyMatch(l -> l.type().rank() > 0);
    }

    /** Whether any leaf carries derivatives. */
    public boolean isActive() {
        return components.stream().anyMatch(Component::isActive);
    }

    /** The active components: the fields of the tangent class. */
    public List<Component> activeComponents() {
        return components.stream().filter(Component::isActive).toList();
    }

    /**
     * {@code new T(...)} from one expression per leaf (in {@link #leaves()} order), nested types
     * built inside out, arguments in the order of the constructor that only assigns the components;
     * or, for {@code tangent}, {@code new TTangent(...)} over the active components in declaration
     * order (the expressions of inactive leaves are then ignored and may be null).
     */
    public Expr construct(List<Expr> leafValues, boolean tangent) {
        return construct(leafValues, new int[] {0}, tangent);
    }

    private Expr construct(List<Expr> leafValues, int[] at, boolean tangent) {
        List<Expr> byComponent = new ArrayList<>();
        for (Component c : components) {
            if (c.nested() != null) {
                byComponent.add(c.nested().construct(leafValues, at, tangent));
            } else {
                byComponent.add(leafValues.get(at[0]++));
            }
        }
        List<Expr> args = new ArrayList<>();
        if (tangent) {
            for (int i = 0; i < components.size(); i++) {
                if (components.get(i).isActive()) {
                    args.add(byComponent.get(i));
                }
            }
        } else {
            construction.forEach(i -> args.add(byComponent.get(i)));
        }
        String name = tangent ? tangentJavaName() : javaName;
        return new Expr.Construct(name, args, Type.named(name));
    }

    /** Every leaf, depth first in declaration order, with the components that lead to it. */
    public List<Leaf> leaves() {
        List<Leaf> out = new ArrayList<>();
        collect(this, new ArrayList<>(), out);
        return out;
    }

    private static void collect(ValueType type, List<Component> prefix, List<Leaf> out) {
        for (Component c : type.components) {
            List<Component> path = new ArrayList<>(prefix);
            path.add(c);
            if (c.nested() != null) {
                collect(c.nested(), path, out);
            } else {
                out.add(new Leaf(path));
            }
        }
    }

    /**
     * A leaf component reached through {@code path} (outermost first).
     */
    public record Leaf(List<Component> path) {
        public Leaf {
            path = List.copyOf(path);
        }

        public Type type() {
            return path.get(path.size() - 1).type();
        }

        /**
         * The read of this leaf from {@code object}: through the type's accessors or fields
         * ({@code p.inner().w()}), or through the tangent class's fields ({@code p_adj.inner.w}).
         */
        public Expr readFrom(Expr object, boolean tangent) {
            Expr at = object;
            for (Component c : path) {
                Type type = c.nested() == null ? c.type() : Type.named(c.nested().javaName());
                at = new Expr.InstanceField(at, tangent ? c.name() : c.read(), type);
            }
            return at;
        }

        /** The names along the path joined by {@code _}: the stem of the leaf's variable name. */
        public String stem() {
            return String.join("_", path.stream().map(Component::name).toList());
        }
    }
}
