package org.cotangent.processor.ir;

import java.util.List;

/**
 * A derivatives class to be written: {@code FooDerivatives} with its records and methods.
 *
 * @param packageName the package, empty for the unnamed package
 * @param simpleName the class's simple name
 * @param javadoc class Javadoc
 * @param imports classes to import (where their simple names are used and free)
 * @param packageTypes the simple names of the types of the package (a runtime class of the same
 *     simple name is then written qualified)
 * @param records nested gradient records
 * @param methods the generated methods
 */
public record GeneratedClass(String packageName, String simpleName, String javadoc, List<String> imports,
                             java.util.Set<String> packageTypes, List<RecordDecl> records,
                             List<GeneratedMethod> methods) {
    public GeneratedClass {
        imports = List.copyOf(imports);
        packageTypes = java.util.Set.copyOf(packageTypes);
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
