package org.cotangent.explorer;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Where the user's file finds {@code org.cotangent.Differentiable} and the runtime that generated code
 * calls: wherever this tool loaded them from. In the runnable jar that is the jar itself; in the
 * build, the annotation and runtime modules' class folders or jars.
 */
final class ToolClassPath {
    private ToolClassPath() {
    }

    /** The class path entries holding the annotations and the runtime, without duplicates. */
    static List<Path> cotangentEntries() {
        Set<Path> entries = new LinkedHashSet<>();
        entries.add(locationOf(org.cotangent.Differentiable.class));
        entries.add(locationOf(org.cotangent.runtime.Dual.class));
        return new ArrayList<>(entries);
    }

    private static Path locationOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from");
        }
        try {
            return Path.of(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read the location of " + type.getName() + ": " + e.getMessage());
        }
    }
}
