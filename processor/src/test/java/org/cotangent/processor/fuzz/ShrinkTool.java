package org.cotangent.processor.fuzz;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: shrinks the failing programs the fuzzer saved. Run with
 * {@code mvn -pl processor test -Dtest=ShrinkTool -Dcotangent.fuzz.shrink=target/fuzz-failures}; for
 * every {@code P<seed>.java} there it writes {@code P<seed>.min.java}.
 */
class ShrinkTool {
    private static final Pattern LENGTH = Pattern.compile("kind=ARRAY, length=(\\d+)");
    private static final Pattern INT = Pattern.compile("kind=INT, length=0, intValue=(\\d+)");

    @Test
    @EnabledIfSystemProperty(named = "cotangent.fuzz.shrink", matches = ".+")
    void shrinkSavedFailures() throws Exception {
        Path dir = Path.of(System.getProperty("cotangent.fuzz.shrink"));
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().matches("P\\d+\\.java")).sorted().toList()) {
                String name = p.getFileName().toString().replace(".java", "");
                String text = Files.readString(p);
                int comment = text.indexOf("\n/* seed");
                String code = comment < 0 ? text : text.substring(0, comment + 1);
                String meta = comment < 0 ? "" : text.substring(comment);
                StringBuilder header = new StringBuilder("// fuzz:");
                Matcher l = LENGTH.matcher(meta);
                if (l.find()) {
                    header.append(" length=").append(l.group(1));
                }
                Matcher i = INT.matcher(meta);
                if (i.find()) {
                    header.append(" int=").append(i.group(1));
                }
                code = code.replace("public class " + name, header + "\npublic class " + name);
                String problems = FuzzRegressionTest.problems(name, code);
                if (problems == null) {
                    System.out.println("SHRINK " + name + ": does not fail under the regression checker");
                    continue;
                }
                String small = Shrinker.shrink(name, code);
                Files.writeString(dir.resolve(name + ".min.java"), small, StandardCharsets.UTF_8);
                System.out.println("SHRINK " + name + " (" + Shrinker.signature(problems) + "):\n" + small);
            }
        }
    }
}
