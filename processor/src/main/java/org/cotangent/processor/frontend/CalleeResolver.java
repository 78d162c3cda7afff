package org.cotangent.processor.frontend;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import org.cotangent.processor.ir.Callee;
import org.cotangent.processor.ir.Type;
import org.cotangent.processor.naming.Names;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a called method has a derivative, and describes how generated code reaches it:
 * a {@code @Differentiable} method's generated pullback, or a user's {@code @CustomVjp} rule (which
 * wins when both exist).
 */
final class CalleeResolver {
    static final String DIFFERENTIABLE = "org.cotangent.Differentiable";

    private final Elements elements;
    private final PackageElement userPackage;
    private final Trees trees;
    private final CustomRules rules;
    private final CustomRules jvpRules;

    /** Whether the user wrote a rule ({@code @CustomVjp} or {@code @CustomJvp}) for {@code method}. */
    boolean hasUserRule(ExecutableElement method) {
        return rules.ruleFor(method).isPresent() || jvpRules.ruleFor(method).isPresent();
    }
    private final java.util.Map<ExecutableElement, java.util.Set<String>> writesCache = new java.util.HashMap<>();
    private final java.util.Set<ExecutableElement> inProgress = new java.util.HashSet<>();
    private final java.util.Map<ExecutableElement, Boolean> forwardMemo = new java.util.HashMap<>();
    private final java.util.Map<ExecutableElement, Boolean> secondOrderMemo = new java.util.HashMap<>();

    private final Attribution attribution;

    CalleeResolver(Elements elements, PackageElement userPackage, Trees trees, Attribution attribution,
                   CustomRules rules, CustomRules jvpRules) {
        this.attribution = attribution;
        this.jvpRules = jvpRules;
        this.elements = elements;
        this.userPackage = userPackage;
        this.trees = trees;
        this.rules = rules;
    }

    Optional<Callee> resolve(ExecutableElement method) {
        Optional<AnnotationMirror> differentiable = annotation(method, DIFFERENTIABLE);
        Optional<ExecutableElement> rule = rules.ruleFor(method);
        if (differentiable.isEmpty() && rule.isEmpty()) {
            return Optional.empty();
        }
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        String ownerName = TypeMapper.ownerName(elements, userPackage, owner);
        List<Type> params = new ArrayList<>();
        for (VariableElement p : method.getParameters()) {
            Optional<Type> t = TypeMapper.map(p.asType());
            if (t.isEmpty()) {
                return Optional.empty();
            }
            params.add(t.get());
        }
        Optional<Type> returnType = TypeMapper.map(method.getReturnType());
        if (returnType.isEmpty()) {
            return Optional.empty();
        }
        List<String> wrtNames = differentiable.map(CalleeResolver::wrtNames).orElse(List.of());
        List<Boolean> wrt = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            String name = method.getParameters().get(i).getSimpleName().toString();
            wrt.add(params.get(i).isFloating() && (wrtNames.isEmpty() || wrtNames.contains(name)));
        }
        java.util.Set<String> written = writtenParameters(method, returnType.get().base() == Type.Base.VOID);
        List<Boolean> writes = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            writes.add(params.get(i).rank() > 0
                    && written.contains(method.getParameters().get(i).getSimpleName().toString()));
        }
        String pkgOfOwner = elements.getPackageOf(owner).getQualifiedName().toString();
        String nestedOwner = owner.getQualifiedName().toString()
                .substring(pkgOfOwner.isEmpty() ? 0 : pkgOfOwner.length() + 1);
        String derivativesOf = pkgOfOwner.isEmpty() || elements.getPackageOf(owner).equals(userPackage)
                ? Names.derivativesClass(nestedOwner) : pkgOfOwner + "." + Names.derivativesClass(nestedOwner);
        String qualifiedDerivatives = qualifiedDerivatives(owner);
        String jvpOwner = differentiable.isPresent() && generates(method, false, qualifiedDerivatives)
                ? derivativesOf : null;
        String jvpName = Names.jvp(method.getSimpleName().toString());
        Optional<ExecutableElement> jvpRule = jvpRules.ruleFor(method);
        if (jvpRule.isPresent()) {
            jvpOwner = TypeMapper.ownerName(elements, userPackage, (TypeElement) jvpRule.get().getEnclosingElement());
            jvpName = jvpRule.get().getSimpleName().toString();
        }
        String tangentOwner = differentiable.isPresent() && rule.isEmpty()
                && generates(method, true, qualifiedDerivatives) ? derivativesOf : null;
        String vjpOwner;
        String vjpName;
        if (rule.isPresent()) {
            vjpOwner = TypeMapper.ownerName(elements, userPackage, (TypeElement) rule.get().getEnclosingElement());
            vjpName = rule.get().getSimpleName().toString();
        } else {
            String pkg = elements.getPackageOf(owner).getQualifiedName().toString();
            String nested = owner.getQualifiedName().toString().substring(pkg.isEmpty() ? 0 : pkg.length() + 1);
            String derivatives = Names.derivativesClass(nested);
            vjpOwner = pkg.isEmpty() || elements.getPackageOf(owner).equals(userPackage) ? derivatives
                    : pkg + "." + derivatives;
            vjpName = Names.vjp(method.getSimpleName().toString());
        }
        return Optional.of(new Callee(ownerName, method.getSimpleName().toString(),
                method.getModifiers().contains(Modifier.STATIC), params, wrt, writes, returnType.get(),
                vjpOwner, vjpName, jvpOwner, jvpName, tangentOwner,
                method.getModifiers().contains(Modifier.PRIVATE)));
    }

    /**
     * Whether Cotangent generates the forward mode ({@code _jvp}) or the second order
     * ({@code _vjpTangent}) of the {@code @Differentiable} method: only if every method it calls has
     * one too (a callee with just a user's {@code @CustomVjp} has neither; one with a
     * {@code @CustomJvp} has forward mode). Read from the source, through the methods it calls; for
     * a compiled method, from its compiled derivatives class.
     */
    private boolean generates(ExecutableElement method, boolean secondOrder, String derivativesClass) {
        java.util.Map<ExecutableElement, Boolean> memo = secondOrder ? secondOrderMemo : forwardMemo;
        Boolean known = memo.get(method);
        if (known != null) {
            return known;
        }
        TreePath path = trees.getPath(method);
        if (path == null) {
            TypeElement generated = elements.getTypeElement(derivativesClass);
            String member = secondOrder ? Names.vjpTangent(method.getSimpleName().toString()) : Names.jvp(method.getSimpleName().toString());
            boolean has = generated != null && generated.getEnclosedElements().stream()
                    .anyMatch(e -> e.getSimpleName().contentEquals(member));
            memo.put(method, has);
            return has;
        }
        memo.put(method, true);
        boolean ok = !attribution.refuses(path);
        for (ExecutableElement m : ok ? attribution.calledMethods(path) : java.util.Set.<ExecutableElement>of()) {
            boolean userVjp = rules.ruleFor(m).isPresent();
            boolean userJvp = jvpRules.ruleFor(m).isPresent();
            if (secondOrder ? userVjp : userVjp && !userJvp) {
                ok = false;
            } else if (annotation(m, DIFFERENTIABLE).isPresent() && !(userJvp && !secondOrder)) {
                ok = generates(m, secondOrder, qualifiedDerivatives((TypeElement) m.getEnclosingElement()));
            }
            if (!ok) {
                break;
            }
        }
        memo.put(method, ok);
        return ok;
    }

    /** The qualified name of the derivatives class of {@code owner}. */
    private String qualifiedDerivatives(TypeElement owner) {
        String pkg = elements.getPackageOf(owner).getQualifiedName().toString();
        String nested = owner.getQualifiedName().toString().substring(pkg.isEmpty() ? 0 : pkg.length() + 1);
        return pkg.isEmpty() ? Names.derivativesClass(nested) : pkg + "." + Names.derivativesClass(nested);
    }

    /**
     * The array parameters the method may write into. From its source when it is part of this
     * compilation: the roots of element assignments, followed through local aliases, plus any array
     * parameter it passes on to another method. Without source: every array parameter if
     * {@code allWithoutSource}, else none (the generated pullbacks of compiled methods that return a
     * value are taken to leave their arrays alone).
     */
    java.util.Set<String> writtenParameters(ExecutableElement method, boolean allWithoutSource) {
        java.util.Set<String> all = new java.util.HashSet<>();
        for (VariableElement p : method.getParameters()) {
            all.add(p.getSimpleName().toString());
        }
        if (PureLibrary.isPure(method)) {
            return java.util.Set.of();
        }
        TreePath path = trees.getPath(method);
        if (path == null || attribution.refuses(path)) {
            return allWithoutSource ? all : java.util.Set.of();
        }
        java.util.Set<String> cached = writesCache.get(method);
        if (cached != null) {
            return cached;
        }
        inProgress.add(method);
        java.util.Set<String> roots = new java.util.HashSet<>();
        java.util.Map<String, java.util.Set<String>> aliases = new java.util.HashMap<>();
        boolean[] unknown = {false};
        attribution.attribute(path);
        new com.sun.source.util.TreePathScanner<Void, Void>() {
            private void written(com.sun.source.tree.ExpressionTree target) {
                com.sun.source.tree.ExpressionTree e = target;
                while (e instanceof ArrayAccessTree a) {
                    e = a.getExpression();
                }
                if (e instanceof com.sun.source.tree.IdentifierTree id) {
                    roots.add(id.getName().toString());
                } else if (e != target) {
                    unknown[0] = true;
                }
            }

            private void alias(String name, com.sun.source.tree.ExpressionTree value) {
                com.sun.source.tree.ExpressionTree e = value;
                while (e instanceof ArrayAccessTree a) {
                    e = a.getExpression();
                }
                if (e instanceof com.sun.source.tree.ParenthesizedTree p) {
                    e = p.getExpression();
                }
                if (e instanceof com.sun.source.tree.IdentifierTree id) {
                    aliases.computeIfAbsent(name, k -> new java.util.HashSet<>()).add(id.getName().toString());
                } else if (e instanceof com.sun.source.tree.ConditionalExpressionTree c) {
                    alias(name, c.getTrueExpression());
                    alias(name, c.getFalseExpression());
                }
            }

            @Override
            public Void visitVariable(com.sun.source.tree.VariableTree node, Void unused) {
                if (node.getInitializer() != null) {
                    alias(node.getName().toString(), node.getInitializer());
                }
                return super.visitVariable(node, unused);
            }

            @Override
            public Void visitAssignment(AssignmentTree node, Void unused) {
                if (node.getVariable() instanceof ArrayAccessTree) {
                    written(node.getVariable());
                } else if (node.getVariable() instanceof com.sun.source.tree.IdentifierTree id) {
                    alias(id.getName().toString(), node.getExpression());
                }
                return super.visitAssignment(node, unused);
            }

            @Override
            public Void visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
                if (node.getVariable() instanceof ArrayAccessTree) {
                    written(node.getVariable());
                }
                return super.visitCompoundAssignment(node, unused);
            }

            @Override
            public Void visitUnary(UnaryTree node, Void unused) {
                if (node.getExpression() instanceof ArrayAccessTree) {
                    written(node.getExpression());
                }
                return super.visitUnary(node, unused);
            }

            @Override
            public Void visitMethodInvocation(com.sun.source.tree.MethodInvocationTree node, Void unused) {
                // an array handed on to another method may be written there (if that method's source
                // shows it does not write that parameter, it is not)
                javax.lang.model.element.Element called = trees.getElement(getCurrentPath());
                java.util.Set<String> calleeWrites = null;
                if (called instanceof ExecutableElement callee && !inProgress.contains(callee)
                        && trees.getPath(callee) != null) {
                    calleeWrites = writtenParameters(callee, true);
                }
                int position = -1;
                for (com.sun.source.tree.ExpressionTree arg : node.getArguments()) {
                    position++;
                    if (calleeWrites != null && position < ((ExecutableElement) called).getParameters().size()
                            && !calleeWrites.contains(((ExecutableElement) called).getParameters().get(position)
                            .getSimpleName().toString())) {
                        continue;
                    }
                    javax.lang.model.type.TypeMirror type = trees.getTypeMirror(new TreePath(getCurrentPath(), arg));
                    if (type != null && type.getKind() != javax.lang.model.type.TypeKind.ARRAY) {
                        continue;
                    }
                    com.sun.source.tree.ExpressionTree e = arg;
                    while (e instanceof ArrayAccessTree a) {
                        e = a.getExpression();
                    }
                    if (e instanceof com.sun.source.tree.IdentifierTree id) {
                        roots.add(id.getName().toString());
                    }
                }
                return super.visitMethodInvocation(node, unused);
            }
        }.scan(path, null);
        if (unknown[0]) {
            inProgress.remove(method);
            return all;
        }
        // follow aliases: a local that may point at a parameter's array writes the parameter
        inProgress.remove(method);
        java.util.Set<String> out = new java.util.HashSet<>();
        java.util.Deque<String> work = new java.util.ArrayDeque<>(roots);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!work.isEmpty()) {
            String name = work.pop();
            if (!seen.add(name)) {
                continue;
            }
            if (all.contains(name)) {
                out.add(name);
            }
            work.addAll(aliases.getOrDefault(name, java.util.Set.of()));
        }
        writesCache.put(method, out);
        return out;
    }

    static Optional<AnnotationMirror> annotation(ExecutableElement e, String name) {
        for (AnnotationMirror m : e.getAnnotationMirrors()) {
            if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(name)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private static List<String> wrtNames(AnnotationMirror mirror) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
                : mirror.getElementValues().entrySet()) {
            if (e.getKey().getSimpleName().contentEquals("wrt") && e.getValue().getValue() instanceof List<?> values) {
                for (Object v : values) {
                    out.add(String.valueOf(((AnnotationValue) v).getValue()));
                }
            }
        }
        return out;
    }
}
