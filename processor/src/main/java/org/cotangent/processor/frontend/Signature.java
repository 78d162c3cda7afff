package org.cotangent.processor.frontend;

import org.cotangent.processor.ir.Type;
import org.cotangent.processor.ir.Var;

import javax.lang.model.element.VariableElement;
import java.util.List;
import java.util.Map;

/**
 * A method's parameters as the IR sees them, and which of them the user differentiates.
 *
 * @param params the parameters in order
 * @param wrt the differentiated parameters, in declaration order
 * @param returnType the return type
 * @param byElement the parameter variable of each parameter element
 * @param self the receiver of an instance method (first of {@code params}), or null (also for the
 *     receiver of a value type, which is a value parameter)
 * @param valueParams the parameters of value types (their leaves stand in {@code params})
 * @param valueByElement the value parameter of each such parameter element
 * @param valueSelf the receiver of an instance method of a value type, or null
 * @param valueReturn the value type the method returns (then {@code returnType} is the
 *     {@code double[]} of its leaves), or null
 */
record Signature(List<Var> params, List<Var> wrt, Type returnType, Map<VariableElement, Var> byElement,
                 Var self, List<org.cotangent.processor.ir.ValueParam> valueParams,
                 Map<VariableElement, org.cotangent.processor.ir.ValueParam> valueByElement,
                 org.cotangent.processor.ir.ValueParam valueSelf, org.cotangent.processor.ir.ValueType valueReturn) {
}
