package org.cotangent.bench.table;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the ratio table: a subject at one size, the methods compared on it, and published
 * reference ratios (derivative time over objective time) measured elsewhere.
 *
 * @param id         a short key used on the command line, e.g. {@code rosenbrock-1000}
 * @param subject    the subject's name, e.g. {@code Rosenbrock}
 * @param instance   the size or data file, e.g. {@code n=1000}
 * @param methods    the methods, {@code primal} first
 * @param references published ratios by source, e.g. {@code "Manual C++" -> 2.08}
 */
public record Case(String id, String subject, String instance, List<Method> methods, Map<String, Double> references) {
    public Case {
        methods = List.copyOf(methods);
        references = Collections.unmodifiableMap(new LinkedHashMap<>(references));
        if (methods.isEmpty() || !methods.get(0).name().equals("primal")) {
            throw new IllegalArgumentException(id + ": the first method must be the primal");
        }
    }

    public Case(String id, String subject, String instance, List<Method> methods) {
        this(id, subject, instance, methods, Map.of());
    }

    public Method method(String name) {
        for (Method method : methods) {
            if (method.name().equals(name)) {
                return method;
            }
        }
        throw new IllegalArgumentException(id + " has no method " + name);
    }
}
