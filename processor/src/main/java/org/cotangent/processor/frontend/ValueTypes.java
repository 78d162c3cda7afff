package org.cotangent.processor.frontend;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.ValueType;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which of the user's classes are value types (SPEC, "Value types"): a record, or a final
 * class whose instance fields are final, with components of supported types. Also reads how such a
 * type is built: the constructor must only assign its fields from its parameters.
 */
final class ValueTypes {
    private final Elements elements;
    private final Trees trees;
    private final PackageElement userPackage;
    private final Map<TypeElement, Optional<ValueType>> known = new HashMap<>();
    private final Map<TypeElement, String> whyNot = new HashMap<>();
    private final Set<TypeElement> visiting = new HashSet<>();

    ValueTypes(Elements elements, Trees trees, PackageElement userPackage) {
        this.elements = elements;
        this.trees = trees;
        this.userPackage = userPackage;
    }

    /** The value type that {@code mirror} is, or empty for any other type. */
    Optional<ValueType> of(TypeMirror mirror) {
        if (mirror.getKind() != TypeKind.DECLARED || !(((DeclaredType) mirror).asElement() instanceof TypeElement t)) {
            return Optional.empty();
        }
        return of(t);
    }

    /** Whether {@code mirror} is a record or a final class, the candidates for value types. */
    static boolean isCandidate(TypeMirror mirror) {
        if (mirror.getKind() != TypeKind.DECLARED || !(((DeclaredType) mirror).asElement() instanceof TypeElement t)) {
            return false;
        }
        return t.getKind() == ElementKind.RECORD
                || (t.getKind() == ElementKind.CLASS && t.getModifiers().contains(Modifier.FINAL)
                && !t.getQualifiedName().toString().startsWith("java."));
    }

    /** Why the record or final class of {@code mirror} is not a value type (after {@link #of} said so). */
    String whyNot(TypeMirror mirror) {
        TypeElement t = (TypeElement) ((DeclaredType) mirror).asElement();
        return whyNot.getOrDefault(t, "it is neither a record nor a final class with final fields");
    }

    Optional<ValueType> of(TypeElement type) {
        Optional<ValueType> cached = known.get(type);
        if (cached != null) {
            return cached;
        }
        if (!visiting.add(type)) {
            whyNot.put(type, "it contains itself");
            return Optional.empty();
        }
        Optional<ValueType> result = read(type);
        visiting.remove(type);
        known.put(type, result);
        return result;
    }

    private Optional<ValueType> read(TypeElement type) {
        boolean isRecord = type.getKind() == ElementKind.RECORD;
        if (!isRecord && !(type.getKind() == ElementKind.CLASS && type.getModifiers().contains(Modifier.FINAL))) {
            return Optional.empty();
        }
        String qualifiedName = type.getQualifiedName().toString();
        if (qualifiedName.startsWith("java.") || qualifiedName.startsWith("javax.")
                || qualifiedName.startsWith("org.cotangent.runtime.")) {
            return Optional.empty();
        }
        if (!type.getTypeParameters().isEmpty()) {
            return refuse(type, "it has type parameters");
        }
        if (type.getNestingKind() == javax.lang.model.element.NestingKind.LOCAL
                || type.getNestingKind() == javax.lang.model.element.NestingKind.ANONYMOUS
                || (type.getNestingKind() == javax.lang.model.element.NestingKind.MEMBER
                && !type.getModifiers().contains(Modifier.STATIC) && !isRecord)) {
            return refuse(type, "it is a local or inner class: make it a top-level or static nested class");
        }
        List<ValueType.Component> components = new ArrayList<>();
        if (isRecord) {
            for (RecordComponentElement c : type.getRecordComponents()) {
                Optional<ValueType.Component> component = component(type, c.getSimpleName().toString(), c.asType(),
                        c.getSimpleName() + "()");
                if (component.isEmpty()) {
                    return Optional.empty();
                }
                if (!plainAccessor(c)) {
                    return refuse(type, "its accessor " + c.getSimpleName() + "() does more than return the "
                            + "component");
                }
                components.add(component.get());
            }
        } else {
            for (VariableElement f : ElementFilter.fieldsIn(type.getEnclosedElements())) {
                if (f.getModifiers().contains(Modifier.STATIC)) {
                    continue;
                }
                String name = f.getSimpleName().toString();
                if (!f.getModifiers().contains(Modifier.FINAL)) {
                    return refuse(type, "its field '" + name + "' is not final");
                }
                String read = name;
                if (!readable(f, type)) {
                    String getter = getter(type, name);
                    if (getter == null) {
                        return refuse(type, "its field '" + name + "' is " + (f.getModifiers().contains(Modifier.PRIVATE)
                                ? "private" : "not public") + " and has no getter that only returns it, and generated "
                                + "code must read it: add one (double get" + Character.toUpperCase(name.charAt(0))
                                + name.substring(1) + "() { return " + name + "; }), or make the class a record");
                    }
                    read = getter + "()";
                }
                Optional<ValueType.Component> component = component(type, name, f.asType(), read);
                if (component.isEmpty()) {
                    return Optional.empty();
                }
                components.add(component.get());
            }
        }
        if (components.isEmpty()) {
            return refuse(type, "it has no components");
        }
        PackageElement pkg = elements.getPackageOf(type);
        String pkgName = pkg.getQualifiedName().toString();
        String qualified = type.getQualifiedName().toString();
        String nested = pkgName.isEmpty() ? qualified : qualified.substring(pkgName.length() + 1);
        String javaName = TypeMapper.ownerName(elements, userPackage, type);
        ValueType shape = new ValueType(javaName, pkgName, nested.replace('.', '_'), components, List.of());
        List<Integer> construction = List.of();
        for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            Optional<int[]> map = componentOfParameter(c, shape);
            if (map.isPresent() && !c.getModifiers().contains(Modifier.PRIVATE)) {
                construction = java.util.Arrays.stream(map.get()).boxed().toList();
                break;
            }
        }
        return Optional.of(new ValueType(javaName, pkgName, nested.replace('.', '_'), components, construction));
    }

    private Optional<ValueType.Component> component(TypeElement owner, String name, TypeMirror mirror, String read) {
        if (TypeMapper.isFloat(mirror)) {
            return refuse(owner, "its component '" + name + "' is a float (use double)");
        }
        if (mirror.getKind() == TypeKind.DECLARED) {
            TypeElement t = (TypeElement) ((DeclaredType) mirror).asElement();
            if (t.getQualifiedName().contentEquals("java.lang.String") || t.getKind() == ElementKind.ENUM) {
                return Optional.of(new ValueType.Component(name, Type.named(TypeMapper.ownerName(elements,
                        userPackage, t)), null, read));
            }
            Optional<ValueType> nested = of(t);
            if (nested.isEmpty()) {
                return refuse(owner, "its component '" + name + "' has type " + mirror + ", which is not a value type"
                        + (whyNot.containsKey(t) ? " (" + whyNot.get(t) + ")" : ""));
            }
            return Optional.of(new ValueType.Component(name, null, nested.get(), read));
        }
        Optional<Type> type = TypeMapper.map(mirror);
        if (type.isEmpty() || type.get().base() == Type.Base.OTHER || type.get().base() == Type.Base.VOID
                || (type.get().base() != Type.Base.DOUBLE && type.get().base() != Type.Base.INT
                && type.get().rank() > 0) || (type.get().base() == Type.Base.INT && type.get().rank() > 1)) {
            return refuse(owner, "its component '" + name + "' has type " + mirror + ", which Cotangent cannot "
                    + "differentiate (use double, double[], double[][], int, int[], long, boolean, String, an enum "
                    + "or another value type)");
        }
        return Optional.of(new ValueType.Component(name, type.get(), null, read));
    }

    /** Whether generated code (in the user's package, and the tangent class beside the type) can read {@code member}. */
    private boolean readable(Element member, TypeElement type) {
        if (member.getModifiers().contains(Modifier.PRIVATE)) {
            return false;
        }
        return member.getModifiers().contains(Modifier.PUBLIC) || elements.getPackageOf(type).equals(userPackage);
    }

    /** The name of a readable getter of {@code type} whose body only returns field {@code field}, or null. */
    private String getter(TypeElement type, String field) {
        for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (!m.getParameters().isEmpty() || m.getModifiers().contains(Modifier.STATIC) || !readable(m, type)) {
                continue;
            }
            MethodTree tree = trees.getTree(m);
            if (tree != null && tree.getBody() != null && tree.getBody().getStatements().size() == 1
                    && tree.getBody().getStatements().get(0) instanceof ReturnTree r && r.getExpression() != null
                    && namesField(r.getExpression(), field)) {
                return m.getSimpleName().toString();
            }
        }
        return null;
    }

    private <T> Optional<T> refuse(TypeElement type, String why) {
        whyNot.put(type, why);
        return Optional.empty();
    }

    /** A record's accessor is plain when javac wrote it, or its body only returns the field. */
    private boolean plainAccessor(RecordComponentElement c) {
        ExecutableElement accessor = c.getAccessor();
        MethodTree tree = accessor == null ? null : trees.getTree(accessor);
        if (tree == null || tree.getBody() == null) {
            return true; // javac's own accessor, or one compiled already whose body cannot be seen
        }
        List<? extends StatementTree> body = tree.getBody().getStatements();
        return body.size() == 1 && body.get(0) instanceof ReturnTree r && r.getExpression() != null
                && namesField(r.getExpression(), c.getSimpleName().toString());
    }

    /**
     * For each parameter of {@code constructor}, the index of the component it is assigned to, or
     * empty if the constructor does anything but assign each component from a parameter.
     */
    Optional<int[]> componentOfParameter(ExecutableElement constructor, ValueType type) {
        int n = constructor.getParameters().size();
        TypeElement owner = (TypeElement) constructor.getEnclosingElement();
        if (owner.getKind() == ElementKind.RECORD && (elements.getOrigin(constructor) == Elements.Origin.MANDATED
                || isCompactWithoutBody(constructor))) {
            int[] identity = new int[n];
            for (int i = 0; i < n; i++) {
                identity[i] = i;
            }
            return n == type.components().size() ? Optional.of(identity) : Optional.empty();
        }
        MethodTree tree = trees.getTree(constructor);
        if (tree == null || tree.getBody() == null) {
            return Optional.empty();
        }
        int[] map = new int[n];
        java.util.Arrays.fill(map, -1);
        boolean[] assigned = new boolean[type.components().size()];
        for (StatementTree s : tree.getBody().getStatements()) {
            if (s instanceof ExpressionStatementTree e && e.getExpression() instanceof com.sun.source.tree.MethodInvocationTree m
                    && m.getMethodSelect() instanceof IdentifierTree id && id.getName().contentEquals("super")
                    && m.getArguments().isEmpty()) {
                continue;
            }
            if (!(s instanceof ExpressionStatementTree e) || !(e.getExpression() instanceof AssignmentTree a)
                    || !(a.getExpression() instanceof IdentifierTree value)) {
                return Optional.empty();
            }
            int component = componentNamed(type, fieldName(a.getVariable()));
            int param = parameterNamed(constructor, value.getName().toString());
            if (component < 0 || param < 0 || assigned[component] || map[param] >= 0) {
                return Optional.empty();
            }
            assigned[component] = true;
            map[param] = component;
        }
        for (boolean a : assigned) {
            if (!a) {
                return Optional.empty();
            }
        }
        for (int m : map) {
            if (m < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(map);
    }

    private boolean isCompactWithoutBody(ExecutableElement constructor) {
        MethodTree tree = trees.getTree(constructor);
        return tree != null && tree.getBody() != null && tree.getBody().getStatements().isEmpty();
    }

    private static String fieldName(Tree target) {
        if (target instanceof IdentifierTree id) {
            return id.getName().toString();
        }
        if (target instanceof MemberSelectTree m && m.getExpression() instanceof IdentifierTree id
                && id.getName().contentEquals("this")) {
            return m.getIdentifier().toString();
        }
        return null;
    }

    private static boolean namesField(Tree e, String field) {
        String name = fieldName(e);
        return name != null && name.equals(field);
    }

    private static int componentNamed(ValueType type, String name) {
        for (int i = 0; i < type.components().size(); i++) {
            if (type.components().get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static int parameterNamed(ExecutableElement method, String name) {
        for (int i = 0; i < method.getParameters().size(); i++) {
            if (method.getParameters().get(i).getSimpleName().contentEquals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The index of the component of {@code type} that {@code element} reads: a record's accessor, a
     * field, or a getter whose body only returns a field ({@code double getX() { return x; }}); else -1.
     */
    int component(ValueType type, Element element) {
        String name = element.getSimpleName().toString();
        if (element.getKind() == ElementKind.FIELD) {
            return componentNamed(type, name);
        }
        if (!(element instanceof ExecutableElement m) || !m.getParameters().isEmpty()
                || m.getModifiers().contains(Modifier.STATIC)) {
            return -1;
        }
        int named = componentNamed(type, name);
        if (named >= 0 && type.components().get(named).read().equals(name + "()")) {
            return named;
        }
        MethodTree tree = trees.getTree(m);
        if (tree == null || tree.getBody() == null || tree.getBody().getStatements().size() != 1
                || !(tree.getBody().getStatements().get(0) instanceof ReturnTree r) || r.getExpression() == null) {
            return -1;
        }
        String field = fieldName(r.getExpression());
        return field == null ? -1 : componentNamed(type, field);
    }
}
