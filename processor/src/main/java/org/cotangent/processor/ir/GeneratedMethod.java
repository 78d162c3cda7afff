package org.cotangent.processor.ir;

import java.util.List;

/**
 * A method of a generated class, still as IR: the emitter prints it.
 *
 * @param name its name
 * @param javadoc the Javadoc text (without comment markers)
 * @param returnType the Java spelling of the return type
 * @param params parameters, each with its Java type spelling
 * @param body the body
 */
public record GeneratedMethod(String name, String javadoc, String returnType, List<Param> params, Stmt.Block body) {
    public GeneratedMethod {
        params = List.copyOf(params);
    }

    /** A parameter: its type as written in Java and its name. */
    public record Param(String type, String name) {
    }
}
