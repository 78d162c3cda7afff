package org.cotangent.processor.frontend;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import org.cotangent.processor.diag.Message;
import org.cotangent.processor.ir.Function;
import org.cotangent.processor.ir.SourcePos;
import org.cotangent.processor.ir.Stmt;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import java.util.Optional;

/**
 * The front end's entry point: reads one {@code @Differentiable} method from javac's trees into the
 * IR. This package is the only code that touches {@code com.sun.source}.
 */
public final class MethodReader {
    private final Trees trees;
    private final Elements elements;
    private final Reporter reporter;
    private final Attribution attribution;

    private final CustomRules customRules;
    private final CustomRules jvpRules;

    public MethodReader(Trees trees, Elements elements, Reporter reporter, CustomRules customRules,
                        CustomRules jvpRules) {
        this.customRules = customRules;
        this.jvpRules = jvpRules;
        this.trees = trees;
        this.elements = elements;
        this.reporter = reporter;
        this.attribution = new Attribution(trees, reporter, elements);
    }

    /** {@code block} after the declarations of the locals that hold the returned value's array lengths. */
    private static Stmt.Block withLengths(Stmt.Block block, java.util.List<org.cotangent.processor.ir.Var> lengths) {
        if (lengths.isEmpty()) {
            return block;
        }
        java.util.List<Stmt> all = new java.util.ArrayList<>();
        for (org.cotangent.processor.ir.Var length : lengths) {
            all.add(new Stmt.Decl(length, org.cotangent.processor.ir.Expr.Literal.ofInt(0), null));
        }
        all.addAll(block.stmts());
        return new Stmt.Block(all);
    }

    /**
     * The method's IR, or empty if its signature had errors (which are then reported). A body with
     * errors still gives its IR, marked incomplete, so that later checks report their errors too.
     */
    public Optional<ReadResult> read(ExecutableElement method, AnnotationMirror annotation) {
        int errorsBefore = reporter.errorCount();
        javax.lang.model.element.PackageElement userPackage = elements.getPackageOf(method);
        ValueTypes valueTypes = new ValueTypes(elements, trees, userPackage);
        Optional<Signature> signature = new SignatureReader(reporter,
                type -> TypeMapper.ownerName(elements, userPackage, type), valueTypes).read(method, annotation);
        TreePath path = trees.getPath(method);
        if (signature.isEmpty() || path == null) {
            if (path == null && reporter.errorCount() == errorsBefore) {
                reporter.error(Message.NO_SOURCE, method, method.getSimpleName());
            }
            return Optional.empty();
        }
        MethodTree tree = (MethodTree) path.getLeaf();
        CompilationUnitTree unit = path.getCompilationUnit();
        if (attribution.refuses(path)) {
            return Optional.empty();
        }
        if (!attribution.attribute(path)) {
            reporter.error(Message.NOT_ATTRIBUTED, method, method.getSimpleName());
            return Optional.empty();
        }
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        BodyReader body = new BodyReader(trees, attribution, reporter, elements, unit,
                elements.getPackageOf(owner), signature.get(), customRules, jvpRules, valueTypes);
        Stmt.Block block = body.block(new TreePath(path, tree.getBody()));
        boolean complete = reporter.errorCount() == errorsBefore;
        Signature s = signature.get();
        String ownerName = owner.getQualifiedName().toString();
        String pkg = elements.getPackageOf(owner).getQualifiedName().toString();
        if (!pkg.isEmpty()) {
            ownerName = ownerName.substring(pkg.length() + 1);
        }
        SourcePos pos = body.pos(tree);
        Function function = new Function(method.getSimpleName().toString(), ownerName, s.params(), s.wrt(),
                s.returnType(), withLengths(block, body.returnLengths()), pos, s.valueParams(), s.valueReturn(),
                body.returnLengths());
        return Optional.of(new ReadResult(function, body.callSites(), body.statementSites(), body.valueCarriers(), complete));
    }
}
