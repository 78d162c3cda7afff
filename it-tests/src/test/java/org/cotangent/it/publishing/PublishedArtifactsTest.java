package org.cotangent.it.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * What a user's build and Maven Central see of the published modules, built by the reactor before
 * this module: each jar names its module ({@code Automatic-Module-Name}, so that modular projects
 * can {@code requires} it), a sources jar and a javadoc jar lie beside it, and the BOM manages
 * exactly the published artifacts at this version.
 */
class PublishedArtifactsTest {
    private static final Path ROOT = Path.of(System.getProperty("cotangent.root", "..")).normalize();
    private static final String VERSION = System.getProperty("cotangent.version", "0.1.0-SNAPSHOT");

    @ParameterizedTest
    @CsvSource({
        "annotation, cotangent-annotation, org.cotangent",
        "runtime, cotangent-runtime, org.cotangent.runtime",
        "processor, cotangent-processor, org.cotangent.processor",
        "explorer, cotangent-explorer, org.cotangent.explorer",
    })
    void publishedJarNamesItsModuleAndHasSourcesAndJavadoc(String folder, String artifact, String module)
            throws IOException {
        Path target = ROOT.resolve(folder).resolve("target");
        Path jar = target.resolve(artifact + "-" + VERSION + ".jar");
        assertTrue(Files.isRegularFile(jar), "built by the reactor before it-tests (mvn verify at the root): " + jar);
        assertEquals(module, moduleName(jar));
        for (String classifier : List.of("sources", "javadoc")) {
            Path attached = target.resolve(artifact + "-" + VERSION + "-" + classifier + ".jar");
            assertTrue(Files.isRegularFile(attached), attached::toString);
            try (JarFile file = new JarFile(attached.toFile())) {
                String expected = classifier.equals("sources") ? ".java" : ".html";
                assertTrue(file.stream().anyMatch(e -> e.getName().endsWith(expected)),
                        attached + " holds no " + expected + " file");
            }
        }
    }

    @Test
    void everyJarOfTheBuildNamesAModuleOfItsOwn() throws IOException {
        List<Path> jars;
        try (Stream<Path> modules = Files.list(ROOT)) {
            jars = modules.map(m -> m.resolve("target"))
                    .filter(Files::isDirectory)
                    .flatMap(PublishedArtifactsTest::mainJars)
                    .collect(Collectors.toList());
        }
        assertFalse(jars.isEmpty());
        for (Path jar : jars) {
            String name = moduleName(jar);
            assertTrue(name != null && name.startsWith("org.cotangent") && !name.equals("org.cotangent.unnamed"),
                    jar + ": " + name);
        }
    }

    @Test
    void bomManagesThePublishedArtifactsAtThisVersion() throws IOException {
        String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
        assertFalse(bom.contains("<parent>"), "a BOM with a parent would bring the build's own versions along");
        for (String artifact : List.of("cotangent-annotation", "cotangent-runtime", "cotangent-processor",
                "cotangent-explorer", "cotangent-spark")) {
            assertTrue(bom.contains("<artifactId>" + artifact + "</artifactId>"), artifact);
        }
        assertTrue(bom.contains("<version>" + VERSION + "</version>"), "the BOM's version is the build's");
    }

    private static Stream<Path> mainJars(Path target) {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.toString().endsWith(".jar") && !p.getFileName().toString().startsWith("original-"))
                    .filter(p -> !p.toString().endsWith("-sources.jar") && !p.toString().endsWith("-javadoc.jar"))
                    .collect(Collectors.toList()).stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String moduleName(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return manifest == null ? null : manifest.getMainAttributes().getValue("Automatic-Module-Name");
        }
    }
}
