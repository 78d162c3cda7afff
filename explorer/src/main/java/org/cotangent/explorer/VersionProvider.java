package org.cotangent.explorer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** {@code --version}: the project version Maven wrote into {@code version.properties}, and the JVM's. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"cotangent-explorer " + projectVersion(), "Java " + Runtime.version()};
    }

    static String projectVersion() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // an unreadable resource only costs the version number
        }
        return p.getProperty("version", "(unknown version)");
    }
}
