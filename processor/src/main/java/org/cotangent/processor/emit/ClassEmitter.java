package org.cotangent.processor.emit;

import org.cotangent.processor.naming.RuntimeMethod;
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
import org.cotangent.processor.naming.RuntimeClasses;

/**
 * Prints a {@link GeneratedClass} as Java source. The only code besides its siblings in this
 * package that touches JavaParser; the output is deterministic (same IR, same bytes).
 */
public final class ClassEmitter {
    public static final String GENERATOR = "org.cotangent.processor.CotangentProcessor";

    private ClassEmitter() {
    }

    private static final String GENERATED = "javax.annotation.processing.Generated";

    public static String emit(GeneratedClass cls) {
        RuntimeSpelling spelling = new RuntimeSpelling(takenNames(cls));
        CompilationUnit unit = new CompilationUnit();
        if (!cls.packageName().isEmpty()) {
            unit.setPackageDeclaration(cls.packageName());
        }
        addImport(unit, spelling, GENERATED);
        ClassOrInterfaceDeclaration type = unit.addClass(cls.simpleName(),
                Modifier.Keyword.PUBLIC, Modifier.Keyword.FINAL);
        type.setJavadocComment(cls.javadoc());
        type.addAnnotation(new SingleMemberAnnotationExpr(new Name(spelling.of(GENERATED)),
                new StringLiteralExpr(GENERATOR)));
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
            for (String member : PrivateCalls.members(c, spelling)) {
                type.addMember(StaticJavaParser.parseBodyDeclaration(member));
            }
        }
        for (Expr.PrivateField f : handles.values()) {
            String erasure = f.type().javaName();
            type.addMember(StaticJavaParser.parseBodyDeclaration("private static final "
                    + spelling.of("java.lang.invoke.VarHandle") + " " + f.handle() + " = "
                    + spelling.of(RuntimeClasses.FIELDS) + "." + RuntimeMethod.FIELD_HANDLE.methodName() + "(" + spelling.of("java.lang.invoke.MethodHandles")
                    + ".lookup(), " + f.owner() + ".class, \"" + f.name() + "\", " + erasure + ".class);"));
        }
        if (!invokers.isEmpty()) {
            addImport(unit, spelling, "java.lang.invoke.MethodHandle");
            addImport(unit, spelling, "java.lang.invoke.MethodHandles");
            addImport(unit, spelling, "java.lang.invoke.MethodType");
            addImport(unit, spelling, RuntimeClasses.FIELDS);
        }
        if (!handles.isEmpty()) {
            addImport(unit, spelling, "java.lang.invoke.MethodHandles");
            addImport(unit, spelling, "java.lang.invoke.VarHandle");
            addImport(unit, spelling, RuntimeClasses.FIELDS);
        }
        type.addConstructor(Modifier.Keyword.PRIVATE);
        for (GeneratedClass.RecordDecl r : cls.records()) {
            RecordDeclaration record = new RecordDeclaration(
                    new NodeList<>(Modifier.publicModifier()), r.name());
            for (GeneratedMethod.Param c : r.components()) {
                record.addParameter(new Parameter(Parsed.type(spelling.ofType(c.type())), c.name()));
            }
            record.setJavadocComment(r.javadoc());
            type.addMember(record);
        }
        for (GeneratedMethod m : cls.methods()) {
            MethodDeclaration method = type.addMethod(m.name(), Modifier.Keyword.PUBLIC, Modifier.Keyword.STATIC);
            method.setType(Parsed.type(spelling.ofType(m.returnType())));
            for (GeneratedMethod.Param p : m.params()) {
                method.addParameter(new Parameter(Parsed.type(spelling.ofType(p.type())), p.name()));
            }
            method.setJavadocComment(m.javadoc());
            BlockStmt body = new StmtEmitter(spelling).methodBody(m.body());
            method.setBody(body);
        }
        String body = SourcePrinter.print(unit);
        for (String imported : cls.imports()) {
            String simple = imported.substring(imported.lastIndexOf('.') + 1);
            if (java.util.regex.Pattern.compile("\\b" + simple + "\\b").matcher(body).find()) {
                addImport(unit, spelling, imported);
            }
        }
        return SourcePrinter.print(unit);
    }

    private static void addImport(CompilationUnit unit, RuntimeSpelling spelling, String qualified) {
        if (spelling.importable(qualified)) {
            unit.addImport(qualified);
        }
    }

    /**
     * The simple names that the user's code gives to something in the generated file: every
     * variable and parameter of its methods, the types of its package, its own name and its records'.
     */
    private static java.util.Set<String> takenNames(GeneratedClass cls) {
        java.util.Set<String> taken = new java.util.HashSet<>(cls.packageTypes());
        taken.add(cls.simpleName());
        cls.records().forEach(r -> taken.add(r.name()));
        for (GeneratedMethod m : cls.methods()) {
            m.params().forEach(p -> taken.add(p.name()));
            IrWalk.forEachStmt(m.body(), s -> {
                if (s instanceof org.cotangent.processor.ir.Stmt.Decl d) {
                    taken.add(d.var().name());
                } else if (s instanceof org.cotangent.processor.ir.Stmt.CountedLoop c) {
                    taken.add(c.counter().name());
                }
            });
        }
        return taken;
    }
}
