package org.cotangent.processor.ir;

import java.util.List;

/**
 * A derivatives class to be written: {@code FooDerivatives} with its records and methods.
 *
 * @param packageName the package, empty for the unnamed package
 * @param simpleName the class's simple name
 * @param javadoc class Javadoc
 * @param imports classes to import
 * @param records nested gradient records
 * @param methods the generated methods
 */
public record GeneratedClass(String packageName, String simpleName, String javadoc, List<String> imports,
                             List<RecordDecl> records, List<GeneratedMethod> methods) {
    public GeneratedClass {
        imports = List.copyOf(imports);
        records = List.copyOf(records);
        methods = List.copyOf(methods);
    }

    /** A public nested record: {@code record FGradient(double value, double x)}. */
    public record RecordDecl(String name, String javadoc, List<GeneratedMethod.Param> components) {
        public RecordDecl {
            components = List.copyOf(components);
        }
    }
}
