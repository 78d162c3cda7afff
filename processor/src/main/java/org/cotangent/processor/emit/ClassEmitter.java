package org.cotangent.processor.emit;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.GeneratedClass;
import org.cotangent.processor.ir.IrWalk;
import org.cotangent.processor.ir.GeneratedMethod;

/**
 * Prints a {@link GeneratedClass} as Java source. The only code besides its siblings in this
 * package that touches JavaParser; the output is deterministic (same IR, same bytes).
 */
public final class ClassEmitter {
    public static final String GENERATOR = "org.cotangent.processor.CotangentProcessor";

    private ClassEmitter() {
    }

    public static String emit(GeneratedClass cls) {
        CompilationUnit unit = new CompilationUnit();
        if (!cls.packageName().isEmpty()) {
            unit.setPackageDeclaration(cls.packageName());
        }
        unit.addImport("javax.annotation.processing.Generated");
        ClassOrInterfaceDeclaration type = unit.addClass(cls.simpleName(),
                Modifier.Keyword.PUBLIC, Modifier.Keyword.FINAL);
        type.setJavadocComment(cls.javadoc());
        type.addAnnotation(new SingleMemberAnnotationExpr(new Name("Generated"), new StringLiteralExpr(GENERATOR)));
        java.util.Map<String, Expr.PrivateField> handles = new java.util.TreeMap<>();
        java.util.Map<String, org.cotangent.processor.ir.Callee> invokers = new java.util.TreeMap<>();
        for (GeneratedMethod m : cls.methods()) {
            IrWalk.forEachStmt(m.body(), s -> {
                for (Expr own : IrWalk.ownExprs(s)) {
                    IrWalk.forEachExpr(own, e -> {
                        if (e instanceof Expr.PrivateField f) {
                            handles.put(f.handle(), f);
                        }
                        if (e instanceof Expr.Call c && c.callee().isPrivate()) {
                            invokers.put(c.callee().invoker(), c.callee());
                        }
                    });
                }
            });
        }
        for (org.cotangent.processor.ir.Callee c : invokers.values()) {
            for (String member : PrivateCalls.members(c)) {
                type.addMember(StaticJavaParser.parseBodyDeclaration(member));
            }
        }
        for (Expr.PrivateField f : handles.values()) {
            String erasure = f.type().javaName();
            type.addMember(StaticJavaParser.parseBodyDeclaration("private static final VarHandle " + f.handle()
                    + " = Fields.find(MethodHandles.lookup(), " + f.owner() + ".class, \"" + f.name() + "\", "
                    + erasure + ".class);"));
        }
        if (!invokers.isEmpty()) {
            unit.addImport("java.lang.invoke.MethodHandle");
            unit.addImport("java.lang.invoke.MethodHandles");
            unit.addImport("java.lang.invoke.MethodType");
            unit.addImport("org.cotangent.runtime.Fields");
        }
        if (!handles.isEmpty()) {
            unit.addImport("java.lang.invoke.MethodHandles");
            unit.addImport("java.lang.invoke.VarHandle");
            unit.addImport("org.cotangent.runtime.Fields");
        }
        type.addConstructor(Modifier.Keyword.PRIVATE);
        for (GeneratedClass.RecordDecl r : cls.records()) {
            RecordDeclaration record = new RecordDeclaration(
                    new NodeList<>(Modifier.publicModifier()), r.name());
            for (GeneratedMethod.Param c : r.components()) {
                record.addParameter(new Parameter(StaticJavaParser.parseType(c.type()), c.name()));
            }
            record.setJavadocComment(r.javadoc());
            type.addMember(record);
        }
        for (GeneratedMethod m : cls.methods()) {
            MethodDeclaration method = type.addMethod(m.name(), Modifier.Keyword.PUBLIC, Modifier.Keyword.STATIC);
            method.setType(StaticJavaParser.parseType(m.returnType()));
            for (GeneratedMethod.Param p : m.params()) {
                method.addParameter(new Parameter(StaticJavaParser.parseType(p.type()), p.name()));
            }
            method.setJavadocComment(m.javadoc());
            BlockStmt body = new StmtEmitter().block(m.body());
            method.setBody(body);
        }
        String body = unit.toString();
        for (String imported : cls.imports()) {
            String simple = imported.substring(imported.lastIndexOf('.') + 1);
            if (java.util.regex.Pattern.compile("\\b" + simple + "\\b").matcher(body).find()) {
                unit.addImport(imported);
            }
        }
        return unit.toString();
    }
}
