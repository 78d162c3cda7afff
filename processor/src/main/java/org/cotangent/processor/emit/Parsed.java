package org.cotangent.processor.emit;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * JavaParser's parser for the small pieces the emitters spell as text (literals, type names,
 * qualified owners), each text parsed once per processor run and handed out as a fresh copy: a
 * parse builds a whole parser and its validators, which cost a quarter of a build's time when it ran
 * once per literal.
 */
final class Parsed {
    private static final Map<String, Expression> EXPRESSIONS = new ConcurrentHashMap<>();
    private static final Map<String, Type> TYPES = new ConcurrentHashMap<>();
    private static final Map<String, ClassOrInterfaceType> CLASS_TYPES = new ConcurrentHashMap<>();

    private Parsed() {
    }

    static Expression expression(String text) {
        return copy(EXPRESSIONS, text, StaticJavaParser::parseExpression);
    }

    static Type type(String text) {
        return copy(TYPES, text, StaticJavaParser::parseType);
    }

    static ClassOrInterfaceType classType(String text) {
        return copy(CLASS_TYPES, text, StaticJavaParser::parseClassOrInterfaceType);
    }

    @SuppressWarnings("unchecked")
    private static <N extends Node> N copy(Map<String, N> cache, String text, Function<String, N> parse) {
        return (N) cache.computeIfAbsent(text, parse).clone();
    }
}
