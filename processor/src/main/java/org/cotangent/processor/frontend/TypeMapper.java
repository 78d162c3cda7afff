package org.cotangent.processor.frontend;

import org.cotangent.processor.ir.Type;

import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import java.util.Optional;

/** Maps javac's types onto the IR's; anything else is empty, and the caller reports it. */
final class TypeMapper {
    private TypeMapper() {
    }

    static Optional<Type> map(TypeMirror mirror) {
        int rank = 0;
        TypeMirror element = mirror;
        while (element.getKind() == TypeKind.ARRAY) {
            element = ((ArrayType) element).getComponentType();
            rank++;
        }
        Type.Base base = switch (element.getKind()) {
            case DOUBLE -> Type.Base.DOUBLE;
            case INT -> Type.Base.INT;
            case LONG -> Type.Base.LONG;
            case BOOLEAN -> Type.Base.BOOLEAN;
            case VOID -> Type.Base.VOID;
            case DECLARED -> Type.Base.OTHER;
            default -> null;
        };
        if (base == null || rank > 2) {
            return Optional.empty();
        }
        return Optional.of(new Type(base, rank));
    }

    static boolean isFloat(TypeMirror mirror) {
        TypeMirror element = mirror;
        while (element.getKind() == TypeKind.ARRAY) {
            element = ((ArrayType) element).getComponentType();
        }
        return element.getKind() == TypeKind.FLOAT;
    }

    /** How generated code in {@code userPackage} names {@code type}. */
    static String ownerName(Elements elements, PackageElement userPackage, TypeElement type) {
        String qualified = type.getQualifiedName().toString();
        PackageElement pkg = elements.getPackageOf(type);
        String pkgName = pkg.getQualifiedName().toString();
        if (pkgName.equals("java.lang") || pkg.equals(userPackage)) {
            return pkgName.isEmpty() ? qualified : qualified.substring(pkgName.length() + 1);
        }
        return qualified;
    }
}
