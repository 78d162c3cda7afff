package org.cotangent.bench.table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Every case of the ratio table, in table order. Cases are built lazily (some read data files or
 * allocate large inputs) and once per JVM.
 */
public final class Catalog {
    private static final Map<String, Supplier<Case>> FACTORIES = new LinkedHashMap<>();
    private static final Map<String, Case> BUILT = new ConcurrentHashMap<>();

    static {
        SubjectCases.register();
    }

    private Catalog() {
    }

    /** Adds a case under {@code id}; subjects call this from their {@code register()} methods. */
    public static void add(String id, Supplier<Case> factory) {
        if (FACTORIES.putIfAbsent(id, factory) != null) {
            throw new IllegalStateException("duplicate case " + id);
        }
    }

    /** The ids of all cases whose id matches {@code filter} anywhere, in table order. */
    public static List<String> ids(String filter) {
        Pattern pattern = Pattern.compile(filter);
        List<String> ids = new ArrayList<>();
        for (String id : FACTORIES.keySet()) {
            if (pattern.matcher(id).find()) {
                ids.add(id);
            }
        }
        return ids;
    }

    public static Case get(String id) {
        Supplier<Case> factory = FACTORIES.get(id);
        if (factory == null) {
            throw new IllegalArgumentException("no case " + id + "; known: " + FACTORIES.keySet());
        }
        return BUILT.computeIfAbsent(id, key -> {
            Case built = factory.get();
            if (!built.id().equals(id)) {
                throw new IllegalStateException("case registered as " + id + " calls itself " + built.id());
            }
            return built;
        });
    }
}
