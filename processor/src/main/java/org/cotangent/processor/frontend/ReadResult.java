package org.cotangent.processor.frontend;

import com.sun.source.tree.Tree;
import org.cotangent.processor.ir.Expr;
import org.cotangent.processor.ir.Function;

import java.util.Map;

/**
 * What the front end read: the IR of a method, and for the calls whose derivative is decided only
 * after activity analysis, the trees they came from (so that a later error lands on the call).
 *
 * @param function the IR
 * @param callSites each {@link Expr.StaticCall} with a {@code double} result, mapped to its tree
 * @param statementSites each assignment, mapped to its tree
 * @param valueCarriers each {@link Expr.StaticCall} with an integer result that may carry the value of
 *     a floating argument (not a step function of it), mapped to the JDK method through which it does
 * @param complete false if the body had errors (already reported): the IR then lacks the rejected
 *     statements and serves only to find further errors, never to generate code
 */
public record ReadResult(Function function, Map<Expr, Tree> callSites, Map<org.cotangent.processor.ir.Stmt, Tree> statementSites,
                         Map<Expr, String> valueCarriers, boolean complete) {
}
