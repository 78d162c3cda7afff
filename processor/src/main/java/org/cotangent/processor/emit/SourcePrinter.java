package org.cotangent.processor.emit;

import com.github.javaparser.ast.Node;
import com.github.javaparser.printer.DefaultPrettyPrinter;
import com.github.javaparser.printer.DefaultPrettyPrinterVisitor;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration;
import com.github.javaparser.printer.configuration.PrinterConfiguration;

/**
 * JavaParser's default pretty printer, less its search for orphan comments where a node has none:
 * that search copies and sorts a node's children for each child, so it grew with the square of a
 * block's length (generated blocks hold hundreds of statements). The emitters attach every comment to
 * the statement it describes, so the output is the default printer's, character for character.
 */
final class SourcePrinter {
    private SourcePrinter() {
    }

    static String print(Node node) {
        PrinterConfiguration configuration = new DefaultPrinterConfiguration();
        return new DefaultPrettyPrinter(OrphanAware::new, configuration).print(node);
    }

    private static final class OrphanAware extends DefaultPrettyPrinterVisitor {
        OrphanAware(PrinterConfiguration configuration) {
            super(configuration);
        }

        @Override
        protected void printOrphanCommentsBeforeThisChildNode(Node node) {
            if (node.getParentNode().map(p -> !p.getOrphanComments().isEmpty()).orElse(false)) {
                super.printOrphanCommentsBeforeThisChildNode(node);
            }
        }

        @Override
        protected void printOrphanCommentsEnding(Node node) {
            if (!node.getOrphanComments().isEmpty()) {
                super.printOrphanCommentsEnding(node);
            }
        }
    }
}
