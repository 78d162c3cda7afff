package org.cotangent.processor.frontend;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
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

    CalleeResolver(Elements elements, PackageElement userPackage, Trees trees, CustomRules rules) {
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
        String ownerName = BodyReader.ownerName(elements, userPackage, owner);
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
        boolean writesArrays = writesArrays(method, returnType.get());
        List<Boolean> writes = new ArrayList<>();
        for (Type t : params) {
            writes.add(writesArrays && t.rank() > 0);
        }
        String vjpOwner;
        String vjpName;
        if (rule.isPresent()) {
            vjpOwner = BodyReader.ownerName(elements, userPackage, (TypeElement) rule.get().getEnclosingElement());
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
                vjpOwner, vjpName));
    }

    /**
     * Whether the method may write into its array parameters: read from its source when it is part of
     * this compilation (any element assignment counts); otherwise assumed for void methods only.
     */
    private boolean writesArrays(ExecutableElement method, Type returnType) {
        TreePath path = trees.getPath(method);
        if (path == null) {
            return returnType.base() == Type.Base.VOID;
        }
        boolean[] found = {false};
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitAssignment(AssignmentTree node, Void unused) {
                found[0] |= node.getVariable() instanceof ArrayAccessTree;
                return super.visitAssignment(node, unused);
            }

            @Override
            public Void visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
                found[0] |= node.getVariable() instanceof ArrayAccessTree;
                return super.visitCompoundAssignment(node, unused);
            }

            @Override
            public Void visitUnary(UnaryTree node, Void unused) {
                found[0] |= node.getExpression() instanceof ArrayAccessTree;
                return super.visitUnary(node, unused);
            }
        }.scan(path.getLeaf(), null);
        return found[0];
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
