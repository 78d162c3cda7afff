package org.cotangent.processor;

import org.cotangent.processor.diag.Message;
import org.cotangent.processor.frontend.Reporter;
import org.cotangent.processor.frontend.CustomRules;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a {@code @CustomVjp} rule has exactly the signature Cotangent would generate for the
 * method it differentiates: the method's parameters (after the receiver, for an instance method),
 * {@code double seed} unless the method is void, then one accumulator per differentiated parameter.
 */
final class RuleChecker {
    private final Reporter reporter;
    private final Elements elements;
    private final String annotation;
    private final String simpleName;

    RuleChecker(Reporter reporter, Elements elements, String annotation) {
        this.reporter = reporter;
        this.elements = elements;
        this.annotation = annotation;
        this.simpleName = "@" + annotation.substring(annotation.lastIndexOf('.') + 1);
    }

    void check(ExecutableElement rule) {
        AnnotationMirror mirror = null;
        for (AnnotationMirror m : rule.getAnnotationMirrors()) {
            if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName()
                    .contentEquals(annotation)) {
                mirror = m;
            }
        }
        CustomRules.Target named = CustomRules.target(rule, mirror);
        String of = named.of();
        TypeElement in = named.in();
        if (!rule.getModifiers().contains(Modifier.STATIC)) {
            reporter.errorOnAnnotation(Message.RULE_NOT_STATIC, rule, mirror, simpleName, rule.getSimpleName());
            return;
        }
        List<ExecutableElement> targets = new ArrayList<>();
        for (Element e : in.getEnclosedElements()) {
            if (e.getKind() == ElementKind.METHOD && e.getSimpleName().contentEquals(of) && !e.equals(rule)) {
                targets.add((ExecutableElement) e);
            }
        }
        if (targets.size() != 1) {
            reporter.errorOnAnnotation(Message.RULE_TARGET, rule, mirror, simpleName, of,
                    targets.isEmpty() ? "no method" : "an overloaded method", in.getSimpleName());
            return;
        }
        ExecutableElement target = targets.get(0);
        List<String> expected = annotation.endsWith("Jvp") ? expectedJvpParameters(target)
                : expectedParameters(target);
        List<String> actual = new ArrayList<>();
        for (VariableElement p : rule.getParameters()) {
            actual.add(erasure(p.asType()));
        }
        String expectedReturn = erasure(target.getReturnType());
        if (annotation.endsWith("Jvp")) {
            expectedReturn = expectedReturn.equals("double") ? "org.cotangent.runtime.Dual"
                    : expectedReturn.equals("double[]") ? "org.cotangent.runtime.DualVector" : expectedReturn;
        }
        if (!expected.equals(actual) || !expectedReturn.equals(erasure(rule.getReturnType()))) {
            reporter.errorOnAnnotation(Message.RULE_SIGNATURE, rule, mirror, simpleName, rule.getSimpleName(), of,
                    erasure(rule.getReturnType()) + " " + actual, expectedReturn + " " + expected,
                    annotation.endsWith("Jvp") ? "parameters, then one tangent per double, double[] or double[][] "
                    + "parameter" : "parameters, then double seed unless void, then one accumulator per double, "
                    + "double[] or double[][] parameter");
        }
    }

    private List<String> expectedParameters(ExecutableElement target) {
        List<String> out = new ArrayList<>();
        if (!target.getModifiers().contains(Modifier.STATIC)) {
            out.add(((TypeElement) target.getEnclosingElement()).getQualifiedName().toString());
        }
        for (VariableElement p : target.getParameters()) {
            out.add(erasure(p.asType()));
        }
        if (target.getReturnType().getKind() != TypeKind.VOID) {
            out.add("double");
        }
        for (VariableElement p : target.getParameters()) {
            String t = erasure(p.asType());
            if (t.equals("double")) {
                out.add("double[]");
            } else if (t.equals("double[]") || t.equals("double[][]")) {
                out.add(t);
            }
        }
        return out;
    }

    private List<String> expectedJvpParameters(ExecutableElement target) {
        List<String> out = new ArrayList<>();
        if (!target.getModifiers().contains(Modifier.STATIC)) {
            out.add(((TypeElement) target.getEnclosingElement()).getQualifiedName().toString());
        }
        for (VariableElement p : target.getParameters()) {
            out.add(erasure(p.asType()));
        }
        for (VariableElement p : target.getParameters()) {
            String t = erasure(p.asType());
            if (t.equals("double") || t.equals("double[]") || t.equals("double[][]")) {
                out.add(t);
            }
        }
        return out;
    }

    private String erasure(TypeMirror t) {
        return t.toString();
    }
}
