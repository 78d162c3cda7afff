package org.cotangent.processor.frontend;

import org.cotangent.processor.diag.Message;
import org.cotangent.processor.ir.Type;
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

    SignatureReader(Reporter reporter, java.util.function.Function<TypeElement, String> ownerName) {
        this.reporter = reporter;
        this.ownerName = ownerName;
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
        if (returnType.isEmpty() || !(returnType.get().isScalarDouble() || returnType.get().equals(Type.VOID)
                || returnType.get().equals(Type.DOUBLE_ARRAY))) {
            reporter.error(Message.RETURN_TYPE, method, name, method.getReturnType());
        }
        List<Var> params = new ArrayList<>();
        Var self = null;
        if (!method.getModifiers().contains(Modifier.STATIC)) {
            String owner = ownerName.apply((TypeElement) method.getEnclosingElement());
            boolean clash = method.getParameters().stream().anyMatch(p -> p.getSimpleName().contentEquals("self"));
            self = new Var(clash ? "self_" : "self", Type.named(owner));
            params.add(self);
        }
        Map<VariableElement, Var> byElement = new LinkedHashMap<>();
        for (VariableElement p : method.getParameters()) {
            String pname = p.getSimpleName().toString();
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
        List<Var> wrt = wrt(method, annotation, byElement);
        if (reporter.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new Signature(params, wrt, returnType.get(), byElement, self));
    }

    private List<Var> wrt(ExecutableElement method, AnnotationMirror annotation, Map<VariableElement, Var> params) {
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
            if (match.isEmpty()) {
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
