package org.cotangent.processor;

import org.cotangent.processor.diag.Message;
import org.cotangent.processor.emit.ClassEmitter;
import org.cotangent.processor.frontend.Reporter;
import org.cotangent.processor.frontend.Sources;
import org.cotangent.processor.naming.Names;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The derivatives classes of one compilation: what each is called, and which would clash with
 * another or with a class of the user's (those are reported, and none of them generated).
 */
final class DerivativesClasses {
    private final Elements elements;
    private final Sources sources;
    private final Reporter reporter;
    /** Each derivatives class generated (or about to be) in this compilation, with the class it is for. */
    private final Map<String, TypeElement> generatedFor = new HashMap<>();
    /** The tangent classes of value types generated in this compilation. */
    private final Set<String> tangents = new HashSet<>();

    DerivativesClasses(Elements elements, Sources sources, Reporter reporter) {
        this.elements = elements;
        this.sources = sources;
        this.reporter = reporter;
    }

    /**
     * Whether the tangent class {@code qualified} is still to be written: not yet written in this
     * compilation, and not on the class path already (from an earlier build of a library).
     */
    boolean claimTangent(String qualified) {
        if (tangents.contains(qualified)) {
            return false;
        }
        tangents.add(qualified);
        return elements.getTypeElement(qualified) == null;
    }

    /** The simple names of the top-level types of {@code owner}'s package that this compilation sees. */
    Set<String> packageTypes(TypeElement owner) {
        Set<String> out = new HashSet<>();
        for (Element e : elements.getPackageOf(owner).getEnclosedElements()) {
            out.add(e.getSimpleName().toString());
        }
        return out;
    }

    String nestedName(TypeElement owner) {
        String pkg = elements.getPackageOf(owner).getQualifiedName().toString();
        return owner.getQualifiedName().toString().substring(pkg.isEmpty() ? 0 : pkg.length() + 1);
    }

    /** The qualified name of the derivatives class of {@code owner}. */
    String derivativesOf(TypeElement owner) {
        String pkg = elements.getPackageOf(owner).getQualifiedName().toString();
        String simpleName = Names.derivativesClass(nestedName(owner));
        return pkg.isEmpty() ? simpleName : pkg + "." + simpleName;
    }

    /**
     * The classes whose derivatives class would have the name of another's ({@code Foo.A} and
     * {@code Foo_A} both give {@code Foo_ADerivatives}) or of a class of the user's: each is
     * reported, and none of them generated, since callers of either would reach the wrong one.
     */
    Set<TypeElement> clashingOwners(Set<TypeElement> owners) {
        Map<String, List<TypeElement>> byName = new LinkedHashMap<>();
        for (TypeElement owner : owners) {
            byName.computeIfAbsent(derivativesOf(owner), k -> new ArrayList<>()).add(owner);
        }
        Set<TypeElement> clashing = new HashSet<>();
        for (Map.Entry<String, List<TypeElement>> e : byName.entrySet()) {
            List<TypeElement> all = new ArrayList<>(e.getValue());
            TypeElement earlier = generatedFor.get(e.getKey());
            if (earlier != null && !all.contains(earlier)) {
                all.add(0, earlier);
            }
            TypeElement user = elements.getTypeElement(e.getKey());
            boolean userClass = user != null && sources.hasSource(user) && !isGenerated(user);
            if (all.size() == 1 && !userClass) {
                generatedFor.put(e.getKey(), all.get(0));
                continue;
            }
            String simple = e.getKey().substring(e.getKey().lastIndexOf('.') + 1);
            for (TypeElement owner : e.getValue()) {
                clashing.add(owner);
                if (userClass) {
                    reporter.error(Message.DERIVATIVES_CLASS_TAKEN, owner, nestedName(owner), simple);
                } else {
                    String others = all.stream().filter(o -> o != owner).map(o -> "'" + nestedName(o) + "'")
                            .collect(java.util.stream.Collectors.joining(" and "));
                    reporter.error(Message.DERIVATIVES_CLASS_SHARED, owner, nestedName(owner), simple, others);
                }
            }
        }
        return clashing;
    }

    private static boolean isGenerated(TypeElement type) {
        for (AnnotationMirror m : type.getAnnotationMirrors()) {
            if (m.getAnnotationType().toString().equals("javax.annotation.processing.Generated")) {
                return m.getElementValues().values().stream()
                        .anyMatch(v -> String.valueOf(v.getValue()).equals(ClassEmitter.GENERATOR));
            }
        }
        return false;
    }
}
