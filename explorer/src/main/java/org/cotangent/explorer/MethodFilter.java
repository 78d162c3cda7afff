package org.cotangent.explorer;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.cotangent.processor.naming.Names;

/**
 * Picks, out of a generated {@code *Derivatives} class, the members derived from one user method
 * {@code f}: the methods {@code f_grad}, {@code f_vjp}, {@code f_jvp}, {@code f_jacobian},
 * {@code f_hvp}, {@code f_hessian}, {@code f_vjpTangent} (any {@code f_} plus a suffix without an
 * underscore, so that {@code f_2_grad} of a method {@code f_2} is not taken for one of {@code f}'s),
 * and the gradient record {@code FGradient}. Members are cut out of the text, javadoc included, so
 * they read exactly as generated.
 */
final class MethodFilter {
    private static final Pattern SUFFIX = Pattern.compile("[A-Za-z]+");

    private final JavaParser parser = new JavaParser(
            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));

    /** The members of {@code source} derived from {@code method}, each as text without the class's indent. */
    List<String> membersOf(String source, String method) {
        List<String> out = new ArrayList<>();
        for (BodyDeclaration<?> member : members(source)) {
            if (isDerivedFrom(member, method)) {
                out.add(text(source, member));
            }
        }
        return out;
    }

    /** The user methods that {@code source} holds derivatives of (those with a {@code _vjp}). */
    Set<String> differentiatedMethods(String source) {
        Set<String> out = new TreeSet<>();
        for (BodyDeclaration<?> member : members(source)) {
            if (member instanceof MethodDeclaration m && m.getNameAsString().endsWith("_vjp")) {
                String name = m.getNameAsString();
                out.add(name.substring(0, name.length() - "_vjp".length()));
            }
        }
        return out;
    }

    private List<BodyDeclaration<?>> members(String source) {
        ParseResult<CompilationUnit> parsed = parser.parse(source);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            throw new IllegalStateException("the generated source does not parse: " + parsed.getProblems());
        }
        List<BodyDeclaration<?>> out = new ArrayList<>();
        for (TypeDeclaration<?> type : parsed.getResult().get().getTypes()) {
            out.addAll(type.getMembers());
        }
        return out;
    }

    private static boolean isDerivedFrom(BodyDeclaration<?> member, String method) {
        if (member instanceof MethodDeclaration m) {
            String name = m.getNameAsString();
            return name.startsWith(method + "_") && SUFFIX.matcher(name.substring(method.length() + 1)).matches();
        }
        if (member instanceof TypeDeclaration<?> t) {
            return t.getNameAsString().equals(Names.gradientRecord(method));
        }
        return false;
    }

    /** The member's lines, from its javadoc to its closing brace, with the class's indent removed. */
    private static String text(String source, BodyDeclaration<?> member) {
        Position begin = member.getBegin().orElseThrow();
        Position end = member.getEnd().orElseThrow();
        if (member.getComment().isPresent() && member.getComment().get().getBegin().isPresent()) {
            Position commentBegin = member.getComment().get().getBegin().get();
            if (commentBegin.isBefore(begin)) {
                begin = commentBegin;
            }
        }
        String[] lines = source.split("\\R", -1);
        int indent = begin.column - 1;
        StringBuilder out = new StringBuilder();
        for (int line = begin.line; line <= end.line; line++) {
            String text = lines[line - 1];
            int strip = 0;
            while (strip < indent && strip < text.length() && text.charAt(strip) == ' ') {
                strip++;
            }
            out.append(text.substring(strip)).append('\n');
        }
        return out.toString();
    }
}
