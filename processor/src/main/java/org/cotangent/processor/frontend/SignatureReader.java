package org.cotangent.processor.frontend;

import org.cotangent.processor.diag.Problem;
import org.cotangent.processor.diag.Reporter;
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
            reporter.error(Problem.UNSUPPORTED_METHOD, "generic method '" + name
                    + "' cannot be differentiated: remove its type parameters and use double, double[] or double[][]",
                    method);
            return Optional.empty();
        }
        if (method.getModifiers().contains(Modifier.ABSTRACT) || method.getModifiers().contains(Modifier.NATIVE)) {
            reporter.error(Problem.UNSUPPORTED_METHOD, "method '" + name
                    + "' has no body to differentiate: give it a body, or write its derivative with @CustomVjp",
                    method);
        }
        if (method.isVarArgs()) {
            reporter.error(Problem.UNSUPPORTED_METHOD, "varargs method '" + name
                    + "' is not supported: declare the last parameter as a plain double[]", method);
        }
        Optional<Type> returnType = TypeMapper.map(method.getReturnType());
        if (returnType.isEmpty() || !(returnType.get().isScalarDouble() || returnType.get().equals(Type.VOID)
                || returnType.get().equals(Type.DOUBLE_ARRAY))) {
            reporter.error(Problem.UNSUPPORTED_METHOD, "method '" + name + "' returns "
                    + method.getReturnType() + ": declare it to return double or double[], or void with output "
                    + "arrays", method);
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
                reporter.error(Problem.UNSUPPORTED_TYPE, "parameter '" + pname
                        + "' is a float: Cotangent differentiates double only; declare it double", p);
                continue;
            }
            if (type.isEmpty()) {
                reporter.error(Problem.UNSUPPORTED_TYPE, "parameter '" + pname + "' has type " + p.asType()
                        + ", which Cotangent cannot differentiate: use double, double[], double[][], int, long or boolean",
                        p);
                continue;
            }
            if (pname.equals("value")) {
                reporter.error(Problem.NAME_CLASH, "parameter 'value' clashes with the 'value' component of the "
                        + "generated gradient record: rename the parameter", p);
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
                    reporter.error(Problem.WRT_UNKNOWN, "wrt is empty, so nothing would be differentiated: name at "
                            + "least one parameter, or remove wrt to differentiate with respect to every double, "
                            + "double[] and double[][] parameter", method, annotation);
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
                reporter.error(Problem.WRT_UNKNOWN, "wrt names '" + r + "', which is not a parameter of '"
                        + method.getSimpleName() + "': use one of " + paramNames(params), method, annotation);
            } else if (!match.get().type().isFloating()) {
                reporter.error(Problem.WRT_NOT_FLOATING, "wrt names '" + r + "' of type " + match.get().type()
                        + ": only double, double[] and double[][] parameters have derivatives; remove it from wrt",
                        method, annotation);
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
