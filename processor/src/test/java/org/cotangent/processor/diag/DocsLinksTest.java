package org.cotangent.processor.diag;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README stays a short front page: every docs page linked from it, every relative link resolving. */
class DocsLinksTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

    @Test
    void everyDocsPageIsLinkedFromTheReadme() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        List<String> unlinked = new ArrayList<>();
        try (Stream<Path> pages = Files.list(ROOT.resolve("docs"))) {
            pages.filter(p -> p.toString().endsWith(".md"))
                    .forEach(p -> {
                        if (!readme.contains("](docs/" + p.getFileName() + ")")
                                && !readme.contains("](docs/" + p.getFileName() + "#")) {
                            unlinked.add(p.getFileName().toString());
                        }
                    });
        }
        assertEquals(List.of(), unlinked, "docs pages the README does not link");
        assertTrue(readme.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 12 * 1024,
                "README.md is a front page: keep it under 12 KB, move reference material to docs/");
    }

    @Test
    void relativeLinksResolve() throws IOException {
        List<String> broken = new ArrayList<>();
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("CONTRIBUTING.md")));
        try (Stream<Path> pages = Files.list(ROOT.resolve("docs"))) {
            pages.filter(p -> p.toString().endsWith(".md")).forEach(files::add);
        }
        for (Path file : files) {
            Matcher m = LINK.matcher(Files.readString(file));
            while (m.find()) {
                String target = m.group(1);
                if (target.startsWith("http") || target.startsWith("mailto:")) {
                    continue;
                }
                if (!Files.exists(file.getParent().resolve(target))) {
                    broken.add(file.getFileName() + " -> " + target);
                }
            }
        }
        assertEquals(List.of(), broken);
    }
}
