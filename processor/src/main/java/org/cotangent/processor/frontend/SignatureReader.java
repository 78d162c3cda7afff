package org.cotangent.processor.frontend;

import org.cotangent.processor.diag.Message;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.ValueParam;
import org.cotangent.processor.ir.ValueType;
import org.cotangent.processor.ir.Var;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and checks a {@code @Differentiable} method's signature and its {@code wrt} element. */
final class SignatureReader {
    private final Reporter reporter;
    private final java.util.function.Function<TypeElement, String> ownerName;
    private final ValueTypes valueTypes;

    SignatureReader(Reporter reporter, java.util.function.Function<TypeElement, String> ownerName,
                    ValueTypes valueTypes) {
        this.reporter = reporter;
        this.ownerName = ownerName;
        this.valueTypes = valueTypes;
    }

    Optional<Signature> read(ExecutableElement method, AnnotationMirror annotation) {
        int errorsBefore = reporter.errorCount();
        String name = method.getSimpleName().toString();
        if (!method.getTypeParameters().isEmpty()) {
            reporter.error(Message.GENERIC_METHOD, method, name);
            return Optional.empty();
        }
        if (method.getModifiers().contains(Modifier.ABSTRACT) || method.getModifiers().contains(Modifier.NATIVE)) {
            reporter.error(Message.NO_BODY, method, name);
        }
        if (method.isVarArgs()) {
            reporter.error(Message.VARARGS_METHOD, method, name);
        }
        Optional<Type> returnType = TypeMapper.map(method.getReturnType());
        Optional<ValueType> valueReturn = valueTypes.of(method.getReturnType());
        if (valueReturn.isPresent()) {
            String why = valueReturn.get().leaves().stream().allMatch(l -> l.type().isFloating() && l.type().rank() <= 1)
                    ? (valueReturn.get().construction().isEmpty() ? "it has no constructor that only assigns its fields"
                    : null) : "not all its components are double or double[] (or value types of them)";
            if (why != null) {
                reporter.error(Message.VALUE_RETURN, method, name, method.getReturnType(), why);
            }
            returnType = Optional.of(Type.DOUBLE_ARRAY);
        } else if (returnType.isEmpty() || !(returnType.get().isScalarDouble() || returnType.get().equals(Type.VOID)
                || returnType.get().equals(Type.DOUBLE_ARRAY))) {
            reporter.error(Message.RETURN_TYPE, method, name, method.getReturnType());
        }
        List<String> requested = requestedWrt(method, annotation);
        List<Var> params = new ArrayList<>();
        Var self = null;
        ValueParam valueSelf = null;
        java.util.Set<String> taken = new java.util.HashSet<>();
        method.getParameters().forEach(p -> taken.add(p.getSimpleName().toString()));
        List<ValueParam> valueParams = new ArrayList<>();
        Map<VariableElement, ValueParam> valueByElement = new LinkedHashMap<>();
        if (!method.getModifiers().contains(Modifier.STATIC)) {
            TypeElement ownerType = (TypeElement) method.getEnclosingElement();
            String owner = ownerName.apply(ownerType);
            boolean clash = method.getParameters().stream().anyMatch(p -> p.getSimpleName().contentEquals("self"));
            String selfName = clash ? "self_" : "self";
            Optional<ValueType> selfType = valueTypes.of(ownerType);
            if (selfType.isPresent() && (ownerType.getKind() == javax.lang.model.element.ElementKind.RECORD
                    || requested.contains(selfName))) {
                valueSelf = valueParam(selfName, selfType.get(), taken, params);
                valueParams.add(valueSelf);
            } else {
                self = new Var(selfName, Type.named(owner));
                params.add(self);
            }
        }
        Map<VariableElement, Var> byElement = new LinkedHashMap<>();
        for (VariableElement p : method.getParameters()) {
            String pname = p.getSimpleName().toString();
            Optional<ValueType> valueType = valueTypes.of(p.asType());
            if (valueType.isPresent() && (isRecord(p) || requested.contains(pname))) {
                ValueParam vp = valueParam(pname, valueType.get(), taken, params);
                valueParams.add(vp);
                valueByElement.put(p, vp);
                continue;
            }
            if (ValueTypes.isCandidate(p.asType()) && valueType.isEmpty() && requested.contains(pname)) {
                reporter.error(Message.NOT_VALUE_TYPE, p, "parameter '" + pname + "'", p.asType(),
                        valueTypes.whyNot(p.asType()));
                continue;
            }
            Optional<Type> type = TypeMapper.map(p.asType());
            if (TypeMapper.isFloat(p.asType())) {
                reporter.error(Message.FLOAT_PARAMETER, p, pname);
                continue;
            }
            if (type.isEmpty()) {
                reporter.error(Message.PARAMETER_TYPE, p, pname, p.asType());
                continue;
            }
            Var var = new Var(pname, type.get().base() == Type.Base.OTHER
                    ? new Type(Type.Base.OTHER, type.get().rank(), p.asType().toString()) : type.get());
            params.add(var);
            byElement.put(p, var);
        }
        List<Var> wrt = new ArrayList<>();
        for (int k = 0; k < valueParams.size(); k++) {
            ValueParam vp = valueParams.get(k);
            boolean isWrt = vp.type().isActive() && (requested.isEmpty() || requested.contains(vp.name()));
            ValueParam marked = new ValueParam(vp.name(), vp.type(), vp.leaves(), isWrt);
            valueParams.set(k, marked);
            if (vp == valueSelf) {
                valueSelf = marked;
            }
            valueByElement.replaceAll((e, v) -> v == vp ? marked : v);
        }
        List<Var> plainWrt = wrt(method, annotation, byElement, requested, valueParams);
        for (Var p : params) {
            ValueParam owner = valueParams.stream().filter(v -> v.leaves().contains(p)).findFirst().orElse(null);
            if (owner != null ? owner.wrt() && p.type().isFloating() : plainWrt.contains(p)) {
                wrt.add(p);
            }
        }
        if (reporter.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new Signature(params, wrt, returnType.get(), byElement, self, valueParams, valueByElement,
                valueSelf, valueReturn.orElse(null)));
    }

    /**
     * Records are value types wherever they appear. A final class is one only where {@code wrt}
     * names it: outside {@code wrt}, an object of a final class is read as constants, as before
     * value types (a model whose fields hold fixed weights).
     */
    private static boolean isRecord(VariableElement p) {
        return p.asType() instanceof javax.lang.model.type.DeclaredType d
                && d.asElement().getKind() == javax.lang.model.element.ElementKind.RECORD;
    }

    /** A value parameter: one parameter per leaf in its place, named after it ({@code p_w}, {@code p_b}). */
    private static ValueParam valueParam(String name, ValueType type, java.util.Set<String> taken, List<Var> params) {
        List<Var> leaves = new ArrayList<>();
        for (ValueType.Leaf leaf : type.leaves()) {
            String base = name + "_" + leaf.stem();
            String leafName = base;
            for (int n = 1; taken.contains(leafName); n++) {
                leafName = base + "_" + n;
            }
            taken.add(leafName);
            Var var = new Var(leafName, leaf.type());
            leaves.add(var);
            params.add(var);
        }
        return new ValueParam(name, type, leaves, false);
    }

    private List<String> requestedWrt(ExecutableElement method, AnnotationMirror annotation) {
        List<String> requested = new ArrayList<>();
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
                : annotation.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals("wrt") && e.getValue().getValue() instanceof List<?> values) {
                for (Object v : values) {
                    requested.add(String.valueOf(((AnnotationValue) v).getValue()));
                }
                if (values.isEmpty()) {
                    reporter.errorOnAnnotation(Message.WRT_EMPTY, method, annotation);
                }
            }
        }
        return requested;
    }

    private List<Var> wrt(ExecutableElement method, AnnotationMirror annotation, Map<VariableElement, Var> params,
                          List<String> requested, List<ValueParam> valueParams) {
        List<Var> wrt = new ArrayList<>();
        if (requested.isEmpty()) {
            for (Var v : params.values()) {
                if (v.type().isFloating()) {
                    wrt.add(v);
                }
            }
            return wrt;
        }
        for (String r : requested) {
            Optional<Var> match = params.values().stream().filter(v -> v.name().equals(r)).findFirst();
            Optional<ValueParam> value = valueParams.stream().filter(v -> v.name().equals(r)).findFirst();
            if (value.isPresent()) {
                if (!value.get().type().isActive()) {
                    reporter.errorOnAnnotation(Message.WRT_NOT_FLOATING, method, annotation, r,
                            value.get().type().javaName());
                }
            } else if (match.isEmpty() && method.getParameters().stream().anyMatch(p -> p.getSimpleName().contentEquals(r))) {
                continue; // a parameter whose type was reported already
            } else if (match.isEmpty()) {
                reporter.errorOnAnnotation(Message.WRT_NOT_A_PARAMETER, method, annotation, r, method.getSimpleName(),
                        paramNames(params));
            } else if (!match.get().type().isFloating()) {
                reporter.errorOnAnnotation(Message.WRT_NOT_FLOATING, method, annotation, r, match.get().type());
            }
        }
        for (Var v : params.values()) {
            if (requested.contains(v.name()) && v.type().isFloating()) {
                wrt.add(v);
            }
        }
        return wrt;
    }

    private static String paramNames(Map<VariableElement, Var> params) {
        List<String> names = new ArrayList<>();
        for (Var v : params.values()) {
            names.add(v.name());
        }
        return names.toString();
    }
}
