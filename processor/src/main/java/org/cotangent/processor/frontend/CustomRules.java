package org.cotangent.processor.frontend;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The user-written rules of one kind ({@code @CustomVjp} or {@code @CustomJvp}) known to this
 * compilation: those in the sources being compiled, and those in the class of a called method
 * (which may come from a jar).
 */
public final class CustomRules {
    public static final String CUSTOM_VJP = "org.cotangent.CustomVjp";
    public static final String CUSTOM_JVP = "org.cotangent.CustomJvp";

    private final Map<String, ExecutableElement> rules = new HashMap<>();
    private final String annotationName;

    /** Rules of {@code @CustomVjp}. */
    public CustomRules() {
        this(CUSTOM_VJP);
    }

    /** Rules of the annotation with this qualified name. */
    public CustomRules(String annotationName) {
        this.annotationName = annotationName;
    }

    /** Registers {@code rule}, annotated {@code @CustomVjp}; returns the key of the method it differentiates. */
    public String register(ExecutableElement rule) {
        String key = key(rule);
        rules.put(key, rule);
        return key;
    }

    /** The rule for {@code method}, from this compilation or from its own class. */
    public Optional<ExecutableElement> ruleFor(ExecutableElement method) {
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        String key = owner.getQualifiedName() + "#" + method.getSimpleName();
        ExecutableElement rule = rules.get(key);
        if (rule == null) {
            for (Element e : owner.getEnclosedElements()) {
                if (e.getKind() == ElementKind.METHOD && annotation(e).isPresent()
                        && key(e).equals(key)) {
                    rule = (ExecutableElement) e;
                }
            }
        }
        return Optional.ofNullable(rule);
    }

    /**
     * What a rule's annotation names: the method {@code of}, in class {@code in} (the rule's own
     * class unless {@code in = X.class} says otherwise).
     */
    public record Target(String of, TypeElement in) {
        String key() {
            return in.getQualifiedName() + "#" + of;
        }
    }

    /** The target named by {@code mirror}, an annotation on {@code rule}. */
    public static Target target(Element rule, AnnotationMirror mirror) {
        String of = "";
        TypeElement in = (TypeElement) rule.getEnclosingElement();
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
                : mirror.getElementValues().entrySet()) {
            String name = e.getKey().getSimpleName().toString();
            if (name.equals("of")) {
                of = String.valueOf(e.getValue().getValue());
            } else if (name.equals("in") && e.getValue().getValue() instanceof TypeMirror t
                    && t.getKind() == TypeKind.DECLARED) {
                in = (TypeElement) ((DeclaredType) t).asElement();
            }
        }
        return new Target(of, in);
    }

    /** {@code owner#name} of the method that {@code rule} differentiates. */
    String key(Element rule) {
        return target(rule, annotation(rule).orElseThrow()).key();
    }

    /** This kind's annotation on {@code e}, if any. */
    public Optional<AnnotationMirror> annotation(Element e) {
        for (AnnotationMirror m : e.getAnnotationMirrors()) {
            if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(annotationName)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
