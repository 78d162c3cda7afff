package org.cotangent.explorer;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;

/**
 * Reads like the standard file manager and writes nothing to disk: every class file, generated source
 * and resource goes into memory. Without this, javac (given no {@code -d}) would put class files next
 * to the user's source. Generated sources stay readable, so javac compiles them in the next round.
 */
final class InMemoryFileManager extends ForwardingJavaFileManager<StandardJavaFileManager> {
    /** Generated sources by path relative to the output root ({@code demo/BananaDerivatives.java}). */
    private final Map<String, Output> sources = new TreeMap<>();

    InMemoryFileManager(StandardJavaFileManager standard) {
        super(standard);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                               FileObject sibling) {
        String path = className.replace('.', '/') + kind.extension;
        Output out = new Output(path, kind);
        if (kind == JavaFileObject.Kind.SOURCE) {
            sources.put(path, out);
        }
        return out;
    }

    @Override
    public FileObject getFileForOutput(Location location, String packageName, String relativeName,
                                       FileObject sibling) {
        String dir = packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/";
        return new Output(dir + relativeName, JavaFileObject.Kind.OTHER);
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
        if (a instanceof Output || b instanceof Output) {
            return a.equals(b);
        }
        return super.isSameFile(a, b);
    }

    /** The generated sources written so far, by relative path, in path order. */
    Map<String, String> generatedSources() {
        Map<String, String> out = new TreeMap<>();
        sources.forEach((path, file) -> out.put(path, file.text()));
        return out;
    }

    /** An output file held in memory; javac may read a generated source back. */
    static final class Output extends SimpleJavaFileObject {
        private final String path;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Output(String path, Kind kind) {
            super(URI.create("mem:///" + path), kind);
            this.path = path;
        }

        /** The path relative to the output root. */
        String path() {
            return path;
        }

        @Override
        public OutputStream openOutputStream() {
            bytes.reset();
            return bytes;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text();
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
